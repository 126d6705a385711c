import type { schema } from "~/db.server";
import type { MessageKey } from "~/i18n";
import { addNotification } from "~/models/notification.server";
import {
  claimDigest,
  claimRequestNotice,
  digestPreferences,
  getRequestDigest,
  getRequestRow,
  markNoticeMailed,
  organisationName,
  pendingDigestNotices,
  requestMatchRows,
  setRequestDigest,
} from "~/models/request-notice.server";
import { notifyOrganisation } from "~/services/notify.server";
import { declinedOfferers } from "~/models/offer.server";
import { onRequestsClosed } from "~/models/request.server";

/*
 * Who hears about what on the supply–demand board, in-app and by mail. The guarantees live in unique keys:
 * request_notices (request, organisation) for "a request that fits you" (at once or in the daily digest), and
 * notifications.dedupe_key for the other events, so a retry, a second click or the closing job running twice
 * never mails anyone twice.
 */

/** Cooperatives told about a public request when it opens: the best-ranked ones with no missing certificate. */
export const NOTIFY_TOP = 10;

function requestParams(r: typeof schema.requests.$inferSelect) {
  return { title: r.title, quantity: r.quantity, unit: `units.${r.unit}`, from: r.deliveryFrom, to: r.deliveryTo, closing: r.closingDate };
}

export { getRequestDigest, setRequestDigest };

const wantsDigest = (organisationId: number) => getRequestDigest({ organisationId });

/** Tells cooperatives about a request (matched or invited): one notice each, ever; mail now unless they chose the digest. */
export async function announceRequest({ requestId, cooperativeIds, reason }: { requestId: number; cooperativeIds?: number[]; reason: "match" | "invitation" }) {
  const request = getRequestRow({ id: requestId });
  if (!request || request.state !== "open") return 0;
  let targets = cooperativeIds ?? [];
  if (!cooperativeIds) {
    if (request.visibility !== "public") return 0;
    const matches = requestMatchRows({ requestId });
    targets = matches
      .filter((m) => !m.gaps.some((g) => g.key.startsWith("market.gap.cert") || g.key === "market.gap.stars"))
      .sort((a, b) => a.rank - b.rank)
      .slice(0, NOTIFY_TOP)
      .map((m) => m.cooperativeId);
  }
  let told = 0;
  const params = requestParams(request);
  const path = `/requests/${request.id}`;
  for (const organisationId of targets) {
    const fresh = claimRequestNotice({ requestId, organisationId, reason });
    if (!fresh) continue;
    told++;
    addNotification({ organisationId, kind: `market.${reason}`, messageKey: reason === "invitation" ? "market.notice.invited" : "market.notice.matched", params, path, dedupeKey: `request:${requestId}` });
    if (wantsDigest(organisationId)) continue;
    // Marked before sending: a crash between the two loses one mail rather than sending it twice.
    markNoticeMailed({ requestId, organisationId });
    await notifyOrganisation({ organisationId, subject: reason === "invitation" ? "market.mail.inviteSubject" : "market.mail.requestSubject", body: "market.mail.requestBody", params, path });
  }
  return told;
}

/**
 * The daily digest: for each organisation that chose it, one mail listing the requests it was told about and not
 * yet mailed, at most once a day. Run by `npm run market:digest` and when a cooperative opens its requests page.
 */
export async function sendRequestDigests({ now = new Date() }: { now?: Date } = {}) {
  const dayAgo = new Date(now.getTime() - 24 * 3_600_000).toISOString();
  const prefs = digestPreferences();
  let sent = 0;
  for (const p of prefs) {
    if (p.lastDigestAt && p.lastDigestAt > dayAgo) continue;
    const pending = pendingDigestNotices({ organisationId: p.organisationId });
    if (!pending.length) continue;
    const stamp = now.toISOString();
    if (!claimDigest({ organisationId: p.organisationId, lastDigestAt: p.lastDigestAt, stamp, requestIds: pending.map((r) => r.requestId) })) continue;
    const list = pending.map((r) => `• #${r.requestId} ${r.title} — ${r.quantity} ${r.unit} (≤ ${r.closing})`).join("\n");
    await notifyOrganisation({ organisationId: p.organisationId, subject: "market.mail.digestSubject", body: "market.mail.digestBody", params: { n: pending.length, list }, path: "/dashboard/requests" });
    sent++;
  }
  return sent;
}

/** Thanks the cooperatives whose offers were not chosen when a request ends (once per offer). */
export async function tellDeclined({ requestId }: { requestId: number }) {
  const request = getRequestRow({ id: requestId });
  if (!request) return 0;
  let told = 0;
  for (const o of declinedOfferers({ requestId })) {
    const fresh = addNotification({ organisationId: o.cooperativeId, kind: "market.declined", messageKey: "market.notice.declined", params: { title: request.title }, path: `/requests/${requestId}`, dedupeKey: `offer:${o.offerId}:declined` });
    if (!fresh) continue;
    told++;
    await notifyOrganisation({ organisationId: o.cooperativeId, subject: "market.mail.declinedSubject", body: "market.mail.declinedBody", params: { title: request.title }, path: `/requests/${requestId}` });
  }
  return told;
}

/** A new offer or revision: the buyer hears in-app and by mail (per revision, once). */
export async function tellBuyerOffer({ requestId, cooperativeId, revision }: { requestId: number; cooperativeId: number; revision: number }) {
  const request = getRequestRow({ id: requestId });
  const coopName = organisationName({ id: cooperativeId });
  if (!request || !coopName) return;
  const key: MessageKey = revision > 1 ? "market.notice.revised" : "market.notice.offer";
  const path = `/dashboard/requests/${requestId}`;
  const fresh = addNotification({ organisationId: request.buyerId, kind: "market.offer", messageKey: key, params: { cooperative: coopName, title: request.title, revision }, path, dedupeKey: `offer:${requestId}:${cooperativeId}:${revision}` });
  if (fresh && revision === 1) await notifyOrganisation({ organisationId: request.buyerId, subject: "market.mail.offerSubject", body: "market.mail.offerBody", params: { cooperative: coopName, title: request.title }, path });
}

export async function tellAccepted({ requestId, cooperativeId, order }: { requestId: number; cooperativeId: number; order: { id: number; number: string } }) {
  const request = getRequestRow({ id: requestId });
  if (!request) return;
  const path = `/dashboard/orders/${order.id}`;
  if (addNotification({ organisationId: cooperativeId, kind: "market.accepted", messageKey: "market.notice.accepted", params: { title: request.title, number: order.number }, path, dedupeKey: `order:${order.id}:accepted` })) {
    await notifyOrganisation({ organisationId: cooperativeId, subject: "market.mail.acceptedSubject", body: "market.mail.acceptedBody", params: { title: request.title, number: order.number }, path });
  }
}

// Requests closed lazily (on read) or by the job: their unchosen offerers are thanked, wherever the close happened.
onRequestsClosed((ids) => {
  for (const requestId of ids) void tellDeclined({ requestId }).catch((error) => console.error("tellDeclined failed", error));
});

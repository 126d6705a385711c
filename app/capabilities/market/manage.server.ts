import { parseWithZod } from "@conform-to/zod/v4";
import { data } from "@remix-run/node";
import { z } from "zod";
import { getT } from "~/i18n";
import { getLocale } from "~/i18n/server";
import { acceptSchema, questionSchema } from "~/lib/market-forms";
import { OrderError } from "~/models/order.server";
import { acceptOffer, askAboutOffer, setShortlisted } from "~/models/offer.server";
import { announceRequest, tellAccepted, tellDeclined } from "~/capabilities/market/notify.server";
import { findCooperative, inviteCooperatives, publishRequest, refreshMatches, transitionRequest } from "~/models/request.server";
import { notifyOrderPlaced, orderErrorMessage } from "~/capabilities/orders/route-helpers.server";
import { readForm } from "~/services/uploads.server";

const idField = z.coerce.number().int().positive();

/**
 * The buyer's actions on its request page. Each answers with the real status (400 bad input, 404 not yours,
 * 409 wrong state or over-acceptance without confirmation) and the values typed, and writes nothing on failure.
 */
export async function handleManage(request: Request, { requestId, buyerId, buyerName, userId }: { requestId: number; buyerId: number; buyerName: string; userId: number }) {
  const t = getT(getLocale(request));
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  const values = Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string")) as Record<string, string>;
  const fail = (status: number, message: string, offerId?: number) => data({ ok: false as const, intent, offerId: offerId ?? null, formErrors: [message], values }, { status });
  try {
    switch (intent) {
      case "publish": {
        await publishRequest({ id: requestId, buyerId });
        await announceRequest({ requestId, reason: "match" });
        return { ok: true as const, intent, done: "market.request.published" as const };
      }
      case "close":
      case "cancel": {
        transitionRequest({ id: requestId, buyerId, action: intent });
        await tellDeclined({ requestId });
        return { ok: true as const, intent, done: "market.manage.closed" as const };
      }
      case "refresh": {
        refreshMatches({ id: requestId, buyerId });
        return { ok: true as const, intent, done: null };
      }
      case "inviteByName": {
        const name = String(form.get("cooperative") ?? "").trim();
        const coop = name ? findCooperative({ nameOrSlug: name }) : null;
        if (!coop) return fail(404, t("market.errors.cooperativeNotFound"));
        const fresh = inviteCooperatives({ id: requestId, buyerId, cooperativeIds: [coop.id], userId });
        if (fresh.length) await announceRequest({ requestId, cooperativeIds: fresh, reason: "invitation" });
        return { ok: true as const, intent, done: "market.matches.invitedDone" as const };
      }
      case "invite": {
        const ids = form.getAll("cooperativeId").map((v) => idField.safeParse(v));
        if (!ids.length || ids.some((i) => !i.success)) return fail(400, t("errors.invalid"));
        const fresh = inviteCooperatives({ id: requestId, buyerId, cooperativeIds: ids.map((i) => i.data!), userId });
        if (fresh.length) await announceRequest({ requestId, cooperativeIds: fresh, reason: "invitation" });
        return { ok: true as const, intent, done: "market.matches.invitedDone" as const };
      }
      case "shortlist": {
        const offerId = idField.safeParse(form.get("offerId"));
        if (!offerId.success) return fail(400, t("errors.invalid"));
        setShortlisted({ requestId, offerId: offerId.data, buyerId, on: form.get("on") === "1" });
        return { ok: true as const, intent, done: null };
      }
      case "ask": {
        const s = parseWithZod(form, { schema: questionSchema });
        if (s.status !== "success") return fail(400, t("errors.required"), Number(form.get("offerId")) || undefined);
        const r = askAboutOffer({ requestId, offerId: s.value.offerId, buyerId, userId, body: s.value.body });
        return { ok: true as const, intent, done: "market.compare.asked" as const, threadId: r.threadId };
      }
      case "accept": {
        const s = parseWithZod(form, { schema: acceptSchema });
        const offerId = Number(form.get("offerId")) || undefined;
        if (s.status !== "success") {
          const first = Object.values(s.error ?? {}).flat()[0];
          return fail(400, first ? (first.startsWith("errors.") || first.startsWith("market.") ? t(first as never) : first) : t("errors.invalid"), offerId);
        }
        const v = s.value;
        const result = acceptOffer({
          requestId,
          offerId: v.offerId,
          revision: v.revision,
          buyerId,
          userId,
          delivery: { commune: v.commune, address: v.address, contactPhone: v.contactPhone ?? null },
          paymentMethod: v.paymentMethod,
          confirmOver: v.confirmOver ?? false,
        });
        await notifyOrderPlaced({ ...result.order, cooperativeId: result.offer.cooperativeId }, buyerName);
        await tellAccepted({ requestId, cooperativeId: result.offer.cooperativeId, order: result.order });
        if (result.fulfilled) await tellDeclined({ requestId });
        return { ok: true as const, intent, done: "market.compare.accepted" as const, order: result.order };
      }
      default:
        return fail(400, t("errors.invalid"));
    }
  } catch (error) {
    if (error instanceof OrderError) return fail(error.status, orderErrorMessage(t, error), Number(form.get("offerId")) || undefined);
    throw error;
  }
}

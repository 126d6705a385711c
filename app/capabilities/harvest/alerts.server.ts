import { getT, type T } from "~/i18n";
import { isLocale } from "~/i18n/locale";
import { formatVnd } from "~/lib/money";
import { followersOf } from "~/models/harvest.server";
import { notifyOrganisation } from "~/services/notify.server";
import { claimDueDigests, drainAlerts, type Digest } from "~/models/saved-search.server";
import { absoluteUrl, sendMail } from "~/services/mail.server";

/** Every how often the server process drains the alert queue and sends the digests that are due. */
export const ALERT_INTERVAL_MS = 5 * 60_000;

function digestText(t: T, d: Digest, locale: "vi" | "en") {
  const lines = d.items.map((i) => {
    if (i.kind === "announcement") return `• ${t("harvest.digest.announcement", { product: i.name, cooperative: i.cooperative })}\n  ${absoluteUrl(`/harvests/${i.announcementId}`)}`;
    if (i.kind === "price_drop")
      return `• ${t("harvest.digest.priceDrop", { product: i.name, from: formatVnd(i.oldPrice ?? 0, locale), to: formatVnd(i.newPrice ?? 0, locale) })}\n  ${absoluteUrl(`/products/${i.productId}`)}`;
    return `• ${t("harvest.digest.product", { product: i.name, cooperative: i.cooperative })}\n  ${absoluteUrl(`/products/${i.productId}`)}`;
  });
  const unsubscribe = absoluteUrl(`/alerts/unsubscribe/${d.token}`);
  return {
    unsubscribe,
    text: [
      t("harvest.digest.intro", { name: d.name }),
      "",
      ...lines,
      "",
      t("harvest.digest.openSearch", { url: absoluteUrl(`/search?${d.query}`) }),
      t("harvest.digest.manage", { url: absoluteUrl("/account/saved-searches") }),
      t("harvest.digest.unsubscribe", { url: unsubscribe }),
    ].join("\n"),
  };
}

/** Mails every digest that is due (at most one a day per saved search), each in its reader's language. */
export async function sendDueDigests({ now = new Date() }: { now?: Date } = {}) {
  const digests = claimDueDigests({ now });
  for (const d of digests) {
    const locale = isLocale(d.locale) ? d.locale : "vi";
    const t = getT(locale);
    const { text, unsubscribe } = digestText(t, d, locale);
    try {
      await sendMail({
        to: d.email,
        subject: t("harvest.digest.subject", { name: d.name, n: d.items.length }),
        text,
        headers: { "List-Unsubscribe": `<${unsubscribe}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
      });
    } catch (error) {
      console.error("saved-search digest failed", error);
    }
  }
  return digests.length;
}

/** One pass of the alert job: fan out what is queued (worker thread), then send what is due. */
export async function runAlerts({ now = new Date() }: { now?: Date } = {}) {
  const fanout = await drainAlerts();
  const sent = await sendDueDigests({ now });
  return { ...fanout, sent };
}

let timer: ReturnType<typeof setInterval> | undefined;
/** The server process runs the alert job every ALERT_INTERVAL_MS; the timer never keeps the process alive. */
export function keepAlertsRunning() {
  if (timer) return;
  const tick = () => void runAlerts().catch((e) => console.error("alert job failed", e));
  timer = setInterval(tick, ALERT_INTERVAL_MS);
  timer.unref();
  setTimeout(tick, 5_000).unref();
}

/** Starts the fan-out of what a write just queued without waiting for it (the write has committed). */
export function kickAlerts() {
  void drainAlerts().catch((e) => console.error("alert fan-out failed", e));
}

/** Tells the followers of the cooperative, category or province about a new announcement (best effort). */
export async function notifyFollowers(a: { id: number; cooperativeId: number; categoryCode: string; provinceCode: string; productName: string; cooperativeName: string; harvestFrom: string; harvestTo: string }) {
  for (const buyerId of followersOf(a)) {
    await notifyOrganisation({
      organisationId: buyerId,
      subject: "harvest.mail.newAnnouncementSubject",
      body: "harvest.mail.newAnnouncementBody",
      params: { product: a.productName, cooperative: a.cooperativeName, from: a.harvestFrom, to: a.harvestTo },
      path: `/harvests/${a.id}`,
    });
  }
}

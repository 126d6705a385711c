import { getT } from "~/i18n";
import { isLocale } from "~/i18n/locale";
import { todayInVietnam } from "~/lib/certificates";
import { claimExpiryWarnings, listExpiringCertificates, releaseExpiryWarnings } from "~/models/certificate.server";
import { getOrganisation } from "~/models/organisation.server";
import { listOrganisationRecipients } from "~/models/recipient.server";
import { absoluteUrl, sendMail } from "~/services/mail.server";

/**
 * Emails each cooperative about its certificates expiring within 90 days that were not warned about yet, and marks
 * them warned, so running it again (cron, or each dashboard visit) sends nothing twice.
 */
export async function sendExpiryWarnings({ cooperativeId, today = todayInVietnam() }: { cooperativeId?: number; today?: string } = {}) {
  const due = listExpiringCertificates({ cooperativeId, today }).filter((c) => !c.expiryWarnedAt);
  const byCoop = new Map<number, typeof due>();
  for (const c of due) byCoop.set(c.cooperativeId, [...(byCoop.get(c.cooperativeId) ?? []), c]);
  let sent = 0;
  let failed = 0;
  for (const [coopId, certs] of byCoop) {
    // Claim the rows first: a concurrent run finds them warned and sends nothing.
    const claimed = claimExpiryWarnings({ ids: certs.map((c) => c.id) });
    const mine = certs.filter((c) => claimed.includes(c.id));
    if (!mine.length) continue;
    const coop = getOrganisation({ id: coopId });
    const owners = listOrganisationRecipients({ organisationId: coopId, role: "owner" });
    const recipients = owners.length ? owners : coop?.email ? [{ email: coop.email, locale: null }] : [];
    try {
      for (const r of recipients) {
        const t = getT(isLocale(r.locale) ? r.locale : "vi");
        const lines = mine.map((c) =>
          t("catalogue.mail.expiryLine", {
            type: t(`badges.type.${c.type}`),
            number: c.number,
            date: c.expiryDate!,
            days: c.daysLeft,
          }),
        );
        await sendMail({
          to: r.email,
          subject: t("catalogue.mail.expirySubject", { org: coop?.name ?? "", n: mine.length }),
          text: t("catalogue.mail.expiryBody", { org: coop?.name ?? "", lines: lines.join("\n"), url: absoluteUrl("/dashboard/certificates") }),
        });
        sent++;
      }
    } catch (error) {
      // Mail is down: release the claim so the next run tries again, and let the dashboard render regardless.
      releaseExpiryWarnings({ ids: mine.map((c) => c.id) });
      console.error("expiry warning mail failed", error);
      failed++;
    }
  }
  return { sent, failed, certificates: due.length };
}

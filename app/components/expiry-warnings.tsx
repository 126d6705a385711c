import { Link } from "@remix-run/react";
import { useLocale, useT } from "~/i18n";
import { formatDate } from "~/lib/money";

export type ExpiringCertificate = { id: number; type: string; number: string; expiryDate: string | null; daysLeft: number };

/** The 90-day warning on the cooperative's dashboard: each verified certificate about to lapse. */
export function ExpiryWarnings({ certificates }: { certificates: ExpiringCertificate[] }) {
  const t = useT();
  const locale = useLocale();
  if (!certificates.length) return null;
  return (
    <div className="notice notice-warning catalogue-expiry" role="status">
      <p>
        <strong>{t("catalogue.expiry.title", { n: certificates.length })}</strong>
      </p>
      <ul>
        {certificates.map((c) => (
          <li key={c.id}>
            {t("catalogue.expiry.line", {
              type: t(`badges.type.${c.type as "vietgap"}`),
              number: c.number,
              date: c.expiryDate ? formatDate(c.expiryDate, locale) : "",
              days: c.daysLeft,
            })}{" "}
            <Link to={`/dashboard/certificates/${c.id}`}>{t("catalogue.expiry.renew")}</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

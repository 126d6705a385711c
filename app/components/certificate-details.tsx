import { useLocale, useT } from "~/i18n";
import { formatDate } from "~/lib/money";

export type CertificateDetail = {
  id: number;
  type: string;
  ocopStars: number | null;
  number: string;
  issuer: string;
  issueDate: string;
  expiryDate: string | null;
  scope: string | null;
  evidenceUrl: string | null;
};

/**
 * Each badge of a product opens onto what stands behind it (a certificate is evidence, not a tag): number, issuer,
 * validity, scope and the scan. Plain <details>, so it works without JavaScript.
 */
export function CertificateDetails({ certificates }: { certificates: CertificateDetail[] }) {
  const t = useT();
  const locale = useLocale();
  if (!certificates.length) return null;
  return (
    <ul className="commerce-certs" aria-label={t("badges.label")}>
      {certificates.map((c) => (
        <li key={c.id} id={`certificate-${c.id}`}>
          <details>
            <summary>
              {c.type === "ocop" && c.ocopStars ? (
                <span className="badge badge-ocop">
                  OCOP <span aria-hidden="true">{"★".repeat(c.ocopStars)}</span>
                  <span className="visually-hidden">{t("badges.stars", { stars: c.ocopStars })}</span>
                </span>
              ) : (
                <span className="badge">{t(`badges.type.${c.type as "vietgap"}`)}</span>
              )}
              <span className="muted">{t("commerce.cert.details")}</span>
            </summary>
            <ul className="commerce-cert-facts">
              <li>{t("commerce.cert.number", { number: c.number })}</li>
              <li>{t("commerce.cert.issuer", { issuer: c.issuer })}</li>
              <li>
                {c.expiryDate
                  ? t("commerce.cert.validity", { from: formatDate(c.issueDate, locale), to: formatDate(c.expiryDate, locale) })
                  : t("commerce.cert.validityOpen", { from: formatDate(c.issueDate, locale) })}
              </li>
              {c.scope ? <li>{t("commerce.cert.scope", { scope: c.scope })}</li> : null}
              <li>
                <span className="badge badge-verified">✓ {t("commerce.cert.verifiedBy")}</span>
              </li>
              {c.evidenceUrl ? (
                <li>
                  <a href={c.evidenceUrl} target="_blank" rel="noopener">
                    {t("commerce.cert.evidence")}
                  </a>
                </li>
              ) : null}
            </ul>
          </details>
        </li>
      ))}
    </ul>
  );
}

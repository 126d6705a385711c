import { useT } from "~/i18n";
import type { Badge } from "~/lib/badges";

// Kept for importers of the type from here; it lives in app/lib/badges.ts so models can use it.
export type { Badge };

const order = ["ocop", "vietgap", "organic", "globalgap", "gi", "collective_trademark", "haccp", "iso22000", "iso9001", "planting_area_code", "other"];

/** Badges of active certificates only: the caller passes what `activeBadges()` found. */
export function CertificateBadges({ badges }: { badges: Badge[] }) {
  const t = useT();
  if (!badges.length) return null;
  const sorted = [...badges].sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type));
  return (
    <ul className="badges" aria-label={t("badges.label")}>
      {sorted.map((b) => (
        <li key={`${b.type}-${b.ocopStars ?? ""}`}>
          {b.type === "ocop" && b.ocopStars ? (
            <span className="badge badge-ocop" title={t("badges.ocopTitle", { stars: b.ocopStars })}>
              OCOP <span aria-hidden="true">{"★".repeat(b.ocopStars)}</span>
              <span className="visually-hidden">{t("badges.stars", { stars: b.ocopStars })}</span>
            </span>
          ) : (
            <span className="badge">{t(`badges.type.${b.type as "vietgap"}`)}</span>
          )}
        </li>
      ))}
    </ul>
  );
}

export function VerifiedBadge({ verified }: { verified: boolean }) {
  const t = useT();
  if (!verified) return null;
  return (
    <span className="badge badge-verified" title={t("badges.verifiedTitle")}>
      <span aria-hidden="true">✓</span> {t("badges.verified")}
    </span>
  );
}

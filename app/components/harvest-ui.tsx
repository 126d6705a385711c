import { Form, Link, useLocation } from "@remix-run/react";
import { useLocale, useT, type MessageKey } from "~/i18n";
import { formatDate, formatNumber, formatVnd } from "~/lib/money";

export function PriceIndication({ min, max, unit }: { min: number; max: number | null; unit: string }) {
  const t = useT();
  const locale = useLocale();
  const u = t(`units.${unit}` as MessageKey);
  return <>{max ? t("harvest.price.range", { min: formatVnd(min, locale), max: formatVnd(max, locale), unit: u }) : t("harvest.price.single", { price: formatVnd(min, locale), unit: u })}</>;
}

export function WindowCertificates({ certificates }: { certificates: { type: string; ocopStars: number | null; expiryDate: string | null }[] }) {
  const t = useT();
  const locale = useLocale();
  if (!certificates.length) return <p className="muted">{t("harvest.certificatesNone")}</p>;
  return (
    <ul className="badges" aria-label={t("harvest.certificates")}>
      {certificates.map((c) => {
        const name = c.type === "ocop" && c.ocopStars ? `OCOP ${c.ocopStars}★` : t(`badges.type.${c.type}` as MessageKey);
        return (
          <li key={`${c.type}-${c.ocopStars ?? ""}`}>
            <span className="badge">{c.expiryDate ? t("harvest.certificateUntil", { type: name, date: formatDate(c.expiryDate, locale) }) : name}</span>
          </li>
        );
      })}
    </ul>
  );
}

export type BoardItem = {
  id: number;
  productName: string;
  productNameEn: string | null;
  cooperativeName: string;
  cooperativeSlug: string;
  provinceName: string;
  harvestFrom: string;
  harvestTo: string;
  quantity: number;
  remainingQuantity: number;
  unit: string;
  priceMin: number;
  priceMax: number | null;
  certificates: { type: string; ocopStars: number | null; expiryDate: string | null }[];
};

export function AnnouncementCard({ a }: { a: BoardItem }) {
  const t = useT();
  const locale = useLocale();
  const unit = t(`units.${a.unit}` as MessageKey);
  const name = locale === "en" && a.productNameEn ? a.productNameEn : a.productName;
  return (
    <article className="card harvest-card">
      <h2 className="harvest-card-title">
        <Link to={`/harvests/${a.id}`}>{name}</Link>
      </h2>
      <p className="muted">{t("harvest.page.by", { cooperative: a.cooperativeName, province: a.provinceName })}</p>
      <p>
        <strong>{t("harvest.board.window", { from: formatDate(a.harvestFrom, locale), to: formatDate(a.harvestTo, locale) })}</strong>
      </p>
      <p>
        <PriceIndication min={a.priceMin} max={a.priceMax} unit={a.unit} />
      </p>
      <p>{t("harvest.board.remaining", { n: formatNumber(a.remainingQuantity, locale), total: formatNumber(a.quantity, locale), unit })}</p>
      <WindowCertificates certificates={a.certificates} />
    </article>
  );
}

/**
 * Follow / unfollow for a cooperative, category or province. Shown to buyers; others get a hint to log in.
 * A plain form posting to /follows, so it works without JavaScript and returns to this page.
 */
export function FollowButton({ kind, value, following, canFollow }: { kind: "cooperative" | "category" | "province"; value: string; following: boolean; canFollow: boolean }) {
  const t = useT();
  const location = useLocation();
  if (!canFollow) return <p className="muted harvest-follow-hint">{t("harvest.follow.loginHint")}</p>;
  return (
    <Form method="post" action="/follows" className="harvest-follow">
      <input type="hidden" name="intent" value={following ? "unfollow" : "follow"} />
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="value" value={value} />
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      <button type="submit" className={following ? "button button-secondary button-small" : "button button-small"}>
        {following ? t("harvest.follow.unfollow") : t(`harvest.follow.${kind}`)}
      </button>
      {following ? <span className="muted">{t("harvest.follow.following")}</span> : null}
    </Form>
  );
}

export function ReservationStatus({ status }: { status: string }) {
  const t = useT();
  const tone = status === "requested" ? " badge-pending" : status === "declined" || status === "cancelled" ? " badge-danger" : "";
  return <span className={`badge${tone}`}>{t(`harvest.reservation.${status}` as MessageKey)}</span>;
}

export function AnnouncementStatus({ status }: { status: string }) {
  const t = useT();
  return <span className={`badge${status === "open" ? "" : " badge-pending"}`}>{t(`harvest.status.${status}` as MessageKey)}</span>;
}

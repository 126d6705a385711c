import { Link } from "@remix-run/react";
import { isMessageKey, useLocale, useT, type MessageKey, type T } from "~/i18n";
import { formatDate, formatNumber, formatVnd } from "~/lib/money";

export type Note = { key: string; params?: Record<string, string | number> };

/**
 * A reason or gap from the matcher: a message key whose parameters may be keys too (certificate types, units).
 * With `number`, numeric parameters (the matcher's are quantities) are written the reader's way: 17.840 kg.
 */
export function noteText(t: T, note: Note, number?: (n: number) => string): string {
  const params = Object.fromEntries(
    Object.entries(note.params ?? {}).map(([k, v]) => [k, typeof v === "string" && isMessageKey(v) ? t(v) : typeof v === "number" && number ? number(v) : v]),
  );
  return isMessageKey(note.key) ? t(note.key, params) : note.key;
}

export function Notes({ notes, tone }: { notes: Note[]; tone: "why" | "gap" }) {
  const t = useT();
  const locale = useLocale();
  if (!notes.length) return null;
  return (
    <p className={`market-notes market-notes-${tone}`}>
      <span className="visually-hidden">{t(tone === "why" ? "market.matches.why" : "market.matches.missing")}: </span>
      {notes.map((n) => noteText(t, n, (v) => formatNumber(v, locale))).join(" · ")}
    </p>
  );
}

export function StateBadge({ state, kind = "request" }: { state: string; kind?: "request" | "offer" }) {
  const t = useT();
  const key = `${kind === "request" ? "market.state" : "market.offerState"}.${state}`;
  return <span className={`market-state market-state-${state}`}>{isMessageKey(key) ? t(key) : state}</span>;
}

export function useQuantity() {
  const t = useT();
  const locale = useLocale();
  return (quantity: number, unit: string) => `${formatNumber(quantity, locale)} ${t(`units.${unit}` as MessageKey)}`;
}

type CardRequest = {
  id: number;
  title: string;
  quantity: number;
  unit: string;
  categoryCode: string;
  deliveryFrom: string;
  deliveryTo: string;
  deliveryProvinceCode: string;
  closingDate: string;
  targetPrice: number | null;
  state: string;
  certifications: { type: string; minStars: number | null }[];
  buyer: { name: string | null; buyerType: string | null; provinceCode: string | null };
  offerCount?: number;
};

export function BuyerLabel({ buyer, provinceName }: { buyer: CardRequest["buyer"]; provinceName: (code: string | null) => string }) {
  const t = useT();
  if (buyer.name) return <>{buyer.name}</>;
  const type = buyer.buyerType ? t(`org.buyerType.${buyer.buyerType}` as MessageKey) : t("org.buyerType.other");
  return <>{t("market.board.anonymous", { type, province: provinceName(buyer.provinceCode) })}</>;
}

export function CertList({ certifications }: { certifications: CardRequest["certifications"] }) {
  const t = useT();
  if (!certifications.length) return <>{t("market.request.noCerts")}</>;
  return (
    <>
      {certifications
        .map((c) => (c.type === "ocop" ? t("market.request.ocopStars", { n: c.minStars ?? 3 }) : t(`catalogue.certType.${c.type}` as MessageKey)))
        .join(", ")}
    </>
  );
}

/** One request on the board or in a dashboard list. */
export function RequestCard({ request, href, provinceName, extra }: { request: CardRequest; href: string; provinceName: (code: string | null) => string; extra?: React.ReactNode }) {
  const t = useT();
  const locale = useLocale();
  const qty = useQuantity();
  return (
    <li className="market-card">
      <h2 className="market-card-title">
        <Link to={href}>{request.title}</Link>
      </h2>
      <p className="market-card-qty">
        <strong>{qty(request.quantity, request.unit)}</strong>
        {request.targetPrice ? ` · ${t("market.request.targetValue", { price: formatVnd(request.targetPrice, locale), unit: t(`units.${request.unit}` as MessageKey) })}` : ""}
      </p>
      <p className="market-card-meta">
        <CertList certifications={request.certifications} /> ·{" "}
        {t("market.request.windowValue", { from: formatDate(request.deliveryFrom, locale), to: formatDate(request.deliveryTo, locale), province: provinceName(request.deliveryProvinceCode) })}
      </p>
      <p className="market-card-meta">
        <BuyerLabel buyer={request.buyer} provinceName={provinceName} /> · {t("market.board.closes", { date: formatDate(request.closingDate, locale) })}
        {request.offerCount !== undefined ? ` · ${t("market.board.offers", { n: request.offerCount })}` : ""} · <StateBadge state={request.state} />
      </p>
      {extra}
    </li>
  );
}

import { barGeometry, labelStep, seriesGeometry, shareGeometry } from "~/components/charts/geometry";
import type { MessageKey, T } from "~/i18n";
import type { Locale } from "~/i18n/locale";
import { cooperativeTypes } from "~/lib/enums";
import { paymentMethods } from "~/lib/order-states";
import { formatDate, formatNumber, formatVnd } from "~/lib/money";
import type { Period } from "~/lib/periods";
import type { DashboardFigures } from "~/models/alliance-figures.server";
import { scopeQuery } from "./dashboard.server";

/*
 * What the dashboard, the XLSX and the PDF show, built once from `dashboardFigures`: the figure rows (label, this
 * period, the previous one, how it is counted, the list behind it) and the charts' geometry. Numbers stay numbers
 * here; each output formats them its own way.
 */

export type FigureKind = "count" | "vnd" | "share" | "hours";
export type FigureRow = {
  id: string;
  section: MessageKey;
  label: string;
  kind: FigureKind;
  /** null: no data yet (shown as nothing, never as zero). */
  now: number | null;
  /** Only period figures have a previous value. */
  before: number | null;
  how: string;
  href: string | null;
  note?: string;
};

export function formatFigure(kind: FigureKind, n: number | null, locale: Locale, t: T): string {
  if (n === null) return "";
  if (kind === "vnd") return formatVnd(n, locale);
  if (kind === "share") return new Intl.NumberFormat(locale === "vi" ? "vi-VN" : "en-US", { style: "percent", maximumFractionDigits: 1 }).format(n);
  if (kind === "hours") return t("alliance.f.hours", { n: new Intl.NumberFormat(locale === "vi" ? "vi-VN" : "en-US", { maximumFractionDigits: 1 }).format(n) });
  return formatNumber(n, locale);
}

export function periodLabel(p: Period, locale: Locale, t: T) {
  return t("alliance.period.range", { from: formatDate(p.from, locale), to: formatDate(p.to, locale) });
}

/** The figure rows, in the order the page and the reports show them. */
export function figureRows(f: DashboardFigures, t: T, locale: Locale): FigureRow[] {
  const q = (list: string, extra: Record<string, string> = {}) => `/alliance/dashboard/${list}?${scopeQuery({ provinceCode: f.provinceCode, period: f.period }, extra)}`;
  const c = f.cooperatives;
  const hours = (s: number | null) => (s === null ? null : Math.round((s / 3600) * 10) / 10);
  const rows: FigureRow[] = [
    { id: "cooperatives", section: "alliance.s.cooperatives", label: t("alliance.f.cooperatives"), kind: "count", now: c.total, before: null, how: t("alliance.f.cooperatives.how"), href: q("cooperatives") },
    { id: "verified", section: "alliance.s.cooperatives", label: t("alliance.f.verified"), kind: "count", now: c.verified, before: null, how: t("alliance.f.verified.how"), href: q("cooperatives", { state: "verified" }) },
    { id: "households", section: "alliance.s.cooperatives", label: t("alliance.f.households"), kind: "count", now: c.memberHouseholds, before: null, how: t("alliance.f.households.how"), href: q("cooperatives") },
    { id: "declaredMembers", section: "alliance.s.cooperatives", label: t("alliance.f.declaredMembers"), kind: "count", now: c.declaredMembers, before: null, how: t("alliance.f.declaredMembers.how"), href: q("cooperatives") },
    { id: "workers", section: "alliance.s.cooperatives", label: t("alliance.f.workers"), kind: "count", now: c.declaredWorkers, before: null, how: t("alliance.f.workers.how", { n: c.workforceDeclarations }), href: null },
    { id: "published", section: "alliance.s.products", label: t("alliance.f.published"), kind: "count", now: f.products.published, before: null, how: t("alliance.f.published.how"), href: q("products") },
    { id: "gtinShare", section: "alliance.s.products", label: t("alliance.f.gtinShare"), kind: "share", now: f.products.validGtinShare, before: null, how: t("alliance.f.gtinShare.how"), href: q("products", { gtin: "valid" }) },
    { id: "ocop", section: "alliance.s.ocop", label: t("alliance.f.ocop"), kind: "count", now: f.ocop.total, before: null, how: t("alliance.f.ocop.how"), href: q("ocop") },
    ...([5, 4, 3] as const).map((s) => ({ id: `ocop${s}`, section: "alliance.s.ocop" as MessageKey, label: t("alliance.stars", { n: s }), kind: "count" as const, now: f.ocop.byStars[s], before: null, how: t("alliance.f.ocop.how"), href: q("ocop", { stars: String(s) }) })),
    ...([30, 60, 90] as const).map((w) => ({
      id: `expiring${w}`,
      section: "alliance.s.certificates" as MessageKey,
      label: `${t("alliance.f.expiring")}: ${t("alliance.f.within", { n: w })}`,
      kind: "count" as const,
      now: f.expiry.within[w],
      before: null,
      how: t("alliance.f.expiring.how"),
      href: q("expiring", { within: String(w) }),
      note: t("alliance.f.ocopWithin", { n: formatNumber(f.expiry.ocopWithin[w], locale) }),
    })),
    { id: "verifiedDecisions", section: "alliance.s.certificates", label: `${t("alliance.f.decisions")}: ${t("catalogue.certStatus.verified")}`, kind: "count", now: f.decisions.now.verified, before: f.decisions.before.verified, how: t("alliance.f.decisions.how"), href: q("decisions", { status: "verified" }) },
    { id: "rejectedDecisions", section: "alliance.s.certificates", label: `${t("alliance.f.decisions")}: ${t("catalogue.certStatus.rejected")}`, kind: "count", now: f.decisions.now.rejected, before: f.decisions.before.rejected, how: t("alliance.f.decisions.how"), href: q("decisions", { status: "rejected" }) },
    { id: "lots", section: "alliance.s.trace", label: t("alliance.f.lots"), kind: "count", now: f.lots.now, before: f.lots.before, how: t("alliance.f.lots.how"), href: q("lots") },
    { id: "scans", section: "alliance.s.trace", label: t("alliance.f.scans"), kind: "count", now: f.scans.now, before: f.scans.before, how: t("alliance.f.scans.how"), href: q("scans") },
    { id: "inquiries", section: "alliance.s.inquiries", label: t("alliance.f.inquiries"), kind: "count", now: f.inquiries.now.n, before: f.inquiries.before.n, how: t("alliance.f.inquiries.how"), href: q("inquiries"), note: t("alliance.f.answered", { n: formatNumber(f.inquiries.now.answered, locale) }) },
    { id: "median", section: "alliance.s.inquiries", label: t("alliance.f.median"), kind: "hours", now: hours(f.inquiries.now.medianSeconds), before: hours(f.inquiries.before.medianSeconds), how: t("alliance.f.median.how"), href: q("inquiries", { answered: "yes" }) },
    { id: "ordersPlaced", section: "alliance.s.orders", label: t("alliance.f.ordersPlaced"), kind: "count", now: f.orders.placed.now.n, before: f.orders.placed.before.n, how: t("alliance.f.ordersPlaced.how", { n: f.orders.placed.now.cancelled }), href: q("orders", { basis: "placed" }) },
    { id: "paidValue", section: "alliance.s.orders", label: t("alliance.f.paidValue"), kind: "vnd", now: f.orders.paid.now.value, before: f.orders.paid.before.value, how: t("alliance.f.paidValue.how"), href: q("orders", { basis: "paid" }), note: t("alliance.f.paidOrders", { n: formatNumber(f.orders.paid.now.n, locale) }) },
    ...paymentMethods.map((m) => ({
      id: `paid-${m}`,
      section: "alliance.s.orders" as MessageKey,
      label: `${t("alliance.f.paidValue")}: ${t(`orders.method.${m}` as MessageKey)}`,
      kind: "vnd" as const,
      now: f.orders.paid.now.byMethod[m].value,
      before: f.orders.paid.before.byMethod[m].value,
      how: t("alliance.f.paidValue.how"),
      href: q("orders", { basis: "paid", method: m }),
    })),
    ...f.extra.map((x) => ({ id: x.id, section: "alliance.s.more" as MessageKey, label: x.label, kind: "count" as const, now: x.now, before: x.before, how: x.how, href: x.href ?? null })),
  ];
  return rows;
}

/** The charts' geometry and labels, computed on the server. */
export function dashboardCharts(f: DashboardFigures, t: T, locale: Locale) {
  const typeData = cooperativeTypes.map((ty) => ({ label: t(`alliance.coopTypeShort.${ty}` as MessageKey), value: Object.entries(f.cooperatives.byType[ty]).reduce((s, [state, n]) => s + (state === "suspended" ? 0 : n), 0) }));
  const starData = ([3, 4, 5] as const).map((s) => ({ label: `${s}★`, value: f.ocop.byStars[s] }));
  const groupData = f.ocop.byGroup.map((g) => ({ label: g.code, value: g.n, name: locale === "vi" ? g.vi : g.en }));
  const paidData = f.orders.perMonth.map((m) => ({ label: m.month.slice(2).replace("-", "/"), value: m.value }));
  const scanData = f.scans.perWeek.map((w) => ({ label: w.week.slice(5).split("-").reverse().join("/"), value: w.n }));
  const list = (d: { label: string; value: number }[]) => d.map((x) => `${x.label}: ${formatNumber(x.value, locale)}`).join(", ");
  const max = (d: { value: number }[]) => Math.max(0, ...d.map((x) => x.value));
  const share = f.products.validGtinShare;
  const shareText = share === null ? "" : formatFigure("share", share, locale, t);
  return {
    coopTypes: { geometry: barGeometry(typeData), title: t("alliance.chart.coopTypes"), desc: t("alliance.chart.coopTypes.desc", { list: list(typeData) }) },
    ocopStars: { geometry: barGeometry(starData), title: t("alliance.chart.ocopStars"), desc: t("alliance.chart.ocopStars.desc", { list: list(starData) }) },
    ocopGroups: {
      geometry: barGeometry(groupData),
      title: t("alliance.chart.ocopGroups"),
      desc: t("alliance.chart.ocopGroups.desc", { list: groupData.map((g) => `${g.label} ${g.name}: ${formatNumber(g.value, locale)}`).join("; ") }),
      names: groupData.map((g) => `${g.label}. ${g.name}`),
    },
    gtin: share === null ? null : { geometry: shareGeometry(share), title: t("alliance.chart.gtin"), desc: t("alliance.chart.gtin.desc", { valid: formatNumber(f.products.gtin.valid, locale), total: formatNumber(f.products.published, locale), share: shareText }), value: shareText },
    paid: { geometry: seriesGeometry(paidData, { width: 320, height: 180, top: 12, right: 10, bottom: 28, left: 52 }), title: t("alliance.chart.paid"), desc: t("alliance.chart.paid.desc", { max: formatVnd(max(paidData), locale) }), labelStep: labelStep(paidData.length, 260) },
    scans: {
      geometry: seriesGeometry(scanData),
      title: t("alliance.chart.scans"),
      desc: t("alliance.chart.scans.desc", { from: formatDate(f.period.from, locale), to: formatDate(f.period.to, locale), max: formatNumber(max(scanData), locale) }),
      labelStep: labelStep(scanData.length, 260),
    },
  };
}

export type DashboardCharts = ReturnType<typeof dashboardCharts>;

/** Short axis numbers: 1,2 tr / 3 tỷ (vi) or 1.2M / 3B (en). */
export function compactNumber(n: number, locale: Locale) {
  return new Intl.NumberFormat(locale === "vi" ? "vi-VN" : "en-US", { notation: "compact", maximumFractionDigits: 1 }).format(n);
}

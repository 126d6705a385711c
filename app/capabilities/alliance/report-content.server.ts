import { getT, type MessageKey } from "~/i18n";
import type { Locale } from "~/i18n/locale";
import { cooperativeTypes } from "~/lib/enums";
import { paymentMethods } from "~/lib/order-states";
import { formatDate } from "~/lib/money";
import type { Period } from "~/lib/periods";
import { cooperativeStates, dashboardFigures, nationalTable } from "~/models/alliance-figures.server";
import { listRows } from "~/models/alliance-lists.server";
import { getProvince, listProvinces } from "~/models/province.server";
import { dashboardCharts, figureRows, periodLabel, type FigureKind, type FigureRow } from "./dashboard-view.server";

/*
 * The steering-committee report's content, shared by the XLSX and the PDF: the dashboard's own figure rows (so the
 * report equals the page for the same period), the tables behind the charts, and the charts' geometry.
 */

export type CellKind = FigureKind | "text" | "date";
export type ReportTable = { id: string; sheet: string; title: string; columns: { header: string; kind: CellKind; width?: number }[]; rows: (string | number | null)[][] };

export function reportContent({ provinceCode, period, previous, today, locale }: { provinceCode: string | null; period: Period; previous: Period; today: string; locale: Locale }) {
  const t = getT(locale);
  const f = dashboardFigures({ provinceCode, period, previous, today });
  const figures = figureRows(f, t, locale);
  const province = provinceCode ? getProvince(provinceCode) : null;
  const name = province ? province.name : t("alliance.national.all");
  const col = (key: MessageKey, kind: CellKind, width?: number) => ({ header: t(key), kind, width });
  const tables: ReportTable[] = [
    {
      id: "summary",
      sheet: t("alliance.report.sheet.summary"),
      title: t("alliance.report.sheet.summary"),
      columns: [col("alliance.report.col.figure", "text", 46), col("alliance.report.col.now", "count", 18), col("alliance.report.col.before", "count", 18), col("alliance.report.col.diff", "count", 16), col("alliance.report.col.how", "text", 80)],
      rows: figures.map((r) => [r.label, r.now, r.before, r.now !== null && r.before !== null ? r.now - r.before : null, r.how]),
    },
    {
      id: "cooperatives",
      sheet: t("alliance.report.sheet.cooperatives"),
      title: t("alliance.chart.coopTypes"),
      columns: [col("alliance.col.type", "text", 26), ...cooperativeStates.map((s) => col(`alliance.coopState.${s}` as MessageKey, "count", 16))],
      rows: cooperativeTypes.map((ty) => [t(`alliance.coopType.${ty}` as MessageKey), ...cooperativeStates.map((s) => f.cooperatives.byType[ty][s])]),
    },
    {
      id: "ocop",
      sheet: t("alliance.report.sheet.ocop"),
      title: t("alliance.s.ocop"),
      columns: [col("alliance.chart.col.group", "text", 50), col("alliance.chart.col.count", "count", 14)],
      rows: [
        ...([5, 4, 3] as const).map((s) => [t("alliance.stars", { n: s }), f.ocop.byStars[s]]),
        ...f.ocop.byGroup.map((g) => [`${g.code}. ${locale === "vi" ? g.vi : g.en}`, g.n]),
      ],
    },
    {
      id: "orders",
      sheet: t("alliance.report.sheet.orders"),
      title: t("alliance.chart.paid"),
      columns: [col("alliance.chart.col.month", "text", 12), col("alliance.chart.col.count", "count", 12), ...paymentMethods.map((m) => col(`orders.method.${m}` as MessageKey, "vnd", 22)), col("alliance.chart.col.value", "vnd", 22)],
      rows: f.orders.perMonth.map((m) => [m.month, m.n, ...paymentMethods.map((x) => m.byMethod[x].value), m.value]),
    },
    {
      id: "scans",
      sheet: t("alliance.report.sheet.scans"),
      title: t("alliance.chart.scans"),
      columns: [col("alliance.chart.col.week", "date", 16), col("alliance.col.scans", "count", 14)],
      rows: f.scans.perWeek.map((w) => [w.week, w.n]),
    },
    {
      id: "expiring",
      sheet: t("alliance.report.sheet.expiring"),
      title: t("alliance.list.title.expiring"),
      columns: [col("alliance.col.cooperative", "text", 40), col("alliance.col.type", "text", 18), col("alliance.col.number", "text", 28), col("alliance.col.expiryDate", "date", 14), col("alliance.col.daysLeft", "count", 10)],
      rows: listRows({ list: "expiring", provinceCode, period, today, filters: { within: "90" } }).rows.map((r) => [r.cooperative ?? "", t(`catalogue.certType.${r.type}` as MessageKey), r.number ?? "", r.expiryDate ?? null, r.daysLeft ?? null]),
    },
  ];
  return {
    title: t("alliance.report.heading", { name }),
    periodLine: t("alliance.report.periodLine", { period: periodLabel(period, locale, t), previous: periodLabel(previous, locale, t), today: formatDate(today, locale) }),
    provinceName: name,
    figures,
    tables,
    charts: dashboardCharts(f, t, locale),
    t,
  };
}

/** The national comparison table for the report, one row per province, built `onProvince` by `onProvince`. */
export function provincesTable({ period, today, locale }: { period: Period; today: string; locale: Locale }): ReportTable {
  const t = getT(locale);
  const names = new Map(listProvinces().map((p) => [p.code, p.name]));
  const col = (key: MessageKey, kind: CellKind, width = 16) => ({ header: t(key), kind, width });
  return {
    id: "provinces",
    sheet: t("alliance.report.sheet.provinces"),
    title: t("alliance.national.title"),
    columns: [col("alliance.national.province", "text", 30), col("alliance.f.cooperatives", "count"), col("alliance.f.verified", "count"), col("alliance.f.households", "count"), col("alliance.f.published", "count"), col("alliance.f.gtinShare", "share"), col("alliance.f.ocop", "count"), col("alliance.f.lots", "count"), col("alliance.f.scans", "count"), col("alliance.f.inquiries", "count"), col("alliance.f.ordersPlaced", "count"), col("alliance.f.paidValue", "vnd", 22)],
    rows: nationalTable({ period, today })
      .map((r) => [names.get(r.provinceCode) ?? r.provinceCode, r.cooperatives, r.verified, r.members, r.published, r.published ? r.validGtin / r.published : null, r.ocop, r.lots, r.scans, r.inquiries, r.ordersPlaced, r.paidValue])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0]), "vi")),
  };
}

export type ReportContent = ReturnType<typeof reportContent>;
export type { FigureRow };

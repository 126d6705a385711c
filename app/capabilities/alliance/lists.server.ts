import { data } from "@remix-run/node";
import { stringify } from "csv-stringify/sync";
import { getT, type MessageKey, type T } from "~/i18n";
import { getLocale } from "~/i18n/server";
import type { Locale } from "~/i18n/locale";
import { formatDate, formatDateTime, formatNumber, formatVnd } from "~/lib/money";
import { listColumns, listFilters, listIds, listRows, periodLists, type Column, type ListId, type ListRow } from "~/models/alliance-lists.server";
import { readPeriod, requireDashboardScope, scopeQuery } from "./dashboard.server";
import { periodLabel } from "./dashboard-view.server";

const PAGE_ROWS = 500;

function listId(request: Request, value: string | undefined): ListId {
  if (!value || !(listIds as readonly string[]).includes(value)) throw new Response(getT(getLocale(request))("alliance.errors.unknownList"), { status: 404 });
  return value as ListId;
}

/** The list's filters from the query string; a value outside the allowed ones is a 400 naming the filter. */
function readFilters(request: Request, list: ListId, url: URL) {
  const filters: Record<string, string> = {};
  for (const [name, allowed] of Object.entries(listFilters[list])) {
    const v = url.searchParams.get(name);
    if (v === null || v === "") continue;
    if (!allowed.includes(v)) return { ok: false as const, error: getT(getLocale(request))("alliance.errors.badFilter", { name }) };
    filters[name] = v;
  }
  return { ok: true as const, filters };
}

export function cellText(c: Column, v: string | number | null | undefined, locale: Locale, t: T): string {
  if (v === null || v === undefined || v === "") return "";
  if (c.kind === "enum") return t(`${c.enumPrefix}${v}` as MessageKey);
  if (c.kind === "vnd") return formatVnd(Number(v), locale);
  if (c.kind === "number" || c.kind === "hours") return formatNumber(Number(v), locale);
  if (c.kind === "date") return formatDate(String(v), locale);
  if (c.kind === "datetime") return formatDateTime(String(v), locale);
  return String(v);
}

/** Scope, period, list and filters of a drill-down request, checked in that order; nothing is read before. */
function resolve(request: Request, params: { list?: string }) {
  const url = new URL(request.url);
  const list = listId(request, params.list);
  const scope = requireDashboardScope(request, url);
  const choice = readPeriod(url);
  const filters = readFilters(request, list, url);
  return { url, list, scope, choice, filters };
}

export function listPage(request: Request, params: { list?: string }) {
  const { list, scope, choice, filters } = resolve(request, params);
  const locale = getLocale(request);
  const t = getT(locale);
  const provinceCode = scope.province?.code ?? null;
  const head = { list, province: scope.province ? { code: scope.province.code, name: scope.province.name } : null, filterDefs: listFilters[list], columns: listColumns[list] };
  if (!choice.ok) return data({ ...head, error: t(choice.error as MessageKey), rows: [] as ListRow[], total: 0, filters: {}, csvHref: null, backHref: "/alliance/dashboard", periodText: "" }, { status: 400 });
  const q = scopeQuery({ provinceCode, period: choice.period });
  if (!filters.ok) return data({ ...head, error: filters.error, rows: [] as ListRow[], total: 0, filters: {}, csvHref: null, backHref: `/alliance/dashboard?${q}`, periodText: periodLabel(choice.period, locale, t) }, { status: 400 });
  const { rows, total } = listRows({ list, provinceCode, period: choice.period, today: choice.today, filters: filters.filters }, PAGE_ROWS);
  return {
    ...head,
    error: null,
    rows,
    total,
    filters: filters.filters,
    csvHref: `/alliance/dashboard/${list}/export?${scopeQuery({ provinceCode, period: choice.period }, filters.filters)}`,
    backHref: `/alliance/dashboard?${q}`,
    // Lists of the current state (cooperatives, products, OCOP, expiring certificates) do not depend on the period.
    periodText: periodLists.has(list) ? periodLabel(choice.period, locale, t) : t("alliance.list.asOf", { date: formatDate(choice.today, locale) }),
  };
}

/** A spreadsheet would run a cell starting with = + - @ (or tab/CR) as a formula: prefix it (OWASP CSV injection). */
export function safeCell(value: string | number): string | number {
  return typeof value === "string" && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** The whole list as CSV (UTF-8 with BOM for Excel), raw numbers and ISO dates so it can be summed and sorted. */
export function listCsv(request: Request, params: { list?: string }) {
  const { list, scope, choice, filters } = resolve(request, params);
  const t = getT(getLocale(request));
  if (!choice.ok) throw new Response(t(choice.error as MessageKey), { status: 400 });
  if (!filters.ok) throw new Response(filters.error, { status: 400 });
  const provinceCode = scope.province?.code ?? null;
  const { rows } = listRows({ list, provinceCode, period: choice.period, today: choice.today, filters: filters.filters });
  const columns = listColumns[list];
  const csv = stringify(
    rows.map((r) => columns.map((c) => safeCell(c.kind === "enum" && r[c.key] != null ? t(`${c.enumPrefix}${r[c.key]}` as MessageKey) : (r[c.key] ?? "")))),
    { header: true, columns: columns.map((c) => t(`alliance.col.${c.key}` as MessageKey)), bom: true },
  );
  const name = `chohtx-${list}-${provinceCode ?? "toan-quoc"}-${choice.period.key.replace(/\.\./, "_")}.csv`;
  return new Response(csv, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${name}"`, "Cache-Control": "private, no-store" },
  });
}

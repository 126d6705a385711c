import { getT } from "~/i18n";
import { getLocale } from "~/i18n/server";
import { addDays, change, keyOf, recentKeys } from "~/lib/periods";
import { formatDate } from "~/lib/money";
import { dashboardFigures, nationalTable } from "~/models/alliance-figures.server";
import { listProvinces } from "~/models/province.server";
import { badPeriod, readPeriod, requireDashboardScope, scopeQuery } from "./dashboard.server";
import { compactNumber, dashboardCharts, figureRows, formatFigure, periodLabel } from "./dashboard-view.server";

/** Everything the dashboard page shows, or a 400 with the period form as it was sent. */
export function dashboardPage(request: Request) {
  const url = new URL(request.url);
  const scope = requireDashboardScope(request, url);
  const locale = getLocale(request);
  const t = getT(locale);
  const choice = readPeriod(url);
  const today = choice.today;
  const provinceCode = scope.province?.code ?? null;
  const lastQuarterKey = keyOf("quarter", addDays(`${keyOf("quarter", today).slice(0, 4)}-${String((Number(keyOf("quarter", today).slice(6)) - 1) * 3 + 1).padStart(2, "0")}-01`, -1));
  const base = {
    province: scope.province ? { code: scope.province.code, name: scope.province.name } : null,
    mayPickProvince: scope.moderator.provinceCode === null,
    provinces: scope.moderator.provinceCode === null ? listProvinces().map((p) => ({ code: p.code, name: p.name })) : [],
    options: { quarters: recentKeys("quarter", today, 8), months: recentKeys("month", today, 12), years: recentKeys("year", today, 3) },
    quick: [
      { label: "alliance.period.thisQuarter" as const, href: `?${scopeQuery({ provinceCode, period: { kind: "quarter", key: keyOf("quarter", today), from: "", to: "", end: "" } })}` },
      { label: "alliance.period.lastQuarter" as const, href: `?${scopeQuery({ provinceCode, period: { kind: "quarter", key: lastQuarterKey, from: "", to: "", end: "" } })}` },
    ],
  };
  if (!choice.ok) {
    return badPeriod({ ok: false as const, ...base, error: choice.error, form: choice.form });
  }
  const { period, previous } = choice;
  const f = dashboardFigures({ provinceCode, period, previous, today });
  const figures = figureRows(f, t, locale)
    .filter((r) => r.now !== null)
    .map((r) => {
      const c = change(r.now, r.before);
      return {
        id: r.id,
        section: r.section,
        label: r.label,
        value: formatFigure(r.kind, r.now, locale, t),
        previous: r.before === null ? null : formatFigure(r.kind, r.before, locale, t),
        change: c ? { direction: c.direction, diff: formatFigure(r.kind, Math.abs(c.diff), locale, t) } : null,
        how: r.how,
        href: r.href,
        note: r.note,
      };
    });
  const charts = dashboardCharts(f, t, locale);
  const national = provinceCode
    ? null
    : nationalTable({ period, today }).map((r) => ({ ...r, name: base.provinces.find((p) => p.code === r.provinceCode)?.name ?? r.provinceCode }));
  return {
    ok: true as const,
    ...base,
    form: { ...choice.form, key: period.kind === "custom" ? "custom" : period.key, from: period.kind === "custom" ? period.from : "", to: period.kind === "custom" ? period.to : "" },
    periodText: periodLabel(period, locale, t),
    previousText: periodLabel(previous, locale, t),
    todayText: formatDate(today, locale),
    figures,
    charts,
    axis: { paid: charts.paid.geometry.ticks.map((x) => compactNumber(x.value, locale)) },
    national,
    reportQuery: scopeQuery({ provinceCode, period }),
  };
}

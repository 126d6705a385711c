import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { dashboardPage } from "~/capabilities/alliance/dashboard-page.server";
import { FigureCard } from "~/components/alliance/figure-card";
import { NationalTable } from "~/components/alliance/national-table";
import { PeriodForm } from "~/components/alliance/period-form";
import { BarChart, SeriesChart, ShareChart } from "~/components/charts/charts";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { pageMeta } from "~/components/meta";
import { useLocale, useT, type MessageKey } from "~/i18n";
import { formatNumber, formatVnd } from "~/lib/money";

export async function loader({ request }: LoaderFunctionArgs) {
  return dashboardPage(request);
}

const sections: MessageKey[] = ["alliance.s.cooperatives", "alliance.s.products", "alliance.s.ocop", "alliance.s.certificates", "alliance.s.trace", "alliance.s.inquiries", "alliance.s.orders", "alliance.s.more"];

export default function AllianceDashboard() {
  const t = useT();
  const locale = useLocale();
  const d = useLoaderData<typeof loader>();
  const title = d.province ? t("alliance.dashboard.title", { name: d.province.name }) : t("alliance.dashboard.national");
  const count = (n: number) => formatNumber(n, locale);
  return (
    <section className="stack alliance-dashboard">
      <h1>{title}</h1>
      {d.mayPickProvince ? (
        <Form method="get" className="alliance-province-pick" aria-label={t("alliance.national.pick")}>
          <label htmlFor="dash-province">{t("alliance.national.pick")}</label>
          <select key={d.province?.code ?? ""} id="dash-province" name="province" defaultValue={d.province?.code ?? ""}>
            <option value="">{t("alliance.national.all")}</option>
            {d.provinces.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
          {d.form.key && d.form.key !== "custom" ? <input type="hidden" name="key" value={d.form.key} /> : null}
          <button type="submit" className="button button-small">
            {t("catalogue.alliance.show")}
          </button>
        </Form>
      ) : null}
      <PeriodForm key={`${d.form.key}|${d.form.from}|${d.form.to}|${d.ok ? "" : d.error}`} options={d.options} selected={d.form.key || (d.form.kind === "custom" ? "custom" : "")} from={d.form.from} to={d.form.to} provinceCode={d.province?.code ?? null} error={d.ok ? null : d.error} quick={d.quick} />
      {d.ok ? (
        <>
          <p className="muted">{t("alliance.dashboard.lead", { period: d.periodText, previous: d.previousText, today: d.todayText })}</p>
          <section className="card stack alliance-report-links" aria-labelledby="report-title">
            <h2 id="report-title">{t("alliance.report.title")}</h2>
            <p className="muted">{t("alliance.report.lead")}</p>
            <p className="alliance-quick">
              <a className="button" href={`/alliance/report.xlsx?${d.reportQuery}`} download>
                {t("alliance.report.xlsx")}
              </a>
              <a className="button button-secondary" href={`/alliance/report.pdf?${d.reportQuery}`} download>
                {t("alliance.report.pdf")}
              </a>
              {d.mayPickProvince && !d.province ? <Link to={`/alliance/reports?${d.reportQuery}`}>{t("alliance.report.national.title")}</Link> : null}
            </p>
          </section>
          {sections.map((s) => {
            const figures = d.figures.filter((f) => f.section === s);
            if (!figures.length) return null;
            const id = s.replace(/\./g, "-");
            return (
              <section key={s} className="stack" aria-labelledby={id}>
                <h2 id={id}>{t(s)}</h2>
                <dl className="alliance-figures">
                  {figures.map((f) => (
                    <FigureCard key={f.id} f={f} />
                  ))}
                </dl>
                {s === "alliance.s.cooperatives" ? (
                  <BarChart geometry={d.charts.coopTypes.geometry} title={d.charts.coopTypes.title} desc={d.charts.coopTypes.desc} tableLabel={t("alliance.showData")} headers={[t("alliance.col.type"), t("alliance.chart.col.count")]} format={count} />
                ) : null}
                {s === "alliance.s.products" && d.charts.gtin ? (
                  <ShareChart geometry={d.charts.gtin.geometry} title={d.charts.gtin.title} desc={d.charts.gtin.desc} tableLabel={t("alliance.showData")} label={t("alliance.f.gtinShare")} value={d.charts.gtin.value} />
                ) : null}
                {s === "alliance.s.ocop" ? (
                  <div className="alliance-charts">
                    <BarChart geometry={d.charts.ocopStars.geometry} title={d.charts.ocopStars.title} desc={d.charts.ocopStars.desc} tableLabel={t("alliance.showData")} headers={[t("alliance.col.stars"), t("alliance.chart.col.count")]} format={count} />
                    <BarChart geometry={d.charts.ocopGroups.geometry} title={d.charts.ocopGroups.title} desc={d.charts.ocopGroups.desc} tableLabel={t("alliance.showData")} headers={[t("alliance.chart.col.group"), t("alliance.chart.col.count")]} format={count} />
                  </div>
                ) : null}
                {s === "alliance.s.trace" ? (
                  <SeriesChart geometry={d.charts.scans.geometry} labelStep={d.charts.scans.labelStep} title={d.charts.scans.title} desc={d.charts.scans.desc} tableLabel={t("alliance.showData")} headers={[t("alliance.chart.col.week"), t("alliance.col.scans")]} format={count} />
                ) : null}
                {s === "alliance.s.orders" ? (
                  <SeriesChart
                    geometry={d.charts.paid.geometry}
                    labelStep={d.charts.paid.labelStep}
                    title={d.charts.paid.title}
                    desc={d.charts.paid.desc}
                    tableLabel={t("alliance.showData")}
                    headers={[t("alliance.chart.col.month"), t("alliance.chart.col.value")]}
                    format={(n) => formatVnd(n, locale)}
                    shortFormat={(n) => new Intl.NumberFormat(locale === "vi" ? "vi-VN" : "en-US", { notation: "compact", maximumFractionDigits: 1 }).format(n)}
                  />
                ) : null}
              </section>
            );
          })}
          {d.national ? <NationalTable rows={d.national} query={d.reportQuery} /> : null}
        </>
      ) : null}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageMeta(matches, (t) => ({ title: data?.province ? t("alliance.dashboard.title", { name: data.province.name }) : t("alliance.dashboard.national") }));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { reportsPage, startReport } from "~/capabilities/alliance/report-jobs-routes.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { pageMeta } from "~/components/meta";
import { useT } from "~/i18n";

export async function loader({ request }: LoaderFunctionArgs) {
  return reportsPage(request);
}

export async function action({ request }: ActionFunctionArgs) {
  return startReport(request);
}

export default function NationalReports() {
  const t = useT();
  const loaded = useLoaderData<typeof loader>();
  const sent = useActionData<typeof action>();
  const d = sent && "jobs" in sent ? sent : loaded;
  return (
    <section className="stack">
      <h1>{t("alliance.report.national.title")}</h1>
      <p className="muted">{t("alliance.report.national.lead")}</p>
      <Form method="post" className="card alliance-period" aria-label={t("alliance.report.national.title")}>
        <div className="field">
          <label htmlFor="r-key">{t("alliance.period.key")}</label>
          <input id="r-key" name="key" defaultValue={d.form.key} placeholder="2026-Q3" aria-describedby="r-hint" aria-invalid={d.error ? true : undefined} />
        </div>
        <div className="field">
          <label htmlFor="r-from">{t("alliance.period.from")}</label>
          <input id="r-from" name="from" type="date" defaultValue={d.form.from} />
        </div>
        <div className="field">
          <label htmlFor="r-to">{t("alliance.period.to")}</label>
          <input id="r-to" name="to" type="date" defaultValue={d.form.to} />
        </div>
        <p id="r-hint" className="muted alliance-period-hint">
          2026-Q3 · 2026-11 · 2026 · custom
        </p>
        {d.error ? (
          <p className="alliance-period-error" role="alert">
            {d.error}
          </p>
        ) : null}
        <p className="alliance-quick">
          <button type="submit" name="format" value="xlsx" className="button">
            {t("alliance.report.xlsx")}
          </button>
          <button type="submit" name="format" value="pdf" className="button button-secondary">
            {t("alliance.report.pdf")}
          </button>
        </p>
      </Form>
      <section aria-labelledby="jobs-title" className="stack">
        <h2 id="jobs-title">{t("alliance.report.jobs")}</h2>
        {d.jobs.length ? (
          <ul className="stack">
            {d.jobs.map((j) => (
              <li key={j.id} className="card alliance-job">
                <Link to={`/alliance/reports/${j.id}`}>
                  {t("alliance.report.job.title", { period: j.period })} · {j.format.toUpperCase()}
                </Link>
                <span className="muted">{j.createdAt}</span>
                <span>{j.status === "running" ? t("alliance.report.job.running", { done: j.done, total: j.total }) : j.status === "failed" ? t("alliance.report.job.failed", { error: j.error ?? "" }) : t(`alliance.report.job.${j.status}`)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("alliance.report.noJobs")}</p>
        )}
      </section>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t("alliance.report.national.title") }));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

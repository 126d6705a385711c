import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { reportJobPage } from "~/capabilities/alliance/report-jobs-routes.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { pageMeta } from "~/components/meta";
import { useT } from "~/i18n";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return reportJobPage(request, params);
}

/** Progress of one national report; the page reloads itself (meta refresh, no JavaScript needed) until it is done. */
export default function ReportJob() {
  const t = useT();
  const j = useLoaderData<typeof loader>();
  const pending = j.status === "queued" || j.status === "running";
  return (
    <section className="stack">
      <p>
        <Link to="/alliance/reports">← {t("alliance.report.national.title")}</Link>
      </p>
      <h1>{t("alliance.report.job.title", { period: j.period })}</h1>
      <div className="card stack" aria-live="polite">
        <p>{j.status === "running" ? t("alliance.report.job.running", { done: j.done, total: j.total }) : j.status === "failed" ? t("alliance.report.job.failed", { error: j.error ?? "" }) : t(`alliance.report.job.${j.status}`)}</p>
        {pending ? (
          <>
            <progress max={j.total || 34} value={j.done} aria-label={t("alliance.report.job.title", { period: j.period })} />
            <p className="muted">{t("alliance.report.job.refresh")}</p>
          </>
        ) : null}
        {j.status === "done" ? (
          <p>
            <a className="button" href={`/alliance/reports/${j.id}/download`} download>
              {t("alliance.report.job.download")} ({j.format.toUpperCase()})
            </a>
          </p>
        ) : null}
      </div>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  ...pageMeta(matches, (t) => ({ title: data ? t("alliance.report.job.title", { period: data.period }) : t("errors.notFoundTitle") })),
  ...(data && (data.status === "queued" || data.status === "running") ? [{ httpEquiv: "refresh", content: "2" }] : []),
];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

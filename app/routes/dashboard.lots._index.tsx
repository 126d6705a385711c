import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireOrganisationRole } from "~/services/auth.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { pageMeta } from "~/components/meta";
import { env } from "~/env.server";
import { useLocale, useT } from "~/i18n";
import { formatDate } from "~/lib/money";
import { copyAlerts, listLots, totalScans } from "~/models/trace.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { organisation } = requireOrganisationRole(request, { kind: "cooperative" });
  const lots = listLots({ cooperativeId: organisation.id });
  const scans = totalScans({ lotIds: lots.map((l) => l.id) });
  return {
    lots: lots.map((l) => ({ ...l, scans: scans.get(l.id) ?? 0 })),
    alerts: copyAlerts({ cooperativeId: organisation.id }),
    limit: env.TRACE_SERIAL_SCAN_LIMIT,
  };
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t("trace.lots.title") }));

export default function Lots() {
  const { lots, alerts, limit } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <section className="stack">
      <h1>{t("trace.lots.title")}</h1>
      <p>{t("trace.lots.lead")}</p>
      {alerts.length ? (
        <div className="notice notice-warning" role="alert">
          <h2>{t("trace.lots.alerts")}</h2>
          <ul>
            {alerts.map((a) => (
              <li key={`${a.lotId}-${a.serial}`}>
                <Link to={`/dashboard/lots/${a.lotId}`}>{t("trace.lots.alert", { code: a.code, serial: a.serial, n: a.n, limit })}</Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p>
        <Link to="/dashboard/lots/new" className="button primary">
          {t("trace.lots.new")}
        </Link>
      </p>
      {lots.length ? (
        <div className="table-wrap" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("trace.lots.code")}</th>
                <th scope="col">{t("trace.lots.product")}</th>
                <th scope="col">{t("trace.lots.packingDate")}</th>
                <th scope="col">{t("trace.lots.bestBeforeDate")}</th>
                <th scope="col">{t("trace.lots.quantity")}</th>
                <th scope="col">{t("trace.lots.scans")}</th>
              </tr>
            </thead>
            <tbody>
              {lots.map((l) => (
                <tr key={l.id}>
                  <td>
                    <Link to={`/dashboard/lots/${l.id}`}>{l.code}</Link>
                  </td>
                  <td>{locale === "en" ? (l.productNameEn ?? l.productName) : l.productName}</td>
                  <td>{formatDate(l.packingDate, locale)}</td>
                  <td>{formatDate(l.bestBeforeDate, locale)}</td>
                  <td>
                    {l.quantity} {t(`units.${l.unit}`)}
                  </td>
                  <td>{l.scans}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t("trace.lots.empty")}</p>
      )}
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireOrganisationRole } from "~/services/auth.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { pageMeta } from "~/components/meta";
import { env } from "~/env.server";
import { useLocale, useT } from "~/i18n";
import { formatDate, formatNumber } from "~/lib/money";
import { copyAlerts, listLots, totalScans } from "~/models/trace.server";
import { safetyStatuses } from "~/models/safety.server";
import { FlaggedLots, SafetyBadge } from "~/components/safety";

export async function loader({ request }: LoaderFunctionArgs) {
  const { organisation } = requireOrganisationRole(request, { kind: "cooperative" });
  const lots = listLots({ cooperativeId: organisation.id });
  const scans = totalScans({ lotIds: lots.map((l) => l.id) });
  const safety = safetyStatuses({ lotIds: lots.map((l) => l.id) });
  return {
    lots: lots.map((l) => ({ ...l, scans: scans.get(l.id) ?? 0, safety: safety.get(l.id) })),
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
      <FlaggedLots lots={lots.filter((l) => l.safety).map((l) => ({ id: l.id, code: l.code, productName: l.productName, productNameEn: l.productNameEn, status: l.safety! }))} />
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
        // A table on a wide screen; on a phone each row becomes a card (app/styles/trace.css), so nothing scrolls sideways.
        <table className="trace-lots-table">
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
              <tr key={l.id} className={l.safety ? "trace-lot-flagged" : undefined}>
                <th scope="row" data-label={t("trace.lots.code")}>
                  <Link to={`/dashboard/lots/${l.id}`}>{l.code}</Link> <SafetyBadge status={l.safety} />
                </th>
                <td data-label={t("trace.lots.product")}>{locale === "en" ? (l.productNameEn ?? l.productName) : l.productName}</td>
                <td data-label={t("trace.lots.packingDate")}>{formatDate(l.packingDate, locale)}</td>
                <td data-label={t("trace.lots.bestBeforeDate")}>{formatDate(l.bestBeforeDate, locale)}</td>
                <td data-label={t("trace.lots.quantity")}>
                  {formatNumber(l.quantity, locale)} {t(`units.${l.unit}`)}
                </td>
                <td data-label={t("trace.lots.scans")}>{formatNumber(l.scans, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t("trace.lots.empty")}</p>
      )}
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

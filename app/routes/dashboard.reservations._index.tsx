import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ReservationStatus } from "~/components/harvest-ui";
import { pageMeta } from "~/components/meta";
import { useLocale, useT, type MessageKey } from "~/i18n";
import { formatDate, formatNumber, formatVnd } from "~/lib/money";
import { listReservations } from "~/models/harvest.server";
import { requireTrader } from "~/capabilities/orders/route-helpers.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { organisation } = requireTrader(request);
  const side = organisation.kind === "cooperative" ? ("cooperative" as const) : ("buyer" as const);
  return { side, reservations: listReservations({ organisationId: organisation.id, side }) };
}

export default function Reservations() {
  const t = useT();
  const locale = useLocale();
  const { side, reservations } = useLoaderData<typeof loader>();
  return (
    <section className="stack">
      <h1>{t("harvest.reservations.title")}</h1>
      {reservations.length === 0 ? (
        <p>
          {t("harvest.reservations.empty")} {side === "buyer" ? <Link to="/harvests">{t("harvest.nav.board")}</Link> : null}
        </p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t("harvest.reservations.title")}>
          <table className="orders-table">
            <thead>
              <tr>
                <th scope="col">{t("harvest.dashboard.product")}</th>
                <th scope="col">{t(side === "buyer" ? "harvest.reservations.cooperative" : "harvest.reservations.buyer")}</th>
                <th scope="col">{t("harvest.reservations.quantity")}</th>
                <th scope="col">{t("harvest.reservations.agreedPrice")}</th>
                <th scope="col">{t("harvest.dashboard.window")}</th>
                <th scope="col">{t("harvest.dashboard.status")}</th>
              </tr>
            </thead>
            <tbody>
              {reservations.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/dashboard/reservations/${r.id}`}>{r.productName}</Link>
                  </td>
                  <td>{side === "buyer" ? r.cooperativeName : r.buyerName}</td>
                  <td>
                    {formatNumber(r.quantity, locale)} {t(`units.${r.unit}` as MessageKey)}
                  </td>
                  <td>{r.unitPrice ? formatVnd(r.unitPrice, locale) : t("harvest.reservations.notAgreed")}</td>
                  <td>
                    {formatDate(r.harvestFrom, locale)} – {formatDate(r.harvestTo, locale)}
                  </td>
                  <td>
                    <ReservationStatus status={r.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t("harvest.reservations.title") }));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

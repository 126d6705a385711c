import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { AnnouncementStatus } from "~/components/harvest-ui";
import { pageMeta } from "~/components/meta";
import { useLocale, useT, type MessageKey } from "~/i18n";
import { formatDate, formatNumber } from "~/lib/money";
import { listCooperativeAnnouncements } from "~/models/harvest.server";
import { requireCooperative } from "~/capabilities/orders/route-helpers.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { organisation } = requireCooperative(request);
  return { announcements: listCooperativeAnnouncements({ cooperativeId: organisation.id }) };
}

export default function Harvests() {
  const t = useT();
  const locale = useLocale();
  const { announcements } = useLoaderData<typeof loader>();
  return (
    <section className="stack">
      <div className="harvest-heading">
        <h1>{t("harvest.dashboard.title")}</h1>
        <Link to="/dashboard/harvests/new" className="button">
          {t("harvest.dashboard.new")}
        </Link>
      </div>
      {announcements.length === 0 ? (
        <p>{t("harvest.dashboard.empty")}</p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t("harvest.dashboard.title")}>
          <table className="orders-table">
            <thead>
              <tr>
                <th scope="col">{t("harvest.dashboard.product")}</th>
                <th scope="col">{t("harvest.dashboard.window")}</th>
                <th scope="col">{t("harvest.dashboard.quantity")}</th>
                <th scope="col">{t("harvest.dashboard.status")}</th>
              </tr>
            </thead>
            <tbody>
              {announcements.map((a) => (
                <tr key={a.id}>
                  <td>
                    <Link to={`/dashboard/harvests/${a.id}`}>{a.productName}</Link>
                    {a.waiting ? (
                      <>
                        {" "}
                        <span className="badge badge-pending">{t("harvest.dashboard.waiting", { n: a.waiting })}</span>
                      </>
                    ) : null}
                  </td>
                  <td>
                    {formatDate(a.harvestFrom, locale)} – {formatDate(a.harvestTo, locale)}
                  </td>
                  <td>
                    {t("harvest.board.remaining", { n: formatNumber(a.remainingQuantity, locale), total: formatNumber(a.quantity, locale), unit: t(`units.${a.unit}` as MessageKey) })}
                  </td>
                  <td>
                    <AnnouncementStatus status={a.status} />
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

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t("harvest.dashboard.title") }));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

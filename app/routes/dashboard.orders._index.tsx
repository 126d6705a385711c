import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Notice } from "~/components/forms";
import { pageMeta } from "~/components/meta";
import { OrderStatusBadge } from "~/components/order-status";
import { useLocale, useT, type MessageKey } from "~/i18n";
import { formatDate, formatVnd } from "~/lib/money";
import { orderStatuses } from "~/lib/order-states";
import { expireUnpaidOrders, listOrders } from "~/models/order.server";
import { parseOrderFilters } from "~/capabilities/orders/list.server";
import { requireTrader } from "~/capabilities/orders/route-helpers.server";
import { cardOrdersAwaitingPayment } from "~/models/commerce.server";
import { PayNowNotice } from "~/components/pay-now-notice";

export async function loader({ request }: LoaderFunctionArgs) {
  const { organisation } = requireTrader(request);
  // Unpaid holds past their time are released here, so a list never shows stock as taken that is not.
  expireUnpaidOrders();
  const url = new URL(request.url);
  const filters = parseOrderFilters(url);
  const side = organisation.kind === "cooperative" ? ("cooperative" as const) : ("buyer" as const);
  const awaitingPayment = side === "buyer" ? cardOrdersAwaitingPayment({ buyerId: organisation.id }) : [];
  return { side, filters, orders: listOrders({ organisationId: organisation.id, side, filters }), query: url.search, awaitingPayment };
}

export default function OrdersList() {
  const t = useT();
  const locale = useLocale();
  const { side, filters, orders, query, awaitingPayment } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const placed = params.get("placed");
  return (
    <section className="stack">
      <h1>{t(side === "cooperative" ? "orders.list.titleSales" : "orders.list.titlePurchases")}</h1>
      {placed ? <Notice tone="success">{t("orders.cart.placed", { n: placed })}</Notice> : null}
      <PayNowNotice orders={awaitingPayment} />
      <Form method="get" className="orders-filters" aria-label={t("orders.list.filter")}>
        <div className="field">
          <label htmlFor="f-status">{t("orders.list.status")}</label>
          <select id="f-status" name="status" defaultValue={filters.status ?? ""}>
            <option value="">{t("orders.list.allStatuses")}</option>
            {orderStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`orders.status.${s}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-q">{t("orders.list.search")}</label>
          <input id="f-q" name="q" type="search" defaultValue={filters.q ?? ""} maxLength={100} />
        </div>
        <div className="field">
          <label htmlFor="f-from">{t("orders.list.from")}</label>
          <input id="f-from" name="from" type="date" defaultValue={filters.from ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="f-to">{t("orders.list.to")}</label>
          <input id="f-to" name="to" type="date" defaultValue={filters.to ?? ""} />
        </div>
        <button type="submit" className="button button-secondary">
          {t("orders.list.filter")}
        </button>
        <a className="button button-secondary" href={`/dashboard/orders/export${query}`} download>
          {t("orders.list.export")}
        </a>
      </Form>
      {orders.length === 0 ? (
        <p>{t("orders.list.empty")}</p>
      ) : (
        <div className="table-wrap" tabIndex={0}>
          <table className="cards-on-phone orders-table">
            <thead>
              <tr>
                <th scope="col">{t("orders.list.number")}</th>
                <th scope="col">{t("orders.list.date")}</th>
                <th scope="col">{t(side === "cooperative" ? "orders.list.buyer" : "orders.list.cooperative")}</th>
                <th scope="col">{t("orders.list.status")}</th>
                <th scope="col">{t("orders.list.payment")}</th>
                <th scope="col">{t("orders.list.total")}</th>
              </tr>
            </thead>
            <tbody>
              {orders.map((o) => (
                <tr key={o.id}>
                  <td data-label={t("orders.list.number")}>
                    <Link to={`/dashboard/orders/${o.id}`}>{o.number}</Link>
                  </td>
                  <td data-label={t("orders.list.date")}>{formatDate(o.createdAt, locale)}</td>
                  <td data-label={t(side === "cooperative" ? "orders.list.buyer" : "orders.list.cooperative")}>{side === "cooperative" ? o.buyerName : o.cooperativeName}</td>
                  <td data-label={t("orders.list.status")}>
                    <OrderStatusBadge status={o.status} />
                  </td>
                  <td data-label={t("orders.list.payment")}>{t(`orders.method.${o.paymentMethod}` as MessageKey)}</td>
                  <td data-label={t("orders.list.total")}>{formatVnd(o.total, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t("orders.list.title") }));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

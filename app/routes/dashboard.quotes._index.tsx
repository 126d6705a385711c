import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { pageMeta } from "~/components/meta";
import { useLocale, useT, type MessageKey } from "~/i18n";
import { formatDate, formatNumber, formatVnd } from "~/lib/money";
import { listQuotes } from "~/models/quote.server";
import { requireTrader } from "~/capabilities/orders/route-helpers.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { organisation } = requireTrader(request);
  return { quotes: listQuotes({ organisationId: organisation.id }), organisationId: organisation.id };
}

export default function Quotes() {
  const t = useT();
  const locale = useLocale();
  const { quotes, organisationId } = useLoaderData<typeof loader>();
  return (
    <section className="stack">
      <h1>{t("orders.quotes.title")}</h1>
      {quotes.length === 0 ? (
        <p>{t("orders.quotes.empty")}</p>
      ) : (
        <div className="table-wrap" tabIndex={0}>
          <table className="cards-on-phone">
            <thead>
              <tr>
                <th scope="col">{t("orders.cart.product")}</th>
                <th scope="col">{t(quotes[0]!.cooperativeId === organisationId ? "orders.list.buyer" : "orders.list.cooperative")}</th>
                <th scope="col">{t("orders.cart.quantity")}</th>
                <th scope="col">{t("orders.cart.unitPrice")}</th>
                <th scope="col">{t("orders.list.status")}</th>
                <th scope="col">{t("orders.list.date")}</th>
              </tr>
            </thead>
            <tbody>
              {quotes.map((q) => (
                <tr key={q.id}>
                  <td data-label={t("orders.cart.product")}>
                    <Link to={`/dashboard/quotes/${q.id}`}>{q.productName}</Link>
                  </td>
                  <td data-label={t(quotes[0]!.cooperativeId === organisationId ? "orders.list.buyer" : "orders.list.cooperative")}>{q.cooperativeId === organisationId ? q.buyerName : q.cooperativeName}</td>
                  <td data-label={t("orders.cart.quantity")}>
                    {formatNumber(q.quantity, locale)} {t(`units.${q.unit}` as MessageKey)}
                  </td>
                  <td data-label={t("orders.cart.unitPrice")}>{q.unitPrice ? formatVnd(q.unitPrice, locale) : "—"}</td>
                  <td data-label={t("orders.list.status")}>
                    <span className="badge">{t(`orders.quotes.status.${q.status}` as MessageKey)}</span>
                  </td>
                  <td data-label={t("orders.list.date")}>{formatDate(q.createdAt, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t("orders.quotes.title") }));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { stringify } from "csv-stringify/sync";
import { getT, type MessageKey } from "~/i18n";
import { getLocale } from "~/i18n/server";
import { listOrders } from "~/models/order.server";
import { parseOrderFilters } from "~/capabilities/orders/list.server";
import { requireTrader } from "~/capabilities/orders/route-helpers.server";

/**
 * Organisation names and tracking numbers are typed by other users: a cell starting with `=`, `+`, `-`, `@` (or a
 * tab/CR) would run as a formula in Excel, so it is prefixed with an apostrophe (OWASP CSV injection advice).
 */
function cell(value: string | number): string | number {
  return typeof value === "string" && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** The filtered orders list as CSV (UTF-8 with BOM, so Excel shows Vietnamese names correctly). */
export async function loader({ request }: LoaderFunctionArgs) {
  const { organisation } = requireTrader(request);
  const t = getT(getLocale(request));
  const side = organisation.kind === "cooperative" ? "cooperative" : "buyer";
  const rows = listOrders({ organisationId: organisation.id, side, filters: parseOrderFilters(new URL(request.url)), limit: 10_000 });
  const csv = stringify(
    rows.map((o) => [o.number, o.createdAt.slice(0, 10), t(`orders.status.${o.status}` as MessageKey), o.buyerName, o.cooperativeName, t(`orders.method.${o.paymentMethod}` as MessageKey), o.total, o.deliveryProvinceCode, o.trackingNumber ?? ""].map(cell)),
    {
      header: true,
      columns: [t("orders.csv.number"), t("orders.csv.date"), t("orders.csv.status"), t("orders.csv.buyer"), t("orders.csv.cooperative"), t("orders.csv.payment"), t("orders.csv.total"), t("orders.csv.province"), t("orders.csv.tracking")],
      bom: true,
    },
  );
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="chohtx-orders-${new Date().toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}

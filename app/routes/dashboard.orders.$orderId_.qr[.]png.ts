import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { getOrderForOrganisation } from "~/models/order.server";
import { transferDetails } from "~/capabilities/orders/documents.server";
import { qrPng } from "~/capabilities/orders/payment.server";
import { notFound, requireTrader } from "~/capabilities/orders/route-helpers.server";

/** The order's VietQR as a downloadable PNG, for either party, while the order waits for a transfer. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = requireTrader(request);
  const id = z.coerce.number().int().positive().safeParse(params.orderId);
  const view = id.success ? getOrderForOrganisation({ id: id.data, organisationId: organisation.id }) : null;
  if (!view) throw notFound(request, "orders.errors.orderNotFound");
  const transfer =
    view.order.paymentMethod === "bank_transfer" && ["placed", "confirmed"].includes(view.order.status) ? transferDetails(view) : null;
  if (!transfer) throw notFound(request, "commerce.vietqr.notNow");
  const png = await qrPng(transfer.payload);
  return new Response(new Uint8Array(png), {
    headers: {
      "Content-Type": "image/png",
      "Content-Disposition": `attachment; filename="VietQR-${view.order.number}.png"`,
      "Cache-Control": "private, no-store",
    },
  });
}

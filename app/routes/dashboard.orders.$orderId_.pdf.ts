import type { LoaderFunctionArgs } from "@remix-run/node";
import { decimal } from "~/lib/validation";
import { z } from "zod";
import { getLocale } from "~/i18n/server";
import { getOrderForOrganisation } from "~/models/order.server";
import { orderPdf } from "~/capabilities/orders/documents.server";
import { notFound, requireTrader } from "~/capabilities/orders/route-helpers.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = requireTrader(request);
  const id = decimal(z.number().int().positive()).safeParse(params.orderId);
  const view = id.success ? getOrderForOrganisation({ id: id.data, organisationId: organisation.id }) : null;
  if (!view) throw notFound(request, "orders.errors.orderNotFound");
  const pdf = await orderPdf(view, getLocale(request));
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="${view.order.number}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { getT } from "~/i18n";
import { getLocale } from "~/i18n/server";
import { getProductGtin } from "~/models/trace.server";
import { requireOwnLot } from "~/capabilities/trace/dashboard.server";
import { lotDigitalLink } from "~/capabilities/trace/links.server";
import { qrPng } from "~/capabilities/trace/qr.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lot } = requireOwnLot(request, params.lotId);
  const gtin = getProductGtin({ productId: lot.productId, cooperativeId: lot.cooperativeId });
  if (!gtin) return new Response(getT(getLocale(request))("trace.errors.noGtinLabels"), { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const png = await qrPng(lotDigitalLink(lot, gtin));
  return new Response(new Uint8Array(png), { headers: { "Content-Type": "image/png", "Content-Disposition": `attachment; filename="qr-lot-${lot.id}.png"`, "Cache-Control": "private, max-age=60" } });
}

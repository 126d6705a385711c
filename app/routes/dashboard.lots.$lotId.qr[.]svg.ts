import type { LoaderFunctionArgs } from "@remix-run/node";
import { getT } from "~/i18n";
import { getLocale } from "~/i18n/server";
import { getProductGtin } from "~/models/trace.server";
import { requireOwnLot } from "~/capabilities/trace/dashboard.server";
import { lotDigitalLink } from "~/capabilities/trace/links.server";
import { qrSvg } from "~/capabilities/trace/qr.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lot } = requireOwnLot(request, params.lotId);
  const gtin = getProductGtin({ productId: lot.productId, cooperativeId: lot.cooperativeId });
  if (!gtin) return new Response(getT(getLocale(request))("trace.errors.noGtinLabels"), { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const svg = await qrSvg(lotDigitalLink(lot, gtin));
  return new Response(svg, { headers: { "Content-Type": "image/svg+xml", "Content-Disposition": `attachment; filename="qr-lot-${lot.id}.svg"`, "Cache-Control": "private, max-age=60" } });
}

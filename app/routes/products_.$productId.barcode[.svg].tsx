import type { LoaderFunctionArgs } from "@remix-run/node";
import { catalogueViewer } from "~/capabilities/catalogue/viewer.server";
import { barcodeSvg } from "~/lib/barcode.server";
import { getProductForDisplay } from "~/models/product.server";

/** The product's GTIN as an SVG barcode (EAN-13, or EAN-8/UPC-A/ITF-14 by length), for pages and print. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = Number(params.productId);
  const display = Number.isSafeInteger(id) && id > 0 ? getProductForDisplay({ id, viewerOrganisationId: catalogueViewer(request).cooperativeId }) : null;
  if (!display?.product.gtin) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(barcodeSvg(display.product.gtin), {
    headers: {
      "Content-Type": "image/svg+xml",
      "Cache-Control": display.isOwner ? "private, no-store" : "public, max-age=3600",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

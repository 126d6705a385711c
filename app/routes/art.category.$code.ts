import type { LoaderFunctionArgs } from "@remix-run/node";
import { productArtSvg } from "~/lib/product-art";
import { saleUnits } from "~/lib/enums";

const categoryCode = /^(I|II|III|IV|V|VI)(\.\d)(\.[a-z])?$/;

/**
 * The illustration of an OCOP category (optionally in a pack: `?unit=thung`), shown in place of a photo when a
 * product has none, so no card or product page is an empty box. Drawn by app/lib/product-art.ts.
 */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const code = params.code ?? "";
  const unit = new URL(request.url).searchParams.get("unit") ?? "kg";
  if (!categoryCode.test(code) || !(saleUnits as readonly string[]).includes(unit)) {
    return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  return new Response(productArtSvg({ nameVi: "", categoryCode: code, unit }), {
    headers: { "Content-Type": "image/svg+xml", "Cache-Control": "public, max-age=86400", "X-Content-Type-Options": "nosniff" },
  });
}

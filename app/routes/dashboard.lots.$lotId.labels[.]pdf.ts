import type { LoaderFunctionArgs } from "@remix-run/node";
import { getT } from "~/i18n";
import { getLocale } from "~/i18n/server";
import { joinAddress, localiseAddress } from "~/lib/address";
import { saleBlock } from "~/models/safety.server";
import { countSerials, getProducer, getProductSummary, listSerials } from "~/models/trace.server";
import { requireOwnLot } from "~/capabilities/trace/dashboard.server";
import { labelsSchema } from "~/capabilities/trace/forms.server";
import { labelSheet } from "~/capabilities/trace/labels.server";
import { lotDigitalLink } from "~/capabilities/trace/links.server";

const text = (body: string, status: number) => new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/** A4 label sheets as PDF. A GET so it works as a plain link or form without JavaScript; it changes nothing. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lot } = requireOwnLot(request, params.lotId);
  const t = getT(getLocale(request));
  const product = getProductSummary({ productId: lot.productId, cooperativeId: lot.cooperativeId });
  if (!product?.gtin) return text(t("trace.errors.noGtinLabels"), 400);
  // A lot flagged for a spray inside its pre-harvest interval is not labelled until the cooperative decides.
  const blocked = saleBlock({ lotId: lot.id });
  if (blocked) return text(t(blocked === "withheld" ? "safety.errors.labelsWithheld" : "safety.errors.labelsBlocked"), 409);
  const parsed = labelsSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return text(t("trace.errors.labelCount"), 400);
  const { layout, count } = parsed.data;
  let uris = [lotDigitalLink(lot, product.gtin)];
  if (lot.serialised) {
    const available = countSerials({ lotId: lot.id });
    if (available < count) return text(t("trace.errors.notEnoughSerials", { n: available }), 400);
    uris = listSerials({ lotId: lot.id, limit: count }).map((s) => lotDigitalLink(lot, product.gtin!, s));
  }
  const locale = getLocale(request);
  const producer = getProducer({ cooperativeId: lot.cooperativeId })!;
  const pdf = await labelSheet(layout, count, {
    producer: { name: producer.name, address: localiseAddress(joinAddress(producer.parts), locale) },
    productName: product.nameVi,
    gtin14: product.gtin,
    lotCode: lot.code,
    packingDate: lot.packingDate,
    bestBeforeDate: lot.bestBeforeDate,
    uris,
    texts: { lot: t("trace.label.lot"), packed: t("trace.label.packed"), bestBefore: t("trace.label.bestBefore"), scan: t("trace.label.scan"), producer: t("trace.label.producer") },
  });
  return new Response(new Uint8Array(pdf), {
    headers: { "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="nhan-lo-${lot.id}-${layout}.pdf"`, "Cache-Control": "private, no-store" },
  });
}

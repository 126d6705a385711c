import type { LoaderFunctionArgs } from "@remix-run/node";
import { boothPoster, pdfResponse } from "~/capabilities/fairs/poster.server";
import { idParam, requireFairOrganiser } from "~/capabilities/fairs/scope.server";
import { notFound } from "~/capabilities/orders/route-helpers.server";
import { getLocale } from "~/i18n/server";
import { getBoothPoster } from "~/models/fair.server";

/** The organiser prints any registered booth's poster of its own fairs. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { fair } = requireFairOrganiser(request, params.fairId);
  const poster = getBoothPoster({ fairId: fair.id, boothId: idParam(request, params.boothId, "fairs.errors.boothNotFound") });
  if (!poster) throw notFound(request, "fairs.errors.boothNotFound");
  return pdfResponse(await boothPoster(poster, getLocale(request)), `ap-phich-gian-${poster.booth.boothNumber ?? poster.booth.id}.pdf`);
}

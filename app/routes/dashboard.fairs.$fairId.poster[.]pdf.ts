import type { LoaderFunctionArgs } from "@remix-run/node";
import { boothPoster, pdfResponse } from "~/capabilities/fairs/poster.server";
import { requireInvitedCooperative } from "~/capabilities/fairs/registration.server";
import { notFound } from "~/capabilities/orders/route-helpers.server";
import { getLocale } from "~/i18n/server";
import { getBoothPoster } from "~/models/fair.server";

/** The cooperative's own booth poster; 404 before it registers. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { fair, booth } = requireInvitedCooperative(request, params.fairId);
  const poster = booth ? getBoothPoster({ fairId: fair.id, boothId: booth.id }) : null;
  if (!poster) throw notFound(request, "fairs.errors.boothNotFound");
  return pdfResponse(await boothPoster(poster, getLocale(request)), `ap-phich-gian-${poster.booth.boothNumber ?? poster.booth.id}.pdf`);
}

import { requireOrganisationRole } from "~/services/auth.server";
import { getLot, type Lot } from "~/models/trace.server";
import { listFlaggedLots } from "~/models/safety.server";
import { catalogueViewer } from "~/capabilities/catalogue/viewer.server";
import { parseLotId } from "./page.server";

/** The signed-in cooperative's own lot, or 404: another cooperative's lot looks exactly like a missing one. */
export function requireOwnLot(request: Request, lotIdParam: string | undefined) {
  const auth = requireOrganisationRole(request, { kind: "cooperative" });
  const id = parseLotId(lotIdParam);
  const lot: Lot | undefined = id ? getLot({ id, cooperativeId: auth.organisation.id }) : undefined;
  if (!lot) throw new Response(null, { status: 404, statusText: "Not Found" });
  return { ...auth, lot };
}

/** For a dashboard home: the signed-in cooperative's lots flagged for food safety (empty for other kinds). */
export function dashboardFlaggedLots(request: Request) {
  const { cooperativeId } = catalogueViewer(request);
  return cooperativeId ? listFlaggedLots({ cooperativeId }, { includeWithheld: false }) : [];
}

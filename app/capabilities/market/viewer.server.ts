import { getUser } from "~/services/auth.server";
import { getMemberships } from "~/models/user.server";
import type { Viewer } from "~/models/request.server";
import { listProvinces } from "~/models/province.server";
import "~/capabilities/market/notify.server";

/** The signed-in user's organisation as the market sees it (null when signed out or suspended). */
export function marketViewer(request: Request): { viewer: Viewer; userId: number | null } {
  const user = getUser(request);
  if (!user) return { viewer: null, userId: null };
  const m = getMemberships(user.id).find((x) => x.organisation.status !== "suspended");
  return { viewer: m ? { organisationId: m.organisation.id, kind: m.organisation.kind } : null, userId: user.id };
}

export function provinceNames(): Record<string, string> {
  return Object.fromEntries(listProvinces().map((p) => [p.code, p.shortName]));
}

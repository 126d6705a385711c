import { forbidden, requireUser } from "~/services/auth.server";
import type { Moderator } from "~/models/alliance.server";
import { getMemberships } from "~/models/user.server";

/**
 * Who may moderate, and where: an alliance admin acts in their own province only; a platform admin anywhere
 * (`provinceCode` null). Anyone else gets 403.
 */
export function requireModerator(request: Request): Moderator {
  const user = requireUser(request);
  if (user.isPlatformAdmin) return { user, provinceCode: null };
  const alliance = getMemberships(user.id).find((m) => m.organisation.kind === "alliance");
  if (!alliance) throw forbidden(request);
  return { user, provinceCode: alliance.organisation.provinceCode };
}

/** The province a page shows: the alliance admin's own, or the one a platform admin picked (null: all). */
export function allianceProvince(request: Request) {
  const moderator = requireModerator(request);
  if (moderator.provinceCode) return { moderator, provinceCode: moderator.provinceCode };
  const picked = new URL(request.url).searchParams.get("province");
  return { moderator, provinceCode: picked && /^\d{2}$/.test(picked) ? picked : null };
}

import { requireModerator } from "~/models/alliance.server";

/** The province a page shows: the alliance admin's own, or the one a platform admin picked (null: all). */
export function allianceProvince(request: Request) {
  const moderator = requireModerator(request);
  if (moderator.provinceCode) return { moderator, provinceCode: moderator.provinceCode };
  const picked = new URL(request.url).searchParams.get("province");
  return { moderator, provinceCode: picked && /^\d{2}$/.test(picked) ? picked : null };
}

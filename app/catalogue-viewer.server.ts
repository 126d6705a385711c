import { getUser } from "~/auth.server";
import { getMemberships } from "~/models/user.server";

/** The signed-in user and the cooperative they work for, if any: owners may preview their unpublished products. */
export function catalogueViewer(request: Request) {
  const user = getUser(request);
  const cooperative = user ? (getMemberships(user.id).find((m) => m.organisation.kind === "cooperative")?.organisation ?? null) : null;
  return { user, cooperativeId: cooperative?.id ?? null };
}

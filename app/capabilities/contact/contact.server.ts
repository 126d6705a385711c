import { getUser } from "~/services/auth.server";
import { getMemberships } from "~/models/user.server";
import { getCooperativeContact } from "~/models/thread.server";
import type { ContactDetails } from "~/components/contact-buttons";

/**
 * A cooperative's phone and Zalo for the current viewer: only a signed-in member of a buyer organisation (or of the
 * cooperative itself) sees them; anyone else gets null and the component shows a log-in prompt.
 */
export function contactForViewer(request: Request, cooperative: { id?: number; slug?: string }): ContactDetails | null {
  const user = getUser(request);
  if (!user) return null;
  const coop = getCooperativeContact(cooperative);
  if (!coop) return null;
  const allowed = getMemberships(user.id).some((m) => m.organisation.kind === "buyer" || m.organisation.id === coop.id);
  return allowed ? { slug: coop.slug, phone: coop.phone, zalo: coop.zalo, contactName: coop.contactName } : null;
}

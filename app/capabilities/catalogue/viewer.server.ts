import { getUser } from "~/services/auth.server";
import { listExpiringCertificates } from "~/models/certificate.server";
import { sendExpiryWarnings } from "~/services/certificate-warnings.server";
import { getMemberships } from "~/models/user.server";

/** The signed-in user and the cooperative they work for, if any: owners may preview their unpublished products. */
export function catalogueViewer(request: Request) {
  const user = getUser(request);
  const cooperative = user ? (getMemberships(user.id).find((m) => m.organisation.kind === "cooperative")?.organisation ?? null) : null;
  return { user, cooperativeId: cooperative?.id ?? null };
}

/**
 * For the dashboard home: the cooperative's certificates expiring within 90 days (empty for other kinds), after
 * sending any warning email not sent yet.
 */
export async function cooperativeDashboardNotices(request: Request) {
  const { cooperativeId } = catalogueViewer(request);
  if (!cooperativeId) return [];
  await sendExpiryWarnings({ cooperativeId });
  return listExpiringCertificates({ cooperativeId });
}

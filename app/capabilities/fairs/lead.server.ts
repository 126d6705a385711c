import { parseWithZod } from "@conform-to/zod/v4";
import { data } from "@remix-run/node";
import { boothPath } from "~/capabilities/fairs/poster.server";
import { idParam } from "~/capabilities/fairs/scope.server";
import { notFound } from "~/capabilities/orders/route-helpers.server";
import { getT } from "~/i18n";
import { getLocale } from "~/i18n/server";
import { todayInVietnam } from "~/lib/certificates";
import { leadSchema } from "~/lib/fair-forms";
import { formatVietnamesePhone } from "~/lib/phone";
import { createLead, leadBlockedUntil } from "~/models/fair-lead.server";
import { getPublicBooth, getPublicFair } from "~/models/fair.server";
import { notifyOrganisation } from "~/services/notify.server";
import { getMemberships } from "~/models/user.server";
import { clientAddress, getUser } from "~/services/auth.server";
import { readForm } from "~/services/uploads.server";

/** The booth page's fair and booth, or 404 for an unknown (or draft) fair and a booth not in it. */
export function loadBooth(request: Request, params: { fairId?: string; boothId?: string }) {
  const found = getPublicFair({ id: idParam(request, params.fairId) });
  if (!found) throw notFound(request, "fairs.errors.notFound");
  const booth = getPublicBooth({ fairId: found.fair.id, boothId: idParam(request, params.boothId, "fairs.errors.boothNotFound"), today: todayInVietnam() });
  if (!booth) throw notFound(request, "fairs.errors.boothNotFound");
  return { ...found, ...booth };
}

/** The signed-in user's buyer organisation, whose lead becomes its own thread. */
export function signedInBuyer(request: Request) {
  const user = getUser(request);
  if (!user) return null;
  const membership = getMemberships(user.id).find((m) => m.organisation.kind === "buyer" && m.organisation.status !== "suspended");
  return membership ? { user, organisation: membership.organisation } : null;
}

const vnDate = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

/**
 * A visitor's lead from the booth page. 400 with the typed values kept for a missing contact, a phone that is not
 * Vietnamese or no consent; 429 with Retry-After when the address or the booth sent too many; the same contact
 * again the same day is answered "already received" and writes nothing. Otherwise one transaction stores the
 * lead and its inquiry thread, and the cooperative is mailed.
 */
export async function handleLead(request: Request, params: { fairId?: string; boothId?: string }) {
  const { fair, booth } = loadBooth(request, params);
  const t = getT(getLocale(request));
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: leadSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), outcome: null }, { status: 400 });
  if (fair.state === "cancelled") return data({ result: submission.reply({ formErrors: [t("fairs.errors.closed")] }), outcome: null }, { status: 409 });
  const ip = clientAddress(request);
  const blocked = leadBlockedUntil({ ip, boothId: booth.id });
  if (blocked) {
    const seconds = Math.max(1, Math.ceil((blocked.getTime() - Date.now()) / 1000));
    return data(
      { result: submission.reply({ formErrors: [t("fairs.errors.tooManyLeads", { minutes: Math.ceil(seconds / 60) })] }), outcome: null },
      { status: 429, headers: { "Retry-After": String(seconds) } },
    );
  }
  const v = submission.value;
  const buyer = signedInBuyer(request);
  // The thread is written in Vietnamese: it is read by the cooperative, whatever language the visitor used.
  const vi = getT("vi");
  const none = vi("fairs.thread.none");
  const boothLabel = booth.boothNumber ?? "—";
  const body = [
    vi("fairs.thread.body", {
      booth: boothLabel,
      fair: fair.name,
      dates: fair.startDate === fair.endDate ? vnDate(fair.startDate) : `${vnDate(fair.startDate)} – ${vnDate(fair.endDate)}`,
      name: v.name,
      business: v.business || none,
      phone: v.phone ? formatVietnamesePhone(v.phone) : none,
      email: v.email || none,
      interest: v.interest,
    }),
    buyer ? null : vi("fairs.thread.bodyVisitor"),
  ]
    .filter(Boolean)
    .join("\n\n");
  const created = createLead({
    fair,
    booth: { id: booth.id, cooperativeId: booth.cooperativeId },
    input: v,
    buyer: buyer ? { organisationId: buyer.organisation.id, userId: buyer.user.id } : null,
    ip,
    text: { subject: vi("fairs.thread.subject", { name: v.name, fair: fair.name }).slice(0, 200), body, visitorOrgName: vi("fairs.thread.visitorOrg", { fair: fair.name }) },
  });
  if (!created.duplicate && created.threadId) {
    await notifyOrganisation({
      organisationId: booth.cooperativeId,
      subject: "fairs.mail.leadSubject",
      body: "fairs.mail.leadBody",
      params: { name: v.name, fair: fair.name },
      path: `/dashboard/inquiries/${created.threadId}`,
    });
  }
  return data({
    result: submission.reply({ resetForm: !created.duplicate }),
    outcome: created.duplicate ? ("duplicate" as const) : ("sent" as const),
    threadId: buyer ? created.threadId : null,
    back: boothPath(fair.id, booth.id),
  });
}

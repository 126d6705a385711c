import { data } from "@remix-run/node";
import { getT } from "~/i18n";
import { getLocale } from "~/i18n/server";
import { singleFields } from "~/lib/form-fields";
import { boothNumberSchema, inviteSchema } from "~/lib/fair-forms";
import type { Moderator } from "~/models/alliance.server";
import { assignBoothNumber, FairError, inviteCooperative, listInvitations, searchInvitableCooperatives, type Fair } from "~/models/fair.server";
import { fairOutcome } from "~/models/fair-lead.server";
import { listProvinces } from "~/models/province.server";
import { readForm } from "~/services/uploads.server";
import { notifyOrganisation } from "~/services/notify.server";
import { formatDate } from "~/lib/money";

/** Everything the organiser's page of one fair shows: details, invitation search, registrations and results. */
export function organiserPage(request: Request, fair: Fair) {
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").slice(0, 100);
  const cp = url.searchParams.get("cp");
  // The fair's own province by default; "any" searches every province.
  const inviteProvince = cp === "any" ? null : cp && /^\d{2}$/.test(cp) ? cp : fair.provinceCode;
  return {
    fair,
    search: { q, province: inviteProvince ?? "any" },
    candidates: searchInvitableCooperatives({ fairId: fair.id, q, provinceCode: inviteProvince }),
    invitations: listInvitations({ fairId: fair.id }),
    outcome: fairOutcome({ fairId: fair.id }),
    provinces: listProvinces().map((p) => ({ value: p.code, label: p.name })),
    saved: url.searchParams.get("saved") === "1",
  };
}

type Reply = { intent: "invite" | "booth-number"; ok: boolean; boothId?: number; error?: string; value?: string };

/** Invites a cooperative or gives a booth its number; errors come back with their status and the typed value. */
export async function organiserAction(request: Request, { fair, moderator }: { fair: Fair; moderator: Moderator }) {
  const t = getT(getLocale(request));
  const fields = singleFields(await readForm(request));
  const reply = (body: Reply, status = 200) => data(body, { status });
  if (!fields) return reply({ intent: "invite", ok: false, error: t("errors.invalid") }, 400);
  if (fields.intent === "invite") {
    const parsed = inviteSchema.safeParse(fields);
    if (!parsed.success) return reply({ intent: "invite", ok: false, error: t("errors.invalid") }, 400);
    const invited = inviteCooperative({ fairId: fair.id, cooperativeId: parsed.data.cooperativeId, userId: moderator.user.id });
    if (!invited) return reply({ intent: "invite", ok: false, error: t("fairs.errors.cooperativeNotFound") }, 404);
    if (invited === "invited" && fair.state !== "draft") {
      await notifyOrganisation({
        organisationId: parsed.data.cooperativeId,
        subject: "fairs.mail.inviteSubject",
        body: "fairs.mail.inviteBody",
        params: { fair: fair.name, deadline: formatDate(fair.registrationDeadline, "vi") },
        path: `/dashboard/fairs/${fair.id}`,
      });
    }
    return reply({ intent: "invite", ok: true });
  }
  if (fields.intent === "booth-number") {
    const parsed = boothNumberSchema.safeParse({ ...fields, boothNumber: fields.boothNumber || undefined });
    const boothId = Number(fields.boothId) || undefined;
    if (!parsed.success) return reply({ intent: "booth-number", ok: false, boothId, value: fields.boothNumber, error: t("fairs.errors.boothNumber") }, 400);
    try {
      assignBoothNumber({ fairId: fair.id, boothId: parsed.data.boothId, boothNumber: parsed.data.boothNumber ?? null });
    } catch (error) {
      if (error instanceof FairError) return reply({ intent: "booth-number", ok: false, boothId, value: fields.boothNumber, error: t(error.messageKey as "fairs.errors.boothNumberTaken") }, error.status);
      throw error;
    }
    return reply({ intent: "booth-number", ok: true, boothId });
  }
  return reply({ intent: "invite", ok: false, error: t("errors.invalid") }, 400);
}

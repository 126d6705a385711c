import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect } from "@remix-run/node";
import { notFound, requireCooperative } from "~/capabilities/orders/route-helpers.server";
import { idParam } from "~/capabilities/fairs/scope.server";
import { getT } from "~/i18n";
import { getLocale } from "~/i18n/server";
import { todayInVietnam } from "~/lib/certificates";
import { registrationSchema } from "~/lib/fair-forms";
import { registrationOpen } from "~/lib/fair-rules";
import { formatDate } from "~/lib/money";
import { FairError, getFairForCooperative, registerForFair, withdrawFromFair } from "~/models/fair.server";
import { readForm } from "~/services/uploads.server";

/** The fair as the signed-in cooperative sees it; 404 when it was not invited (or the fair is a draft). */
export function requireInvitedCooperative(request: Request, fairIdParam: string | undefined) {
  const { user, organisation } = requireCooperative(request);
  const found = getFairForCooperative({ fairId: idParam(request, fairIdParam), cooperativeId: organisation.id });
  if (!found) throw notFound(request, "fairs.errors.notFound");
  return { user, organisation, ...found };
}

/**
 * Registers with the products to show, changes them, or withdraws. After the deadline (or once the fair is
 * cancelled) every change is a 409; products that are not the cooperative's own published ones are a 400. Nothing
 * is written in either case, and the choice is kept in the form.
 */
export async function handleRegistration(request: Request, fairIdParam: string | undefined) {
  const { user, organisation, fair } = requireInvitedCooperative(request, fairIdParam);
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: registrationSchema });
  const locale = getLocale(request);
  const t = getT(locale);
  if (!registrationOpen(fair, todayInVietnam())) {
    const message = fair.state === "cancelled" ? t("fairs.errors.closed") : t("fairs.errors.deadlinePassed", { date: formatDate(fair.registrationDeadline, locale) });
    return data(submission.reply({ formErrors: [message] }), { status: 409 });
  }
  if (formData.get("intent") === "withdraw") {
    withdrawFromFair({ fairId: fair.id, cooperativeId: organisation.id });
    return redirect(`/dashboard/fairs/${fair.id}?withdrawn=1`);
  }
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  try {
    registerForFair({ fairId: fair.id, cooperativeId: organisation.id, userId: user.id, productIds: submission.value.productIds });
  } catch (error) {
    if (error instanceof FairError) return data(submission.reply({ fieldErrors: { productIds: [error.messageKey] } }), { status: error.status });
    throw error;
  }
  return redirect(`/dashboard/fairs/${fair.id}?registered=1`);
}

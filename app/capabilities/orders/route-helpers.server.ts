import { data } from "@remix-run/node";
import { requireOrganisationRole } from "~/services/auth.server";
import { getT, isMessageKey, type MessageKey, type T } from "~/i18n";
import { getLocale } from "~/i18n/server";
import { formatVnd } from "~/lib/money";
import { OrderError } from "~/models/order.server";
import { notifyOrganisation } from "~/services/notify.server";
import { UploadError } from "~/services/uploads.server";

/** A member of a buyer or a cooperative: the two parties of threads, quotes and orders. */
export function requireTrader(request: Request) {
  return requireOrganisationRole(request, { kind: ["buyer", "cooperative"] });
}

export function requireBuyer(request: Request) {
  return requireOrganisationRole(request, { kind: "buyer" });
}

export function requireCooperative(request: Request) {
  return requireOrganisationRole(request, { kind: "cooperative" });
}

export function notFound(request: Request, key: MessageKey = "errors.notFound"): Response {
  return new Response(getT(getLocale(request))(key), { status: 404, statusText: "Not Found" });
}

/** The error's message in the user's language; parameters that are catalogue keys (units) are translated too. */
export function orderErrorMessage(t: T, error: OrderError): string {
  const params = Object.fromEntries(Object.entries(error.params).map(([k, v]) => [k, typeof v === "string" && isMessageKey(v) ? t(v) : v]));
  return t(error.messageKey as MessageKey, params);
}

/** A broken order rule as a translated form error with its real status; anything else is rethrown. */
export function ruleViolation(request: Request, error: unknown, extra: Record<string, unknown> = {}) {
  const t = getT(getLocale(request));
  if (error instanceof OrderError) {
    return data(
      { status: "error" as const, formErrors: [orderErrorMessage(t, error)], ...extra },
      { status: error.status },
    );
  }
  if (error instanceof UploadError) {
    return data({ status: "error" as const, formErrors: [t(error.messageKey)], ...extra }, { status: error.status });
  }
  throw error;
}

/** Tells the party that did not take the step what happened to the order. */
export async function notifyOrderStep(order: { id: number; number: string; buyerId: number; cooperativeId: number }, status: string, actorSide: "buyer" | "cooperative" | "system") {
  const key = `orders.status.${status}` as MessageKey;
  const recipients = actorSide === "buyer" ? [order.cooperativeId] : actorSide === "cooperative" ? [order.buyerId] : [order.buyerId, order.cooperativeId];
  for (const organisationId of recipients) {
    await notifyOrganisation({
      organisationId,
      subject: "orders.mail.orderStepSubject",
      body: "orders.mail.orderStepBody",
      params: { number: order.number, status: key },
      path: `/dashboard/orders/${order.id}`,
    });
  }
}

export async function notifyOrderPlaced(order: { id: number; number: string; cooperativeId: number; total: number }, buyerName: string) {
  await notifyOrganisation({
    organisationId: order.cooperativeId,
    subject: "orders.mail.orderPlacedSubject",
    body: "orders.mail.orderPlacedBody",
    params: { number: order.number, buyer: buyerName, total: formatVnd(order.total, "vi") },
    path: `/dashboard/orders/${order.id}`,
  });
}

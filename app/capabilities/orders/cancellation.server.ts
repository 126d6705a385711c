import { data, redirect } from "@remix-run/node";
import { z } from "zod";
import { getT, type MessageKey } from "~/i18n";
import { getLocale } from "~/i18n/server";
import { formatVnd } from "~/lib/money";
import { needsAgreement } from "~/lib/refund-rules";
import { OrderError } from "~/models/order.server";
import { decideCancellation, getRefund, listCancellationRequests, markRefundReturned, requestCancellation } from "~/models/refund.server";
import { notifyOrganisation } from "~/services/notify.server";
import { retryPendingCardRefunds, sendCardRefund } from "~/services/refunds.server";
import { ruleViolation } from "./route-helpers.server";

/* The order page's cancellation-by-agreement steps: the buyer asks, the cooperative accepts or refuses. */

export const cancellationIntents = ["requestCancel", "acceptCancel", "refuseCancel", "markReturned", "retryRefund"] as const;
export type CancellationIntent = (typeof cancellationIntents)[number];

export function isCancellationIntent(intent: string | undefined): intent is CancellationIntent {
  return (cancellationIntents as readonly string[]).includes(intent ?? "");
}

const requestSchema = z.object({ reason: z.string().trim().min(1).max(1000) });
const decisionSchema = z.object({ note: z.string().trim().max(1000).optional() });

type Order = { id: number; number: string; buyerId: number; cooperativeId: number; status: string; paymentMethod: string };

/** What the order page shows and offers about a cancellation. */
export function cancellationView({ order, party }: { order: Order; party: "buyer" | "cooperative" }) {
  const requests = listCancellationRequests({ orderId: order.id });
  const open = requests.find((r) => r.status === "requested") ?? null;
  const agreement = needsAgreement(order.status as Parameters<typeof needsAgreement>[0]);
  return {
    requests,
    open,
    refund: getRefund({ orderId: order.id }),
    canRequest: party === "buyer" && agreement && !open,
    canDecide: party === "cooperative" && agreement && !!open,
  };
}

export async function handleCancellationIntent({
  request,
  intent,
  fields,
  order,
  organisationId,
  userId,
}: {
  request: Request;
  intent: CancellationIntent;
  fields: Record<string, string>;
  order: Order;
  organisationId: number;
  userId: number;
}) {
  const t = getT(getLocale(request));
  const path = `/dashboard/orders/${order.id}`;
  try {
    if (intent === "requestCancel") {
      const parsed = requestSchema.safeParse(fields);
      if (!parsed.success) return data({ status: "error" as const, formErrors: [t("refunds.errors.reasonRequired")] }, { status: 400 });
      requestCancellation({ orderId: order.id, organisationId, userId, reason: parsed.data.reason });
      await notifyOrganisation({ organisationId: order.cooperativeId, subject: "refunds.mail.requestedSubject", body: "refunds.mail.requestedBody", params: { number: order.number, reason: parsed.data.reason }, path });
      return redirect(`${path}?done=1`);
    }
    if (intent === "acceptCancel" || intent === "refuseCancel") {
      const parsed = decisionSchema.safeParse(fields);
      if (!parsed.success) return data({ status: "error" as const, formErrors: [t("errors.invalid")] }, { status: 400 });
      const accept = intent === "acceptCancel";
      const { refund } = decideCancellation({ orderId: order.id, organisationId, userId, accept, note: parsed.data.note || null });
      // After the commit: a crash or a Stripe outage here leaves the refund `pending`, sent again by "try again".
      if (refund?.method === "card") await sendCardRefund(refund);
      const amount = refund ? formatVnd(refund.amount, "vi") : "";
      const body: MessageKey = !accept ? "refunds.mail.refusedBody" : refund?.method === "card" ? "refunds.mail.acceptedCard" : refund ? "refunds.mail.acceptedTransfer" : "refunds.mail.acceptedNone";
      await notifyOrganisation({
        organisationId: order.buyerId,
        subject: accept ? "refunds.mail.acceptedSubject" : "refunds.mail.refusedSubject",
        body,
        params: { number: order.number, amount, note: parsed.data.note ?? "" },
        path,
      });
      return redirect(`${path}?done=1`);
    }
    if (intent === "markReturned") {
      if (order.cooperativeId !== organisationId) throw new OrderError(403, "orders.errors.notYourStep");
      markRefundReturned({ orderId: order.id, organisationId, userId });
      const refund = getRefund({ orderId: order.id });
      await notifyOrganisation({ organisationId: order.buyerId, subject: "refunds.mail.returnedSubject", body: "refunds.mail.returnedBody", params: { number: order.number, amount: formatVnd(refund?.amount ?? 0, "vi") }, path });
      return redirect(`${path}?done=1`);
    }
    // retryRefund: the cooperative asks Stripe again for a card refund that has not gone through.
    if (order.cooperativeId !== organisationId) throw new OrderError(403, "orders.errors.notYourStep");
    const refund = getRefund({ orderId: order.id });
    if (!refund || refund.method !== "card" || refund.status !== "pending") throw new OrderError(409, "refunds.errors.nothingOwed");
    await retryPendingCardRefunds({ orderId: order.id });
    return redirect(`${path}?done=1`);
  } catch (error) {
    return ruleViolation(request, error);
  }
}

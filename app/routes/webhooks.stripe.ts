import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { applyStripeCheckoutCompleted, getOrderIdForSession, getOrderSummary } from "~/models/order.server";
import { notifyOrderStep } from "~/capabilities/orders/route-helpers.server";
import { applyChargeRefunded } from "~/models/refund.server";
import { verifyWebhook } from "~/services/stripe.server";

const sessionSchema = z.object({
  id: z.string(),
  amount_total: z.number().int().nullable().optional(),
  currency: z.string().nullable().optional(),
  payment_status: z.string().nullable().optional(),
});

const chargeSchema = z.object({
  payment_intent: z.string().nullable().optional(),
  refunded: z.boolean().optional(),
  amount_refunded: z.number().int().optional(),
});

/**
 * Stripe webhooks. The raw body is verified against `Stripe-Signature` before anything is read from it; a forged or
 * stale event is answered 400 and changes nothing. A verified event is applied at most once (by event id).
 */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return Response.json({ error: "method" }, { status: 405 });
  const raw = await request.text();
  let event;
  try {
    event = verifyWebhook(raw, request.headers.get("Stripe-Signature"));
  } catch {
    return Response.json({ error: "invalid signature" }, { status: 400 });
  }
  if (event.type === "charge.refunded") {
    const charge = chargeSchema.safeParse(event.data.object);
    const outcome = applyChargeRefunded({
      eventId: event.id,
      paymentIntent: charge.success ? (charge.data.payment_intent ?? null) : null,
      refunded: charge.success && (charge.data.refunded === true || (charge.data.amount_refunded ?? 0) > 0),
    });
    return Response.json({ received: true, outcome });
  }
  const parsed = event.type.startsWith("checkout.session.") ? sessionSchema.safeParse(event.data.object) : null;
  const session = parsed?.success ? parsed.data : null;
  const outcome = applyStripeCheckoutCompleted({
    eventId: event.id,
    eventType: event.type,
    sessionId: session?.id ?? null,
    amountTotal: session?.amount_total ?? null,
    currency: session?.currency ?? null,
    paymentStatus: session?.payment_status ?? null,
  });
  if (outcome === "paid" && session) {
    const orderId = getOrderIdForSession({ sessionId: session.id });
    const order = orderId ? getOrderSummary({ id: orderId }) : null;
    if (order) await notifyOrderStep(order, "paid", "system");
  }
  return Response.json({ received: true, outcome });
}

export async function loader() {
  return new Response("Method Not Allowed", { status: 405, headers: { Allow: "POST" } });
}

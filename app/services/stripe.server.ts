import Stripe from "stripe";
import { env } from "~/env.server";

let client: Stripe | undefined;

/**
 * The real Stripe client. With STRIPE_API_BASE set (tests, demo) it talks to the local fake in tests/fakes/ over
 * plain HTTP; without it, to api.stripe.com with the configured key.
 */
export function stripe(): Stripe {
  if (client) return client;
  const base = env.STRIPE_API_BASE ? new URL(env.STRIPE_API_BASE) : null;
  client = new Stripe(env.STRIPE_SECRET_KEY, {
    maxNetworkRetries: 2,
    timeout: 15_000,
    telemetry: false,
    ...(base
      ? {
          host: base.hostname,
          port: base.port || (base.protocol === "https:" ? 443 : 80),
          protocol: base.protocol === "https:" ? "https" : "http",
        }
      : {}),
  });
  return client;
}

/**
 * A Checkout Session for one order. VND is zero-decimal, so `unit_amount` is the number of đồng. The idempotency
 * key is derived from the order and its total, so a double click or a retry returns the same session.
 */
export async function createOrderCheckoutSession(order: { id: number; number: string; total: number; buyerEmail?: string | null }) {
  return stripe().checkout.sessions.create(
    {
      mode: "payment",
      client_reference_id: String(order.id),
      metadata: { orderId: String(order.id), orderNumber: order.number },
      line_items: [
        {
          quantity: 1,
          price_data: { currency: "vnd", unit_amount: order.total, product_data: { name: `Chợ HTX ${order.number}` } },
        },
      ],
      ...(order.buyerEmail ? { customer_email: order.buyerEmail } : {}),
      success_url: new URL(`/dashboard/orders/${order.id}?paid=1&session_id={CHECKOUT_SESSION_ID}`, env.PUBLIC_ORIGIN).toString(),
      cancel_url: new URL(`/dashboard/orders/${order.id}?cancelled=1`, env.PUBLIC_ORIGIN).toString(),
    },
    { idempotencyKey: `chohtx-order-${order.id}-checkout-${order.total}` },
  );
}

/** Verifies the `Stripe-Signature` header against the raw body; throws when it does not match. */
export function verifyWebhook(rawBody: string, signature: string | null) {
  if (!signature) throw new Error("missing signature");
  return stripe().webhooks.constructEvent(rawBody, signature, env.STRIPE_WEBHOOK_SECRET);
}

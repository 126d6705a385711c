import { listPendingCardRefunds, recordRefundError, recordStripeRefund, setRefundPaymentIntent, type Refund } from "~/models/refund.server";
import { stripe } from "~/services/stripe.server";

/**
 * Asks Stripe to refund a card payment, after the cancellation that owes it has committed. The idempotency key is
 * the refund row's own, so a retry (a timeout, a crash before the answer was stored, a second click) returns the
 * same refund instead of refunding again. A failure is recorded on the row and the refund stays `pending`.
 */
export async function sendCardRefund(refund: Refund): Promise<"sent" | "failed"> {
  try {
    let paymentIntent = refund.stripePaymentIntent;
    if (!paymentIntent) {
      if (!refund.stripeSessionId) throw new Error("card refund without a checkout session");
      const session = await stripe().checkout.sessions.retrieve(refund.stripeSessionId);
      paymentIntent = typeof session.payment_intent === "string" ? session.payment_intent : (session.payment_intent?.id ?? null);
      if (!paymentIntent) throw new Error("checkout session without a payment intent");
      setRefundPaymentIntent({ refundId: refund.id, paymentIntent });
    }
    const made = await stripe().refunds.create(
      { payment_intent: paymentIntent, amount: refund.amount, metadata: { orderId: String(refund.orderId), refundId: String(refund.id) } },
      { idempotencyKey: refund.idempotencyKey },
    );
    recordStripeRefund({ refundId: refund.id, stripeRefundId: made.id, stripeStatus: made.status ?? null });
    return "sent";
  } catch (error) {
    console.error("stripe refund failed", error);
    recordRefundError({ refundId: refund.id, error: error instanceof Error ? error.message : String(error) });
    return "failed";
  }
}

/** Sends again every card refund Stripe has not confirmed (the order page's "try again", or a job). */
export async function retryPendingCardRefunds({ orderId }: { orderId?: number } = {}) {
  let sent = 0;
  for (const refund of listPendingCardRefunds({ orderId })) if ((await sendCardRefund(refund)) === "sent") sent++;
  return sent;
}

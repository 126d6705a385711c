import { and, desc, eq } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { needsAgreement, refundMethodFor } from "~/lib/refund-rules";
import { OrderError, releaseStock } from "~/models/order.server";

/*
 * Cancellation by agreement and the money that follows it. Every step is one transaction with a conditional update
 * on the state it read, so two clicks (or two people) at once record one step; the Stripe call happens after the
 * commit, with a per-refund idempotency key, and is repeatable until Stripe answers.
 */

type Order = typeof schema.orders.$inferSelect;
export type CancellationRequest = typeof schema.cancellationRequests.$inferSelect;
export type Refund = typeof schema.refunds.$inferSelect;

function loadOrder(tx: Pick<typeof db, "select">, { orderId, organisationId }: { orderId: number; organisationId: number }) {
  const order = tx.select().from(schema.orders).where(eq(schema.orders.id, orderId)).get();
  if (!order || (order.buyerId !== organisationId && order.cooperativeId !== organisationId)) throw new OrderError(404, "orders.errors.orderNotFound");
  return order;
}

function openRequest(tx: Pick<typeof db, "select">, orderId: number) {
  return tx
    .select()
    .from(schema.cancellationRequests)
    .where(and(eq(schema.cancellationRequests.orderId, orderId), eq(schema.cancellationRequests.status, "requested")))
    .get();
}

/** The buyer asks to cancel a paid or packed order, with a reason. One open request per order. */
export function requestCancellation({ orderId, organisationId, userId, reason }: { orderId: number; organisationId: number; userId: number; reason: string }) {
  return db.transaction(
    (tx) => {
      const order = loadOrder(tx, { orderId, organisationId });
      if (order.buyerId !== organisationId) throw new OrderError(403, "orders.errors.notYourStep");
      if (!needsAgreement(order.status)) throw new OrderError(409, "orders.errors.transition", { status: order.status });
      if (openRequest(tx, orderId)) throw new OrderError(409, "refunds.errors.alreadyRequested");
      const request = tx.insert(schema.cancellationRequests).values({ orderId, reason, requestedBy: userId }).returning().get();
      tx.insert(schema.orderEvents)
        .values({ orderId, fromStatus: order.status, toStatus: order.status, actorUserId: userId, actorOrgId: organisationId, note: `cancellation:requested · ${reason}` })
        .run();
      return { order, request };
    },
    { behavior: "immediate" },
  );
}

/**
 * The cooperative decides. Refused: the order goes on as it was. Accepted: the order is cancelled, its stock goes
 * back (once: the status update is conditional), and a paid order gets its refund row — card: `pending`, to be
 * sent to Stripe by `sendCardRefund` after this commits; bank transfer: `owed`.
 */
export function decideCancellation({
  orderId,
  organisationId,
  userId,
  accept,
  note,
}: {
  orderId: number;
  organisationId: number;
  userId: number;
  accept: boolean;
  note?: string | null;
}): { order: Order; refund: Refund | null } {
  return db.transaction(
    (tx) => {
      const order = loadOrder(tx, { orderId, organisationId });
      if (order.cooperativeId !== organisationId) throw new OrderError(403, "orders.errors.notYourStep");
      const request = openRequest(tx, orderId);
      if (!request) throw new OrderError(409, "refunds.errors.noOpenRequest");
      const now = new Date().toISOString();
      const decided = tx
        .update(schema.cancellationRequests)
        .set({ status: accept ? "accepted" : "refused", decidedBy: userId, decisionNote: note ?? null, decidedAt: now })
        .where(and(eq(schema.cancellationRequests.id, request.id), eq(schema.cancellationRequests.status, "requested")))
        .run();
      if (decided.changes !== 1) throw new OrderError(409, "refunds.errors.noOpenRequest");
      if (!accept) {
        tx.insert(schema.orderEvents)
          .values({ orderId, fromStatus: order.status, toStatus: order.status, actorUserId: userId, actorOrgId: organisationId, note: `cancellation:refused${note ? ` · ${note}` : ""}`, at: now })
          .run();
        return { order, refund: null };
      }
      if (!needsAgreement(order.status)) throw new OrderError(409, "orders.errors.transition", { status: order.status });
      const changed = tx
        .update(schema.orders)
        .set({ status: "cancelled", cancelReason: request.reason, updatedAt: now })
        .where(and(eq(schema.orders.id, orderId), eq(schema.orders.status, order.status)))
        .run();
      if (changed.changes !== 1) throw new OrderError(409, "orders.errors.transition", { status: order.status });
      releaseStock(tx, orderId);
      tx.insert(schema.orderEvents)
        .values({ orderId, fromStatus: order.status, toStatus: "cancelled", actorUserId: userId, actorOrgId: organisationId, note: `cancellation:accepted${note ? ` · ${note}` : ""}`, at: now })
        .run();
      const payment = tx
        .select()
        .from(schema.payments)
        .where(and(eq(schema.payments.orderId, orderId), eq(schema.payments.status, "paid")))
        .orderBy(desc(schema.payments.id))
        .get();
      const method = refundMethodFor({ paymentMethod: order.paymentMethod, paid: !!payment });
      let refund: Refund | null = null;
      if (payment && method) {
        refund =
          tx
            .insert(schema.refunds)
            .values({
              orderId,
              cancellationRequestId: request.id,
              method,
              amount: payment.amount,
              status: method === "card" ? "pending" : "owed",
              idempotencyKey: `chohtx-order-${orderId}-refund`,
              stripeSessionId: payment.stripeSessionId,
            })
            .onConflictDoNothing()
            .returning()
            .get() ?? null;
      }
      return { order: { ...order, status: "cancelled" as const }, refund };
    },
    { behavior: "immediate" },
  );
}

export function getRefund({ orderId }: { orderId: number }) {
  return db.select().from(schema.refunds).where(eq(schema.refunds.orderId, orderId)).get() ?? null;
}

/** Every cancellation request of an order, newest first, for the order page (the caller checked access). */
export function listCancellationRequests({ orderId }: { orderId: number }) {
  return db.select().from(schema.cancellationRequests).where(eq(schema.cancellationRequests.orderId, orderId)).orderBy(desc(schema.cancellationRequests.id)).all();
}

/** Remembers which payment intent a card refund is for, before Stripe is asked, so its webhook finds the row. */
export function setRefundPaymentIntent({ refundId, paymentIntent }: { refundId: number; paymentIntent: string }) {
  db.update(schema.refunds).set({ stripePaymentIntent: paymentIntent }).where(eq(schema.refunds.id, refundId)).run();
}

/** Stripe's answer to refunds.create. A refund already completed by its webhook stays completed. */
export function recordStripeRefund({ refundId, stripeRefundId, stripeStatus }: { refundId: number; stripeRefundId: string; stripeStatus: string | null }) {
  const now = new Date().toISOString();
  const status = stripeStatus === "succeeded" ? "succeeded" : stripeStatus === "failed" || stripeStatus === "canceled" ? "failed" : "pending";
  db.transaction(
    (tx) => {
      const refund = tx.select().from(schema.refunds).where(eq(schema.refunds.id, refundId)).get();
      if (!refund) return;
      const done = refund.status === "succeeded";
      tx.update(schema.refunds)
        .set({ stripeRefundId, status: done ? "succeeded" : status, completedAt: done ? refund.completedAt : status === "succeeded" ? now : null, lastError: null })
        .where(eq(schema.refunds.id, refundId))
        .run();
      if (!done && status === "succeeded") {
        tx.insert(schema.orderEvents).values({ orderId: refund.orderId, fromStatus: "cancelled", toStatus: "cancelled", note: `refund:succeeded · stripe:${stripeRefundId}`, at: now }).run();
      }
    },
    { behavior: "immediate" },
  );
}

export function recordRefundError({ refundId, error }: { refundId: number; error: string }) {
  db.update(schema.refunds).set({ lastError: error.slice(0, 500) }).where(and(eq(schema.refunds.id, refundId), eq(schema.refunds.status, "pending"))).run();
}

export type RefundWebhookOutcome = "refunded" | "duplicate" | "unknown_refund" | "ignored";

/**
 * Applies a verified `charge.refunded`: the event id is stored in the same transaction as its effect, so a replay
 * changes nothing; the refund it completes is found by payment intent (stored before Stripe was asked).
 */
export function applyChargeRefunded({ eventId, paymentIntent, refunded }: { eventId: string; paymentIntent: string | null; refunded: boolean }): RefundWebhookOutcome {
  return db.transaction(
    (tx) => {
      const fresh = tx.insert(schema.processedWebhookEvents).values({ eventId, type: "charge.refunded" }).onConflictDoNothing().run();
      if (fresh.changes !== 1) return "duplicate";
      if (!paymentIntent || !refunded) return "ignored";
      const refund = tx.select().from(schema.refunds).where(and(eq(schema.refunds.stripePaymentIntent, paymentIntent), eq(schema.refunds.method, "card"))).get();
      if (!refund) return "unknown_refund";
      if (refund.status === "succeeded") return "duplicate";
      const now = new Date().toISOString();
      tx.update(schema.refunds).set({ status: "succeeded", completedAt: now, lastError: null }).where(and(eq(schema.refunds.id, refund.id), eq(schema.refunds.status, refund.status))).run();
      tx.insert(schema.orderEvents).values({ orderId: refund.orderId, fromStatus: "cancelled", toStatus: "cancelled", note: `refund:succeeded · stripe:${paymentIntent}`, at: now }).run();
      return "refunded";
    },
    { behavior: "immediate" },
  );
}

/** The cooperative has sent a bank-transfer refund back: `owed` → `returned`, once. */
export function markRefundReturned({ orderId, organisationId, userId }: { orderId: number; organisationId: number; userId: number }) {
  return db.transaction(
    (tx) => {
      const order = loadOrder(tx, { orderId, organisationId });
      if (order.cooperativeId !== organisationId) throw new OrderError(403, "orders.errors.notYourStep");
      const now = new Date().toISOString();
      const changed = tx
        .update(schema.refunds)
        .set({ status: "returned", completedAt: now, returnedBy: userId })
        .where(and(eq(schema.refunds.orderId, orderId), eq(schema.refunds.method, "bank_transfer"), eq(schema.refunds.status, "owed")))
        .run();
      if (changed.changes !== 1) throw new OrderError(409, "refunds.errors.nothingOwed");
      tx.insert(schema.orderEvents).values({ orderId, fromStatus: order.status, toStatus: order.status, actorUserId: userId, actorOrgId: organisationId, note: "refund:returned", at: now }).run();
      return order;
    },
    { behavior: "immediate" },
  );
}

/** Card refunds still to be sent to (or confirmed by) Stripe. */
export function listPendingCardRefunds({ orderId }: { orderId?: number } = {}) {
  return db
    .select()
    .from(schema.refunds)
    .where(and(eq(schema.refunds.method, "card"), eq(schema.refunds.status, "pending"), orderId ? eq(schema.refunds.orderId, orderId) : undefined))
    .all();
}

import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { cancellationStatuses, refundMethods, refundStatuses } from "../../app/lib/refund-rules";
import { users } from "./core";
import { orders } from "./orders";

/*
 * Money after a cancellation. An order that is paid (or packed) is cancelled only by agreement: the buyer asks,
 * the cooperative accepts or refuses. An accepted cancellation of a paid order owes the buyer a refund: by card,
 * through Stripe's refunds API; by bank transfer, recorded as owed until the cooperative marks it returned.
 */
const createdAt = () =>
  text("created_at")
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);

export const cancellationRequests = sqliteTable(
  "cancellation_requests",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    status: text("status", { enum: cancellationStatuses }).notNull().default("requested"),
    reason: text("reason").notNull(),
    requestedBy: integer("requested_by").references(() => users.id),
    decidedBy: integer("decided_by").references(() => users.id),
    decisionNote: text("decision_note"),
    decidedAt: text("decided_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("cancellation_requests_order_idx").on(t.orderId, t.id),
    // At most one open request per order: a second "ask" while one waits is a conflict, not a second row.
    uniqueIndex("cancellation_requests_open_idx").on(t.orderId).where(sql`status = 'requested'`),
  ],
);

export const refunds = sqliteTable(
  "refunds",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** One refund per order: the whole amount paid, so two accepts can never refund twice. */
    orderId: integer("order_id")
      .notNull()
      .unique()
      .references(() => orders.id, { onDelete: "cascade" }),
    cancellationRequestId: integer("cancellation_request_id").references(() => cancellationRequests.id),
    method: text("method", { enum: refundMethods }).notNull(),
    amount: integer("amount").notNull(),
    status: text("status", { enum: refundStatuses }).notNull(),
    /** Sent with every refunds.create call for this refund, so a retry after a timeout never refunds twice. */
    idempotencyKey: text("idempotency_key").notNull().unique(),
    stripeSessionId: text("stripe_session_id"),
    stripePaymentIntent: text("stripe_payment_intent"),
    stripeRefundId: text("stripe_refund_id").unique(),
    lastError: text("last_error"),
    completedAt: text("completed_at"),
    returnedBy: integer("returned_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("refunds_payment_intent_idx").on(t.stripePaymentIntent), index("refunds_status_idx").on(t.status)],
);

import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { orderStatuses, paymentMethods, quoteStatuses } from "../../app/lib/order-states";
import { products } from "./catalogue";
import { organisations, provinces, users } from "./core";

export { orderStatuses, paymentMethods, quoteStatuses };

const createdAt = () =>
  text("created_at")
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);

/* ---------------------------------------------------------------- Inquiries (message threads) */

/** A conversation between one buying business and one cooperative, optionally about one product. */
export const threads = sqliteTable(
  "threads",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    buyerId: integer("buyer_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    cooperativeId: integer("cooperative_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    productId: integer("product_id").references(() => products.id, { onDelete: "set null" }),
    subject: text("subject").notNull(),
    createdBy: integer("created_by").references(() => users.id),
    lastMessageAt: text("last_message_at").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("threads_buyer_idx").on(t.buyerId, t.lastMessageAt), index("threads_coop_idx").on(t.cooperativeId, t.lastMessageAt)],
);

export const messages = sqliteTable(
  "messages",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    threadId: integer("thread_id")
      .notNull()
      .references(() => threads.id, { onDelete: "cascade" }),
    /** The organisation that spoke, so "unread" means "from the other side". */
    senderOrgId: integer("sender_org_id")
      .notNull()
      .references(() => organisations.id),
    senderUserId: integer("sender_user_id").references(() => users.id),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("messages_thread_idx").on(t.threadId, t.id)],
);

export const messageAttachments = sqliteTable(
  "message_attachments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    messageId: integer("message_id")
      .notNull()
      .references(() => messages.id, { onDelete: "cascade" }),
    /** Relative to the uploads directory. */
    path: text("path").notNull(),
    mime: text("mime").notNull(),
    bytes: integer("bytes").notNull(),
    filename: text("filename").notNull(),
  },
  (t) => [index("message_attachments_message_idx").on(t.messageId)],
);

/** How far each side has read a thread; messages after this id from the other side are unread. */
export const threadReads = sqliteTable(
  "thread_reads",
  {
    threadId: integer("thread_id")
      .notNull()
      .references(() => threads.id, { onDelete: "cascade" }),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    lastReadMessageId: integer("last_read_message_id").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.threadId, t.organisationId] })],
);

/* ---------------------------------------------------------------- Quotes */

/** A buyer's request for a price on a quantity; the cooperative answers with price, validity and terms. */
export const quotes = sqliteTable(
  "quotes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    buyerId: integer("buyer_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    cooperativeId: integer("cooperative_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    threadId: integer("thread_id").references(() => threads.id, { onDelete: "set null" }),
    quantity: integer("quantity").notNull(),
    deliveryProvinceCode: text("delivery_province_code")
      .notNull()
      .references(() => provinces.code),
    deliveryDate: text("delivery_date").notNull(),
    note: text("note"),
    /** The cooperative's answer: unit price in đồng, valid through `validUntil` (inclusive). */
    unitPrice: integer("unit_price"),
    validUntil: text("valid_until"),
    terms: text("terms"),
    status: text("status", { enum: quoteStatuses }).notNull().default("requested"),
    requestedBy: integer("requested_by").references(() => users.id),
    answeredBy: integer("answered_by").references(() => users.id),
    answeredAt: text("answered_at"),
    decidedAt: text("decided_at"),
    orderId: integer("order_id"),
    createdAt: createdAt(),
  },
  (t) => [index("quotes_buyer_idx").on(t.buyerId, t.status), index("quotes_coop_idx").on(t.cooperativeId, t.status)],
);

/* ---------------------------------------------------------------- Cart */

/** One line per product in a buyer organisation's cart. No price here: prices are computed on the server. */
export const cartItems = sqliteTable(
  "cart_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    buyerId: integer("buyer_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    quantity: integer("quantity").notNull(),
    addedBy: integer("added_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("cart_items_buyer_product_idx").on(t.buyerId, t.productId)],
);

/* ---------------------------------------------------------------- Orders */

export const orders = sqliteTable(
  "orders",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** `CHX-2026-000123`: year of placing and the row id, so it is unique and readable on a bank statement. */
    number: text("number").notNull().unique(),
    buyerId: integer("buyer_id")
      .notNull()
      .references(() => organisations.id),
    cooperativeId: integer("cooperative_id")
      .notNull()
      .references(() => organisations.id),
    status: text("status", { enum: orderStatuses }).notNull().default("placed"),
    paymentMethod: text("payment_method", { enum: paymentMethods }).notNull(),
    subtotal: integer("subtotal").notNull(),
    total: integer("total").notNull(),
    deliveryProvinceCode: text("delivery_province_code")
      .notNull()
      .references(() => provinces.code),
    deliveryCommune: text("delivery_commune").notNull(),
    deliveryAddress: text("delivery_address").notNull(),
    contactPhone: text("contact_phone"),
    requestedDate: text("requested_date"),
    notes: text("notes"),
    carrier: text("carrier"),
    trackingNumber: text("tracking_number"),
    rejectionReason: text("rejection_reason"),
    cancelReason: text("cancel_reason"),
    quoteId: integer("quote_id"),
    placedBy: integer("placed_by").references(() => users.id),
    /** While unpaid, the reserved stock is released after this instant. */
    expiresAt: text("expires_at"),
    paidAt: text("paid_at"),
    createdAt: createdAt(),
    updatedAt: text("updated_at"),
  },
  (t) => [
    index("orders_buyer_idx").on(t.buyerId, t.createdAt),
    index("orders_coop_idx").on(t.cooperativeId, t.createdAt),
    index("orders_status_expiry_idx").on(t.status, t.expiresAt),
  ],
);

/** Prices are snapshotted: a later change of the product's price or tiers leaves placed orders alone. */
export const orderLines = sqliteTable(
  "order_lines",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id),
    productName: text("product_name").notNull(),
    unit: text("unit").notNull(),
    quantity: integer("quantity").notNull(),
    unitPrice: integer("unit_price").notNull(),
    lineTotal: integer("line_total").notNull(),
    /** Where the price came from: base, tier or quote. */
    priceSource: text("price_source", { enum: ["base", "tier", "quote"] }).notNull(),
  },
  (t) => [index("order_lines_order_idx").on(t.orderId)],
);

/** Every status change: who (user and organisation; null for the payment provider or the expiry job) and when. */
export const orderEvents = sqliteTable(
  "order_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    fromStatus: text("from_status"),
    toStatus: text("to_status").notNull(),
    actorUserId: integer("actor_user_id").references(() => users.id),
    actorOrgId: integer("actor_org_id").references(() => organisations.id),
    note: text("note"),
    at: createdAt(),
  },
  (t) => [index("order_events_order_idx").on(t.orderId, t.id)],
);

/**
 * Lots shipped with an order. The lots table belongs to the traceability capability, so the reference is loose:
 * the printed lot code always, and the lot's id when it could be resolved (no foreign key).
 */
export const orderLots = sqliteTable(
  "order_lots",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    lotCode: text("lot_code").notNull(),
    lotId: integer("lot_id"),
    addedBy: integer("added_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("order_lots_order_code_idx").on(t.orderId, t.lotCode)],
);

/** Cash on delivery is offered only to buyers a cooperative has marked as trusted. */
export const trustedBuyers = sqliteTable(
  "trusted_buyers",
  {
    cooperativeId: integer("cooperative_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    buyerId: integer("buyer_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.cooperativeId, t.buyerId] })],
);

/* ---------------------------------------------------------------- Payments */

export const payments = sqliteTable(
  "payments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    method: text("method", { enum: paymentMethods }).notNull(),
    stripeSessionId: text("stripe_session_id").unique(),
    amount: integer("amount").notNull(),
    status: text("status", { enum: ["pending", "paid", "expired"] }).notNull().default("pending"),
    confirmedBy: integer("confirmed_by").references(() => users.id),
    paidAt: text("paid_at"),
    createdAt: createdAt(),
  },
  (t) => [index("payments_order_idx").on(t.orderId)],
);

/** Stripe event ids already handled, so a replayed webhook changes nothing a second time. */
export const processedWebhookEvents = sqliteTable("processed_webhook_events", {
  eventId: text("event_id").primaryKey(),
  type: text("type").notNull(),
  receivedAt: createdAt(),
});

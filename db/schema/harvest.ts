import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { saleUnits } from "../../app/lib/enums";
import { announcementStatuses, followKinds, reservationStatuses, alertKinds } from "../../app/lib/harvest-rules";
import { paymentMethods } from "../../app/lib/order-states";
import { products } from "./catalogue";
import { organisations, provinces, users } from "./core";

/*
 * Harvest announcements (tin cung), follows, reservations, saved searches and their alerts. The announcement's
 * certificates are not stored: they are computed from the cooperative's verified certificates valid through the
 * harvest window, so a lapsed or revoked certificate disappears from the announcement too.
 */
const createdAt = () =>
  text("created_at")
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);

export const harvestAnnouncements = sqliteTable(
  "harvest_announcements",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    cooperativeId: integer("cooperative_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    /** Expected quantity, in the product's unit of sale (copied here so a later unit change cannot rescale it). */
    quantity: integer("quantity").notNull(),
    unit: text("unit", { enum: saleUnits }).notNull(),
    /** Announced minus requested, confirmed and ordered reservations; taken with a conditional UPDATE. */
    remainingQuantity: integer("remaining_quantity").notNull(),
    harvestFrom: text("harvest_from").notNull(),
    harvestTo: text("harvest_to").notNull(),
    /** Price indication per unit in đồng: a single price (max null) or a range. */
    priceMin: integer("price_min").notNull(),
    priceMax: integer("price_max"),
    notes: text("notes"),
    status: text("status", { enum: announcementStatuses }).notNull().default("open"),
    createdBy: integer("created_by").references(() => users.id),
    closedAt: text("closed_at"),
    createdAt: createdAt(),
    updatedAt: text("updated_at"),
  },
  (t) => [
    index("harvest_announcements_status_from_idx").on(t.status, t.harvestFrom),
    index("harvest_announcements_coop_idx").on(t.cooperativeId, t.status),
    index("harvest_announcements_product_idx").on(t.productId),
  ],
);

/** A buyer organisation follows a cooperative (value = its id), an OCOP category (code) or a province (code). */
export const harvestFollows = sqliteTable(
  "harvest_follows",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    buyerId: integer("buyer_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: followKinds }).notNull(),
    value: text("value").notNull(),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("harvest_follows_buyer_target_idx").on(t.buyerId, t.kind, t.value), index("harvest_follows_target_idx").on(t.kind, t.value)],
);

/**
 * A buyer's pre-order on part of an announced harvest. Once confirmed and the lot is packed, it becomes an order
 * (`order_id`) shipped with that lot (`lot_id`); the order itself is the normal order, with no column pointing back.
 */
export const harvestReservations = sqliteTable(
  "harvest_reservations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    announcementId: integer("announcement_id")
      .notNull()
      .references(() => harvestAnnouncements.id, { onDelete: "cascade" }),
    buyerId: integer("buyer_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    /** Denormalised from the announcement so every query is scoped by owner without a join. */
    cooperativeId: integer("cooperative_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    quantity: integer("quantity").notNull(),
    /** Agreed unit price in đồng, set by the cooperative when it confirms; the order is priced from it. */
    unitPrice: integer("unit_price"),
    note: text("note"),
    deliveryProvinceCode: text("delivery_province_code")
      .notNull()
      .references(() => provinces.code),
    deliveryCommune: text("delivery_commune").notNull(),
    deliveryAddress: text("delivery_address").notNull(),
    paymentMethod: text("payment_method", { enum: paymentMethods }).notNull().default("bank_transfer"),
    status: text("status", { enum: reservationStatuses }).notNull().default("requested"),
    declineReason: text("decline_reason"),
    requestedBy: integer("requested_by").references(() => users.id),
    decidedBy: integer("decided_by").references(() => users.id),
    decidedAt: text("decided_at"),
    orderId: integer("order_id"),
    lotId: integer("lot_id"),
    createdAt: createdAt(),
    updatedAt: text("updated_at"),
  },
  (t) => [
    index("harvest_reservations_announcement_idx").on(t.announcementId, t.status),
    index("harvest_reservations_buyer_idx").on(t.buyerId, t.createdAt),
    index("harvest_reservations_coop_idx").on(t.cooperativeId, t.status),
    uniqueIndex("harvest_reservations_order_idx").on(t.orderId).where(sql`order_id is not null`),
  ],
);

/**
 * A buyer's saved /search. `query` is the normalised query string; the parsed filter columns and `anchor` (the
 * one filter value a matching product must carry, chosen to be the most selective) let the alert fan-out look at
 * the few searches a new product could match instead of all of them.
 */
export const savedSearches = sqliteTable(
  "saved_searches",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    buyerId: integer("buyer_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    query: text("query").notNull(),
    /** Folded search terms as a JSON array; the last one is a prefix when `prefix_last`. */
    terms: text("terms").notNull().default("[]"),
    prefixLast: integer("prefix_last", { mode: "boolean" }).notNull().default(false),
    provinceCode: text("province_code"),
    categoryCode: text("category_code"),
    certification: text("certification"),
    minStars: integer("min_stars"),
    verifiedOnly: integer("verified_only", { mode: "boolean" }).notNull().default(false),
    inStock: integer("in_stock", { mode: "boolean" }).notNull().default(false),
    priceMin: integer("price_min"),
    priceMax: integer("price_max"),
    moqMax: integer("moq_max"),
    harvestMonth: integer("harvest_month"),
    anchor: text("anchor").notNull(),
    frequency: text("frequency", { enum: ["daily"] }).notNull().default("daily"),
    /** Watermark of the digest: when the last one was sent (at most one a day). */
    lastDigestAt: text("last_digest_at"),
    /**
     * The random token of the unsubscribe link, which works without logging in. Kept as is (not hashed) because
     * the digest job must put it in every mail; it can do nothing but stop this search's alerts.
     */
    unsubscribeToken: text("unsubscribe_token").notNull().unique(),
    unsubscribedAt: text("unsubscribed_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("saved_searches_user_query_idx").on(t.userId, t.query),
    index("saved_searches_anchor_idx").on(t.anchor).where(sql`unsubscribed_at is null`),
  ],
);

/** Every change of a product's price (kept by a trigger), so a drop can be alerted and shown with the old price. */
export const priceHistory = sqliteTable(
  "price_history",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    oldPrice: integer("old_price").notNull(),
    newPrice: integer("new_price").notNull(),
    at: createdAt(),
  },
  (t) => [index("price_history_product_idx").on(t.productId, t.at)],
);

/**
 * Work for the alert fan-out, written by triggers in the same transaction as the write that caused it (a product
 * published, a price lowered, an announcement posted) and drained off the request path.
 */
export const alertQueue = sqliteTable("alert_queue", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  kind: text("kind", { enum: alertKinds }).notNull(),
  productId: integer("product_id"),
  announcementId: integer("announcement_id"),
  priceHistoryId: integer("price_history_id"),
  createdAt: createdAt(),
});

/**
 * One match of a saved search, waiting for (or included in) a digest. `ref` names what was matched
 * (`product:12`, `announcement:3`, `price:12:45000`), unique per saved search: nobody hears about the same thing twice.
 */
export const alertDeliveries = sqliteTable(
  "alert_deliveries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    savedSearchId: integer("saved_search_id")
      .notNull()
      .references(() => savedSearches.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: alertKinds }).notNull(),
    ref: text("ref").notNull(),
    productId: integer("product_id"),
    announcementId: integer("announcement_id"),
    oldPrice: integer("old_price"),
    newPrice: integer("new_price"),
    createdAt: createdAt(),
    sentAt: text("sent_at"),
  },
  (t) => [
    uniqueIndex("alert_deliveries_search_ref_idx").on(t.savedSearchId, t.ref),
    index("alert_deliveries_pending_idx").on(t.savedSearchId).where(sql`sent_at is null`),
  ],
);

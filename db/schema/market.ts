import { sql } from "drizzle-orm";
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { certificateTypes, saleUnits } from "../../app/lib/enums";
import { offerStates, requestStates } from "../../app/lib/market-rules";
import { products } from "./catalogue";
import { ocopCategories, organisations, provinces, users } from "./core";
import { orders, threads } from "./orders";

export { offerStates, requestStates };

const createdAt = () =>
  text("created_at")
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);

/* ---------------------------------------------------------------- Buyer requests (yêu cầu mua / RFQ) */

/** What a buying business needs: quantity, certificates, season, where and by when. */
export const requests = sqliteTable(
  "requests",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    buyerId: integer("buyer_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    createdBy: integer("created_by").references(() => users.id),
    title: text("title").notNull(),
    description: text("description"),
    categoryCode: text("category_code")
      .notNull()
      .references(() => ocopCategories.code),
    productId: integer("product_id").references(() => products.id, { onDelete: "set null" }),
    /** In `unit`; fractional only for units sold by weight or volume (app/lib/market-rules.ts). */
    quantity: real("quantity").notNull(),
    unit: text("unit", { enum: saleUnits }).notNull(),
    deliveryFrom: text("delivery_from").notNull(),
    deliveryTo: text("delivery_to").notNull(),
    deliveryProvinceCode: text("delivery_province_code")
      .notNull()
      .references(() => provinces.code),
    /** Per unit, in đồng. */
    targetPrice: integer("target_price"),
    paymentTerms: text("payment_terms"),
    /** Offers are taken through this day (Viet Nam), inclusive. */
    closingDate: text("closing_date").notNull(),
    visibility: text("visibility", { enum: ["public", "invited"] }).notNull(),
    showBuyerName: integer("show_buyer_name", { mode: "boolean" }).notNull().default(false),
    state: text("state", { enum: requestStates }).notNull().default("draft"),
    /** Folded title, description and category, for the board's diacritic-insensitive text filter. */
    searchText: text("search_text").notNull().default(""),
    publishedAt: text("published_at"),
    closedAt: text("closed_at"),
    closeReason: text("close_reason", { enum: ["buyer", "closing_date", "covered", "cancelled"] }),
    createdAt: createdAt(),
    updatedAt: text("updated_at"),
  },
  (t) => [
    index("requests_buyer_idx").on(t.buyerId, t.createdAt),
    index("requests_board_idx").on(t.state, t.visibility, t.publishedAt),
    index("requests_state_closing_idx").on(t.state, t.closingDate),
    index("requests_category_idx").on(t.categoryCode, t.state),
  ],
);

/** Preferred origin provinces (current codes; former names are resolved before they get here). */
export const requestProvinces = sqliteTable(
  "request_provinces",
  {
    requestId: integer("request_id")
      .notNull()
      .references(() => requests.id, { onDelete: "cascade" }),
    provinceCode: text("province_code")
      .notNull()
      .references(() => provinces.code),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.provinceCode] }), index("request_provinces_province_idx").on(t.provinceCode)],
);

/** Certificates the buyer requires, valid on the delivery date; OCOP with a minimum number of stars. */
export const requestCertifications = sqliteTable(
  "request_certifications",
  {
    requestId: integer("request_id")
      .notNull()
      .references(() => requests.id, { onDelete: "cascade" }),
    type: text("type", { enum: certificateTypes }).notNull(),
    minStars: integer("min_stars"),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.type] }), index("request_certifications_type_idx").on(t.type)],
);

/** Cooperatives the buyer invited (the only ones who may see and answer an invited request). */
export const requestInvitations = sqliteTable(
  "request_invitations",
  {
    requestId: integer("request_id")
      .notNull()
      .references(() => requests.id, { onDelete: "cascade" }),
    cooperativeId: integer("cooperative_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    invitedBy: integer("invited_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.cooperativeId] }), index("request_invitations_coop_idx").on(t.cooperativeId)],
);

/**
 * The ranking computed when the request opened (and when the buyer refreshes it): why each cooperative fits and
 * what it lacks, as message keys with parameters, translated where they are shown.
 */
export const requestMatches = sqliteTable(
  "request_matches",
  {
    requestId: integer("request_id")
      .notNull()
      .references(() => requests.id, { onDelete: "cascade" }),
    cooperativeId: integer("cooperative_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    productId: integer("product_id").references(() => products.id, { onDelete: "set null" }),
    rank: integer("rank").notNull(),
    score: real("score").notNull(),
    reasons: text("reasons", { mode: "json" }).$type<{ key: string; params?: Record<string, string | number> }[]>().notNull(),
    gaps: text("gaps", { mode: "json" }).$type<{ key: string; params?: Record<string, string | number> }[]>().notNull(),
    computedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.cooperativeId] }), index("request_matches_coop_idx").on(t.cooperativeId)],
);

/**
 * One row per (request, organisation) told about it: the unique key is what guarantees nobody is mailed twice for
 * one request, whether the mail goes at once or in the daily digest (`mailedAt` null until it went).
 */
export const requestNotices = sqliteTable(
  "request_notices",
  {
    requestId: integer("request_id")
      .notNull()
      .references(() => requests.id, { onDelete: "cascade" }),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    reason: text("reason", { enum: ["match", "invitation"] }).notNull(),
    mailedAt: text("mailed_at"),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.organisationId] }), index("request_notices_unmailed_idx").on(t.mailedAt, t.organisationId)],
);

/* ---------------------------------------------------------------- Offers */

/** A cooperative's answer to a request (one per cooperative); the terms are those of its latest revision. */
export const offers = sqliteTable(
  "offers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    requestId: integer("request_id")
      .notNull()
      .references(() => requests.id, { onDelete: "cascade" }),
    cooperativeId: integer("cooperative_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    state: text("state", { enum: offerStates }).notNull().default("submitted"),
    /** The number of the latest revision; acceptance names the revision the buyer saw. */
    revision: integer("revision").notNull().default(1),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id),
    /** In the product's unit of sale, whole (orders count whole units of sale). */
    quantity: integer("quantity").notNull(),
    unitPrice: integer("unit_price").notNull(),
    tiers: text("tiers", { mode: "json" }).$type<{ minQty: number; unitPrice: number }[]>().notNull().default(sql`'[]'`),
    harvestFrom: text("harvest_from"),
    harvestTo: text("harvest_to"),
    packingDate: text("packing_date"),
    lotId: integer("lot_id"),
    validUntil: text("valid_until").notNull(),
    notes: text("notes"),
    shortlistedAt: text("shortlisted_at"),
    threadId: integer("thread_id").references(() => threads.id, { onDelete: "set null" }),
    /** The order the accepted offer became (the link lives here, not on orders). */
    orderId: integer("order_id").references(() => orders.id),
    acceptedAt: text("accepted_at"),
    decidedAt: text("decided_at"),
    createdAt: createdAt(),
    updatedAt: text("updated_at"),
  },
  (t) => [
    uniqueIndex("offers_request_coop_idx").on(t.requestId, t.cooperativeId),
    index("offers_coop_idx").on(t.cooperativeId, t.createdAt),
    uniqueIndex("offers_order_idx").on(t.orderId).where(sql`order_id is not null`),
  ],
);

/** Every revision of an offer, the first included, as the cooperative sent it. */
export const offerRevisions = sqliteTable(
  "offer_revisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    offerId: integer("offer_id")
      .notNull()
      .references(() => offers.id, { onDelete: "cascade" }),
    revision: integer("revision").notNull(),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id),
    quantity: integer("quantity").notNull(),
    unitPrice: integer("unit_price").notNull(),
    tiers: text("tiers", { mode: "json" }).$type<{ minQty: number; unitPrice: number }[]>().notNull(),
    harvestFrom: text("harvest_from"),
    harvestTo: text("harvest_to"),
    packingDate: text("packing_date"),
    lotId: integer("lot_id"),
    validUntil: text("valid_until").notNull(),
    notes: text("notes"),
    attachmentPath: text("attachment_path"),
    attachmentMime: text("attachment_mime"),
    attachmentName: text("attachment_name"),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("offer_revisions_offer_idx").on(t.offerId, t.revision)],
);

/* ---------------------------------------------------------------- Notifications (generic, any capability) */

/** In-app notices for an organisation: a message key with parameters and a link; read by anyone of its people. */
export const notifications = sqliteTable(
  "notifications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    messageKey: text("message_key").notNull(),
    params: text("params", { mode: "json" }).$type<Record<string, string | number>>().notNull(),
    path: text("path").notNull(),
    /** Set when the same event must never notify twice (e.g. `request:12:match`). */
    dedupeKey: text("dedupe_key"),
    readAt: text("read_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("notifications_org_idx").on(t.organisationId, t.id),
    index("notifications_unread_idx").on(t.organisationId).where(sql`read_at is null`),
    uniqueIndex("notifications_dedupe_idx").on(t.organisationId, t.dedupeKey).where(sql`dedupe_key is not null`),
  ],
);

/** Mail preferences per organisation: a daily digest of new requests instead of one mail each. */
export const notificationPreferences = sqliteTable("notification_preferences", {
  organisationId: integer("organisation_id")
    .primaryKey()
    .references(() => organisations.id, { onDelete: "cascade" }),
  requestDigest: integer("request_digest", { mode: "boolean" }).notNull().default(false),
  lastDigestAt: text("last_digest_at"),
  updatedAt: text("updated_at"),
});

import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { fairAttributionKinds, fairBoothStates, fairStates } from "../../app/lib/fair-rules";
import { organisations, users, provinces } from "./core";
import { products } from "./catalogue";
import { orders, threads } from "./orders";

const createdAt = () =>
  text("created_at")
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);

/* ---------------------------------------------------------------- Trade fairs (hội chợ, phiên kết nối cung cầu) */

/**
 * A fair organised by a provincial alliance. Dates are local calendar dates; whether a fair is upcoming, running or
 * past is computed from them against Viet Nam's today, so no job has to move it along.
 */
export const fairs = sqliteTable(
  "fairs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    organiserId: integer("organiser_id")
      .notNull()
      .references(() => organisations.id),
    name: text("name").notNull(),
    startDate: text("start_date").notNull(),
    endDate: text("end_date").notNull(),
    venue: text("venue").notNull(),
    provinceCode: text("province_code")
      .notNull()
      .references(() => provinces.code),
    description: text("description"),
    /** Last day (inclusive) a cooperative may register or change its products. */
    registrationDeadline: text("registration_deadline").notNull(),
    /** draft: only the organiser sees it; published: public; cancelled: public, marked cancelled. */
    state: text("state", { enum: fairStates }).notNull().default("published"),
    /**
     * The stand-in "buyer" of inquiry threads opened by visitors without an account (one per fair, made on the first
     * such lead), so those leads land in the cooperative's normal inbox.
     */
    visitorOrgId: integer("visitor_org_id").references(() => organisations.id),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: text("updated_at"),
  },
  (t) => [index("fairs_province_start_idx").on(t.provinceCode, t.startDate), index("fairs_state_start_idx").on(t.state, t.startDate)],
);

/** Cooperatives the organiser invited; only they may register. */
export const fairInvitations = sqliteTable(
  "fair_invitations",
  {
    fairId: integer("fair_id")
      .notNull()
      .references(() => fairs.id, { onDelete: "cascade" }),
    cooperativeId: integer("cooperative_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    invitedBy: integer("invited_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.fairId, t.cooperativeId] }), index("fair_invitations_coop_idx").on(t.cooperativeId)],
);

/** A cooperative's registration, which is its booth once the organiser gives it a number. */
export const fairBooths = sqliteTable(
  "fair_booths",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    fairId: integer("fair_id")
      .notNull()
      .references(() => fairs.id, { onDelete: "cascade" }),
    cooperativeId: integer("cooperative_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    /** Set by the organiser ("A12"); unique within the fair. */
    boothNumber: text("booth_number"),
    state: text("state", { enum: fairBoothStates }).notNull().default("registered"),
    registeredBy: integer("registered_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: text("updated_at"),
  },
  (t) => [
    uniqueIndex("fair_booths_fair_coop_idx").on(t.fairId, t.cooperativeId),
    uniqueIndex("fair_booths_number_idx").on(t.fairId, t.boothNumber).where(sql`booth_number is not null`),
    index("fair_booths_coop_idx").on(t.cooperativeId),
  ],
);

/** The products a cooperative shows at its booth, in its order. */
export const fairBoothProducts = sqliteTable(
  "fair_booth_products",
  {
    boothId: integer("booth_id")
      .notNull()
      .references(() => fairBooths.id, { onDelete: "cascade" }),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
  },
  (t) => [primaryKey({ columns: [t.boothId, t.productId] }), index("fair_booth_products_product_idx").on(t.productId)],
);

/**
 * A visitor's contact left at a booth (from its QR). `dedupeKey` is booth + normalised contact + Viet Nam date, so
 * the same person leaving the same booth their number twice in a day is one lead.
 */
export const fairLeads = sqliteTable(
  "fair_leads",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    fairId: integer("fair_id")
      .notNull()
      .references(() => fairs.id, { onDelete: "cascade" }),
    boothId: integer("booth_id")
      .notNull()
      .references(() => fairBooths.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    business: text("business"),
    /** E.164 (+84…). */
    phone: text("phone"),
    /** Lower-cased. */
    email: text("email"),
    interest: text("interest").notNull(),
    consent: integer("consent", { mode: "boolean" }).notNull(),
    /** A signed-in buyer's organisation, when the lead came from one. */
    buyerOrgId: integer("buyer_org_id").references(() => organisations.id, { onDelete: "set null" }),
    dedupeKey: text("dedupe_key").notNull().unique(),
    threadId: integer("thread_id").references(() => threads.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("fair_leads_fair_idx").on(t.fairId, t.createdAt), index("fair_leads_booth_idx").on(t.boothId, t.createdAt)],
);

/** Inquiries and orders that started from a booth page (its cookie), so the organiser can count what a fair brought. */
export const fairAttributions = sqliteTable(
  "fair_attributions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    fairId: integer("fair_id")
      .notNull()
      .references(() => fairs.id, { onDelete: "cascade" }),
    boothId: integer("booth_id")
      .notNull()
      .references(() => fairBooths.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: fairAttributionKinds }).notNull(),
    threadId: integer("thread_id").references(() => threads.id, { onDelete: "cascade" }),
    orderId: integer("order_id").references(() => orders.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("fair_attributions_fair_idx").on(t.fairId, t.kind),
    index("fair_attributions_booth_idx").on(t.boothId, t.kind),
    uniqueIndex("fair_attributions_thread_idx").on(t.threadId).where(sql`thread_id is not null`),
    uniqueIndex("fair_attributions_order_idx").on(t.orderId).where(sql`order_id is not null`),
  ],
);

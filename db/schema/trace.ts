import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { members, products } from "./catalogue";
import { organisations, users } from "./core";
import { lotUnits } from "../../app/lib/enums";

/*
 * Traceability. A lot is one harvest of one product; its diary events map one to one onto EPCIS 2.0 events, so the
 * EPCIS document is a projection of these rows rather than a second copy of the truth.
 */
const createdAt = () =>
  text("created_at")
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);

export { lotUnits };

export const lots = sqliteTable(
  "lots",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    /** Denormalised from the product so every query can be scoped by owner without a join. */
    cooperativeId: integer("cooperative_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    /** GS1 AI (10): 1–20 characters of the GS1 AI encodable character set 82. */
    code: text("code").notNull(),
    harvestDate: text("harvest_date").notNull(),
    packingDate: text("packing_date").notNull(),
    bestBeforeDate: text("best_before_date").notNull(),
    quantity: integer("quantity").notNull(),
    unit: text("unit", { enum: lotUnits }).notNull(),
    serialised: integer("serialised", { mode: "boolean" }).notNull().default(false),
    notes: text("notes"),
    createdAt: createdAt(),
    updatedAt: text("updated_at"),
  },
  (t) => [
    uniqueIndex("lots_product_code_idx").on(t.productId, t.code),
    index("lots_coop_idx").on(t.cooperativeId),
  ],
);

/** Which member households (and planting areas) contributed how much to a lot. */
export const lotMembers = sqliteTable(
  "lot_members",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    lotId: integer("lot_id")
      .notNull()
      .references(() => lots.id, { onDelete: "cascade" }),
    memberId: integer("member_id")
      .notNull()
      .references(() => members.id, { onDelete: "cascade" }),
    plantingArea: text("planting_area"),
    quantity: integer("quantity").notNull(),
  },
  (t) => [uniqueIndex("lot_members_lot_member_idx").on(t.lotId, t.memberId)],
);

export const lotEventTypes = [
  "planting",
  "fertilising",
  "spraying",
  "harvesting",
  "processing",
  "quality_test",
  "packing",
  "shipping",
] as const;

/**
 * One diary entry. `epcisType`, `action` and `bizStep` are stored so the mapping to EPCIS is explicit and fixed at
 * the time of recording (harvest = ObjectEvent ADD commissioning, processing/packing = TransformationEvent,
 * shipping = ObjectEvent OBSERVE shipping).
 */
export const lotEvents = sqliteTable(
  "lot_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    lotId: integer("lot_id")
      .notNull()
      .references(() => lots.id, { onDelete: "cascade" }),
    type: text("type", { enum: lotEventTypes }).notNull(),
    epcisType: text("epcis_type", { enum: ["ObjectEvent", "TransformationEvent"] }).notNull(),
    action: text("action", { enum: ["ADD", "OBSERVE"] }),
    bizStep: text("biz_step").notNull(),
    /** ISO timestamp (UTC); shown in Viet Nam time (+07:00). */
    eventTime: text("event_time").notNull(),
    commune: text("commune").notNull(),
    latitude: text("latitude"),
    longitude: text("longitude"),
    who: text("who").notNull(),
    what: text("what").notNull(),
    notes: text("notes"),
    sprayProduct: text("spray_product"),
    preHarvestIntervalDays: integer("pre_harvest_interval_days"),
    attachmentPath: text("attachment_path"),
    attachmentMime: text("attachment_mime"),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("lot_events_lot_time_idx").on(t.lotId, t.eventTime)],
);

/** Serial numbers (AI 21) of a serialised lot. */
export const serials = sqliteTable(
  "serials",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    lotId: integer("lot_id")
      .notNull()
      .references(() => lots.id, { onDelete: "cascade" }),
    serial: text("serial").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("serials_lot_serial_idx").on(t.lotId, t.serial)],
);

/** One row per resolve. No IP address and no user agent string: only a coarse device class. */
export const scans = sqliteTable(
  "scans",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    lotId: integer("lot_id")
      .notNull()
      .references(() => lots.id, { onDelete: "cascade" }),
    serial: text("serial"),
    at: text("at").notNull(),
    language: text("language", { enum: ["vi", "en"] }).notNull(),
    device: text("device", { enum: ["phone", "tablet", "desktop", "bot", "other"] }).notNull(),
  },
  (t) => [index("scans_lot_at_idx").on(t.lotId, t.at), index("scans_lot_serial_idx").on(t.lotId, t.serial)],
);

/** A consumer's report about a lot. `reporterKey` is a hash of the address, kept only for rate limiting. */
export const problemReports = sqliteTable(
  "problem_reports",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    lotId: integer("lot_id")
      .notNull()
      .references(() => lots.id, { onDelete: "cascade" }),
    cooperativeId: integer("cooperative_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    serial: text("serial"),
    kind: text("kind", { enum: ["fake", "quality", "label", "other"] }).notNull(),
    message: text("message").notNull(),
    contact: text("contact"),
    reporterKey: text("reporter_key").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("problem_reports_key_idx").on(t.reporterKey, t.createdAt), index("problem_reports_coop_idx").on(t.cooperativeId)],
);

import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { certificateStatuses, certificateTypes, productStatuses, saleUnits } from "../../app/lib/enums";
import { ocopCategories, organisations, provinces, users } from "./core";

export { certificateStatuses, certificateTypes, productStatuses, saleUnits };

const createdAt = () =>
  text("created_at")
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);

/* ---------------------------------------------------------------- Member households */

/** A cooperative's member households. Only name and commune are ever public, and only with consent. */
export const members = sqliteTable(
  "members",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    cooperativeId: integer("cooperative_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    commune: text("commune"),
    areaHa: text("area_ha"),
    plantingAreaCode: text("planting_area_code"),
    publicConsent: integer("public_consent", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index("members_coop_idx").on(t.cooperativeId)],
);

/* ---------------------------------------------------------------- Products */


export const products = sqliteTable(
  "products",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    cooperativeId: integer("cooperative_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    slug: text("slug").notNull(),
    nameVi: text("name_vi").notNull(),
    nameEn: text("name_en"),
    categoryCode: text("category_code")
      .notNull()
      .references(() => ocopCategories.code),
    descriptionVi: text("description_vi"),
    descriptionEn: text("description_en"),
    unit: text("unit", { enum: saleUnits }).notNull(),
    packSize: text("pack_size"),
    originProvinceCode: text("origin_province_code")
      .notNull()
      .references(() => provinces.code),
    /** Bit i (0 = January) set when the product is harvested in that month. */
    harvestMonths: integer("harvest_months").notNull().default(0),
    leadTimeDays: integer("lead_time_days").notNull().default(0),
    /** Base unit price in đồng; volume tiers may lower it. */
    price: integer("price").notNull(),
    minOrderQty: integer("min_order_qty").notNull().default(1),
    /** Quantity available to sell, in units of sale. Reservations decrement it inside a transaction. */
    stock: integer("stock").notNull().default(0),
    /** GTIN-8/12/13/14, stored left-padded to 14 digits. */
    gtin: text("gtin"),
    status: text("status", { enum: productStatuses }).notNull().default("draft"),
    publishedAt: text("published_at"),
    createdAt: createdAt(),
    updatedAt: text("updated_at"),
  },
  (t) => [
    uniqueIndex("products_gtin_idx").on(t.gtin).where(sql`gtin is not null`),
    index("products_coop_status_idx").on(t.cooperativeId, t.status),
    index("products_status_province_idx").on(t.status, t.originProvinceCode),
    index("products_status_category_idx").on(t.status, t.categoryCode),
  ],
);

/** Volume prices: from `minQty` units upward the unit price is `unitPrice`. */
export const priceTiers = sqliteTable(
  "price_tiers",
  {
    productId: integer("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    minQty: integer("min_qty").notNull(),
    unitPrice: integer("unit_price").notNull(),
  },
  (t) => [primaryKey({ columns: [t.productId, t.minQty] })],
);

export const productPhotos = sqliteTable(
  "product_photos",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    /** Base path under the uploads directory, without the width suffix. */
    path: text("path").notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    alt: text("alt"),
    position: integer("position").notNull().default(0),
  },
  (t) => [index("product_photos_product_idx").on(t.productId, t.position)],
);

/* ---------------------------------------------------------------- Certificates */


/** A certificate is evidence, not a tag: a badge shows only while it is verified and `expiry_date` is not past. */
export const certificates = sqliteTable(
  "certificates",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    cooperativeId: integer("cooperative_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    type: text("type", { enum: certificateTypes }).notNull(),
    ocopStars: integer("ocop_stars"),
    number: text("number").notNull(),
    issuer: text("issuer").notNull(),
    issueDate: text("issue_date").notNull(),
    expiryDate: text("expiry_date"),
    scope: text("scope"),
    evidencePath: text("evidence_path"),
    evidenceMime: text("evidence_mime"),
    status: text("status", { enum: certificateStatuses }).notNull().default("pending"),
    decisionReason: text("decision_reason"),
    decidedBy: integer("decided_by").references(() => users.id),
    decidedAt: text("decided_at"),
    expiryWarnedAt: text("expiry_warned_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("certificates_coop_idx").on(t.cooperativeId),
    index("certificates_status_expiry_idx").on(t.status, t.expiryDate),
  ],
);

/** Which products a certificate covers. A certificate with no rows here covers none in particular. */
export const certificateProducts = sqliteTable(
  "certificate_products",
  {
    certificateId: integer("certificate_id")
      .notNull()
      .references(() => certificates.id, { onDelete: "cascade" }),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.certificateId, t.productId] }),
    index("certificate_products_product_idx").on(t.productId),
  ],
);

/* ---------------------------------------------------------------- Cooperative profile photos */

/** Photos on a cooperative's public profile (fields, packing house, members at work). */
export const cooperativePhotos = sqliteTable(
  "cooperative_photos",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    cooperativeId: integer("cooperative_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    /** Base path under the uploads directory, without the width suffix. */
    path: text("path").notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    alt: text("alt"),
    position: integer("position").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index("cooperative_photos_coop_idx").on(t.cooperativeId, t.position)],
);

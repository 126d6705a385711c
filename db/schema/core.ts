import { sql } from "drizzle-orm";
import {

  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import { buyerTypes, cooperativeTypes, membershipRoles, organisationKinds } from "../../app/lib/enums";

export { buyerTypes, cooperativeTypes, membershipRoles, organisationKinds };

/*
 * Conventions: ids are integers; timestamps are ISO-8601 UTC strings (`2026-12-01T06:44:00.000Z`) and calendar
 * dates are `YYYY-MM-DD` strings, so both sort as text. Money is an integer number of đồng.
 */
const createdAt = () =>
  text("created_at")
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);

/* ---------------------------------------------------------------- Geography and reference data */

/** The 34 provincial units in force since 1 July 2025 (Nghị quyết 202/2025/QH15). */
export const provinces = sqliteTable("provinces", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
  /** Name without the "Tỉnh"/"Thành phố" prefix, as people say it. */
  shortName: text("short_name").notNull(),
  kind: text("kind", { enum: ["province", "city"] }).notNull(),
  slug: text("slug").notNull().unique(),
  /** Folded (no diacritics, đ→d, lower case) short name for matching user input. */
  folded: text("folded").notNull(),
});

/** The 63 former units, each mapped to the current unit it became part of. */
export const formerProvinces = sqliteTable(
  "former_provinces",
  {
    code: text("code").primaryKey(),
    name: text("name").notNull(),
    shortName: text("short_name").notNull(),
    folded: text("folded").notNull(),
    provinceCode: text("province_code")
      .notNull()
      .references(() => provinces.code),
  },
  (t) => [index("former_provinces_province_idx").on(t.provinceCode)],
);

/** OCOP product classification: 6 groups, 26 sub-groups. */
export const ocopCategories = sqliteTable("ocop_categories", {
  code: text("code").primaryKey(),
  groupCode: text("group_code").notNull(),
  groupVi: text("group_vi").notNull(),
  groupEn: text("group_en").notNull(),
  nameVi: text("name_vi").notNull(),
  nameEn: text("name_en").notNull(),
  position: integer("position").notNull(),
});

/* ---------------------------------------------------------------- Organisations and people */


/**
 * One table for the three kinds of organisation, so memberships, audit and messaging point at one place.
 * Kind-specific columns are nullable and checked by the application's schemas.
 */
export const organisations = sqliteTable(
  "organisations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: organisationKinds }).notNull(),
    name: text("name").notNull(),
    slug: text("slug").notNull().unique(),
    provinceCode: text("province_code")
      .notNull()
      .references(() => provinces.code),
    commune: text("commune"),
    address: text("address"),
    /** Cooperatives: HTX, tổ hợp tác or liên hiệp HTX. */
    cooperativeType: text("cooperative_type", { enum: cooperativeTypes }),
    registrationNumber: text("registration_number"),
    /** Buyers: mã số thuế, 10 digits or 10-3 digits for a branch. */
    taxCode: text("tax_code"),
    buyerType: text("buyer_type", { enum: buyerTypes }),
    /** pending: signed up, not yet reviewed; active: may trade; suspended: hidden. */
    status: text("status", { enum: ["pending", "active", "suspended"] })
      .notNull()
      .default("active"),
    /** Set by the province's alliance when it has vetted the cooperative. */
    verifiedAt: text("verified_at"),
    verifiedBy: integer("verified_by"),
    rejectionReason: text("rejection_reason"),
    yearFounded: integer("year_founded"),
    memberCount: integer("member_count"),
    areaHa: integer("area_ha"),
    mainProducts: text("main_products"),
    descriptionVi: text("description_vi"),
    descriptionEn: text("description_en"),
    contactName: text("contact_name"),
    phone: text("phone"),
    zalo: text("zalo"),
    email: text("email"),
    website: text("website"),
    /** NAPAS BIN of the bank for VietQR transfers. */
    bankBin: text("bank_bin"),
    bankAccount: text("bank_account"),
    bankHolder: text("bank_holder"),
    createdAt: createdAt(),
    updatedAt: text("updated_at"),
  },
  (t) => [
    index("organisations_kind_province_idx").on(t.kind, t.provinceCode),
    uniqueIndex("organisations_tax_code_idx").on(t.taxCode).where(sql`tax_code is not null`),
    uniqueIndex("organisations_registration_idx")
      .on(t.registrationNumber)
      .where(sql`registration_number is not null`),
  ],
);

export const users = sqliteTable("users", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  /** Stored lower-cased and trimmed. */
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  passwordHash: text("password_hash").notNull(),
  isPlatformAdmin: integer("is_platform_admin", { mode: "boolean" }).notNull().default(false),
  locale: text("locale", { enum: ["vi", "en"] }),
  createdAt: createdAt(),
});


export const memberships = sqliteTable(
  "memberships",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    role: text("role", { enum: membershipRoles }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.organisationId] }),
    index("memberships_org_idx").on(t.organisationId),
  ],
);

/* ---------------------------------------------------------------- Authentication */

/** The cookie carries a random token; only its SHA-256 is stored, so a leaked database opens no session. */
export const sessions = sqliteTable(
  "sessions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    tokenHash: text("token_hash").notNull().unique(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: text("expires_at").notNull(),
    userAgent: text("user_agent"),
    createdAt: createdAt(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Failed logins, keyed by `email:<address>` and `ip:<address>`, for throttling. */
export const loginFailures = sqliteTable(
  "login_failures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    key: text("key").notNull(),
    at: text("at").notNull(),
  },
  (t) => [index("login_failures_key_at_idx").on(t.key, t.at)],
);

/** Single-use tokens: password reset links and staff invitations. Only hashes are stored. */
export const tokens = sqliteTable(
  "tokens",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    tokenHash: text("token_hash").notNull().unique(),
    purpose: text("purpose", { enum: ["password_reset", "invitation"] }).notNull(),
    email: text("email").notNull(),
    userId: integer("user_id").references(() => users.id, { onDelete: "cascade" }),
    organisationId: integer("organisation_id").references(() => organisations.id, { onDelete: "cascade" }),
    role: text("role", { enum: membershipRoles }),
    createdBy: integer("created_by").references(() => users.id),
    expiresAt: text("expires_at").notNull(),
    usedAt: text("used_at"),
    createdAt: createdAt(),
  },
);

/* ---------------------------------------------------------------- Operations */

/** Who did what, when: verification decisions, role changes, sensitive edits. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    actorUserId: integer("actor_user_id").references(() => users.id),
    organisationId: integer("organisation_id").references(() => organisations.id),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: integer("entity_id"),
    detail: text("detail", { mode: "json" }),
    at: createdAt(),
  },
  (t) => [index("audit_log_entity_idx").on(t.entity, t.entityId)],
);

/** Mail that was sent without SMTP configured: the local outbox the demo shows to admins. */
export const outbox = sqliteTable("outbox", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  to: text("to").notNull(),
  subject: text("subject").notNull(),
  text: text("text").notNull(),
  html: text("html"),
  createdAt: createdAt(),
});


import crypto from "node:crypto";
import { and, asc, desc, eq, gte, inArray, sql } from "drizzle-orm";
import { db, prepared, schema } from "~/db.server";
import { env } from "~/env.server";
import { epcisMapping, type EventType } from "~/lib/trace-rules";

export type Lot = typeof schema.lots.$inferSelect;
export type LotEvent = typeof schema.lotEvents.$inferSelect;

/* ---------------------------------------------------------------- Cooperative side (always scoped by owner) */

export function listLots({ cooperativeId }: { cooperativeId: number }) {
  return db
    .select({
      id: schema.lots.id,
      code: schema.lots.code,
      harvestDate: schema.lots.harvestDate,
      packingDate: schema.lots.packingDate,
      bestBeforeDate: schema.lots.bestBeforeDate,
      quantity: schema.lots.quantity,
      unit: schema.lots.unit,
      serialised: schema.lots.serialised,
      productName: schema.products.nameVi,
      productNameEn: schema.products.nameEn,
      gtin: schema.products.gtin,
    })
    .from(schema.lots)
    .innerJoin(schema.products, eq(schema.products.id, schema.lots.productId))
    .where(eq(schema.lots.cooperativeId, cooperativeId))
    .orderBy(desc(schema.lots.packingDate), desc(schema.lots.id))
    .all();
}

export function getLot({ id, cooperativeId }: { id: number; cooperativeId: number }) {
  return db
    .select()
    .from(schema.lots)
    .where(and(eq(schema.lots.id, id), eq(schema.lots.cooperativeId, cooperativeId)))
    .get();
}

export function listCooperativeProducts({ cooperativeId }: { cooperativeId: number }) {
  return db
    .select({ id: schema.products.id, nameVi: schema.products.nameVi, nameEn: schema.products.nameEn, gtin: schema.products.gtin, status: schema.products.status, unit: schema.products.unit })
    .from(schema.products)
    .where(eq(schema.products.cooperativeId, cooperativeId))
    .orderBy(asc(schema.products.nameVi))
    .all();
}

export function listCooperativeMembers({ cooperativeId }: { cooperativeId: number }) {
  return db
    .select({ id: schema.members.id, name: schema.members.name, commune: schema.members.commune, plantingAreaCode: schema.members.plantingAreaCode })
    .from(schema.members)
    .where(eq(schema.members.cooperativeId, cooperativeId))
    .orderBy(asc(schema.members.name))
    .all();
}

const lotMembers = prepared((d) =>
  d
    .select({
      memberId: schema.lotMembers.memberId,
      plantingArea: schema.lotMembers.plantingArea,
      quantity: schema.lotMembers.quantity,
      name: schema.members.name,
      commune: schema.members.commune,
      publicConsent: schema.members.publicConsent,
    })
    .from(schema.lotMembers)
    .innerJoin(schema.members, eq(schema.members.id, schema.lotMembers.memberId))
    .where(eq(schema.lotMembers.lotId, sql.placeholder("lotId")))
    .orderBy(desc(schema.lotMembers.quantity))
    .prepare(),
);

export function listLotMembers({ lotId }: { lotId: number }) {
  return lotMembers().all({ lotId });
}

export type LotInput = {
  productId: number;
  code: string;
  harvestDate: string;
  packingDate: string;
  bestBeforeDate: string;
  quantity: number;
  unit: (typeof schema.lotUnits)[number];
  serialised: boolean;
  notes: string | null;
  contributions: { memberId: number; plantingArea: string | null; quantity: number }[];
};

export class LotConflict extends Error {}

/** The unit a new lot of the product counts in by default: the product's unit of sale when lots can use it. */
export function productLotUnit({ productId, cooperativeId }: { productId: number; cooperativeId: number }): LotInput["unit"] {
  const unit = db.select({ unit: schema.products.unit }).from(schema.products).where(and(eq(schema.products.id, productId), eq(schema.products.cooperativeId, cooperativeId))).get()?.unit;
  return unit && (schema.lotUnits as readonly string[]).includes(unit) ? (unit as LotInput["unit"]) : "kg";
}

/** The product and members must be the cooperative's own; a lot code is unique per product. */
export function lotInputProblems({ cooperativeId, input, lotId }: { cooperativeId: number; input: LotInput; lotId?: number }) {
  const product = db
    .select({ id: schema.products.id })
    .from(schema.products)
    .where(and(eq(schema.products.id, input.productId), eq(schema.products.cooperativeId, cooperativeId)))
    .get();
  if (!product) return { productId: "trace.errors.productNotYours" };
  const memberIds = input.contributions.map((c) => c.memberId);
  if (memberIds.length) {
    const own = db
      .select({ id: schema.members.id })
      .from(schema.members)
      .where(and(inArray(schema.members.id, memberIds), eq(schema.members.cooperativeId, cooperativeId)))
      .all();
    if (own.length !== new Set(memberIds).size) return { contributions: "trace.errors.memberNotYours" };
  }
  const clash = db
    .select({ id: schema.lots.id })
    .from(schema.lots)
    .where(and(eq(schema.lots.productId, input.productId), eq(schema.lots.code, input.code)))
    .get();
  if (clash && clash.id !== lotId) return { code: "trace.errors.codeTaken" };
  return null;
}

export function createLot({ cooperativeId, input }: { cooperativeId: number; input: LotInput }): number {
  return db.transaction((tx) => {
    const { contributions, ...lot } = input;
    const row = tx.insert(schema.lots).values({ ...lot, cooperativeId }).returning({ id: schema.lots.id }).get();
    if (contributions.length) tx.insert(schema.lotMembers).values(contributions.map((c) => ({ ...c, lotId: row.id }))).run();
    return row.id;
  });
}

export function updateLot({ id, cooperativeId, input }: { id: number; cooperativeId: number; input: LotInput }) {
  return db.transaction((tx) => {
    // Whether a lot is serialised follows from its serials, never from the edit form.
    const { contributions, serialised: _serialised, ...lot } = input;
    const result = tx
      .update(schema.lots)
      .set({ ...lot, updatedAt: new Date().toISOString() })
      .where(and(eq(schema.lots.id, id), eq(schema.lots.cooperativeId, cooperativeId)))
      .run();
    if (result.changes === 0) return false;
    tx.delete(schema.lotMembers).where(eq(schema.lotMembers.lotId, id)).run();
    if (contributions.length) tx.insert(schema.lotMembers).values(contributions.map((c) => ({ ...c, lotId: id }))).run();
    return true;
  });
}

const lotEvents = prepared((d) =>
  d.select().from(schema.lotEvents).where(eq(schema.lotEvents.lotId, sql.placeholder("lotId"))).orderBy(asc(schema.lotEvents.eventTime), asc(schema.lotEvents.id)).prepare(),
);

export function listEvents({ lotId }: { lotId: number }) {
  return lotEvents().all({ lotId });
}

export type EventInput = {
  type: EventType;
  eventTime: string;
  commune: string;
  latitude: string | null;
  longitude: string | null;
  who: string;
  what: string;
  notes: string | null;
  sprayProduct: string | null;
  preHarvestIntervalDays: number | null;
  attachmentPath: string | null;
  attachmentMime: string | null;
};

export function addEvent({ lotId, cooperativeId, userId, input }: { lotId: number; cooperativeId: number; userId: number; input: EventInput }) {
  const lot = getLot({ id: lotId, cooperativeId });
  if (!lot) return null;
  const mapping = epcisMapping(input.type);
  return db
    .insert(schema.lotEvents)
    .values({ ...input, lotId, createdBy: userId, epcisType: mapping.epcisType, action: mapping.action, bizStep: mapping.bizStep })
    .returning({ id: schema.lotEvents.id })
    .get().id;
}

export function deleteEvent({ id, lotId, cooperativeId }: { id: number; lotId: number; cooperativeId: number }) {
  if (!getLot({ id: lotId, cooperativeId })) return false;
  return db.delete(schema.lotEvents).where(and(eq(schema.lotEvents.id, id), eq(schema.lotEvents.lotId, lotId))).run().changes > 0;
}

/* ---------------------------------------------------------------- Serials */

export function listSerials({ lotId, limit = 1000 }: { lotId: number; limit?: number }) {
  return db.select({ serial: schema.serials.serial }).from(schema.serials).where(eq(schema.serials.lotId, lotId)).orderBy(asc(schema.serials.id)).limit(limit).all().map((r) => r.serial);
}

export function countSerials({ lotId }: { lotId: number }) {
  return db.select({ n: sql<number>`count(*)` }).from(schema.serials).where(eq(schema.serials.lotId, lotId)).get()?.n ?? 0;
}

/**
 * Adds `count` serials numbered on from the last one, each prefixed with 6 random characters so serials cannot be
 * guessed from one seen on a shelf.
 */
export function generateSerials({ lotId, cooperativeId, count }: { lotId: number; cooperativeId: number; count: number }) {
  const lot = getLot({ id: lotId, cooperativeId });
  if (!lot) return null;
  return db.transaction((tx) => {
    const start = (tx.select({ n: sql<number>`count(*)` }).from(schema.serials).where(eq(schema.serials.lotId, lotId)).get()?.n ?? 0) + 1;
    const rows = Array.from({ length: count }, (_, i) => ({
      lotId,
      serial: `${crypto.randomBytes(4).toString("base64url").slice(0, 6).replace(/[-_]/g, "X").toUpperCase()}${String(start + i).padStart(6, "0")}`,
    }));
    for (let i = 0; i < rows.length; i += 500) tx.insert(schema.serials).values(rows.slice(i, i + 500)).run();
    tx.update(schema.lots).set({ serialised: true }).where(eq(schema.lots.id, lotId)).run();
    return rows.length;
  });
}

/* ---------------------------------------------------------------- Scans and copy detection */

export function recordScan(scan: { lotId: number; serial: string | null; language: "vi" | "en"; device: (typeof schema.scans.$inferInsert)["device"] }) {
  db.insert(schema.scans).values({ ...scan, at: new Date().toISOString() }).run();
}

export function serialScanCount({ lotId, serial }: { lotId: number; serial: string }) {
  return db.select({ n: sql<number>`count(*)` }).from(schema.scans).where(and(eq(schema.scans.lotId, lotId), eq(schema.scans.serial, serial))).get()?.n ?? 0;
}

/** Scans per day (Viet Nam dates) for the last `days` days, zero-filled, oldest first. */
export function scansPerDay({ lotId, cooperativeId, days = 30, today }: { lotId: number; cooperativeId: number; days?: number; today: string }) {
  if (!getLot({ id: lotId, cooperativeId })) return [];
  const from = new Date(Date.parse(`${today}T00:00:00+07:00`) - (days - 1) * 86_400_000).toISOString();
  const rows = db
    .select({ day: sql<string>`date(${schema.scans.at}, '+7 hours')`, n: sql<number>`count(*)` })
    .from(schema.scans)
    .where(and(eq(schema.scans.lotId, lotId), gte(schema.scans.at, from)))
    .groupBy(sql`1`)
    .all();
  const byDay = new Map(rows.map((r) => [r.day, r.n]));
  return Array.from({ length: days }, (_, i) => {
    const day = new Date(Date.parse(`${today}T00:00:00Z`) - (days - 1 - i) * 86_400_000).toISOString().slice(0, 10);
    return { day, n: byDay.get(day) ?? 0 };
  });
}

export function totalScans({ lotIds }: { lotIds: number[] }) {
  if (!lotIds.length) return new Map<number, number>();
  const rows = db.select({ lotId: schema.scans.lotId, n: sql<number>`count(*)` }).from(schema.scans).where(inArray(schema.scans.lotId, lotIds)).groupBy(schema.scans.lotId).all();
  return new Map(rows.map((r) => [r.lotId, r.n]));
}

/** Serials of the cooperative resolved more often than the configured limit: probably printed on copies. */
export function copyAlerts({ cooperativeId, lotId, limit = env.TRACE_SERIAL_SCAN_LIMIT }: { cooperativeId: number; lotId?: number; limit?: number }) {
  return db
    .select({
      lotId: schema.scans.lotId,
      serial: sql<string>`${schema.scans.serial}`,
      n: sql<number>`count(*)`,
      lastAt: sql<string>`max(${schema.scans.at})`,
      code: schema.lots.code,
    })
    .from(schema.scans)
    .innerJoin(schema.lots, eq(schema.lots.id, schema.scans.lotId))
    .where(and(eq(schema.lots.cooperativeId, cooperativeId), sql`${schema.scans.serial} is not null`, lotId ? eq(schema.lots.id, lotId) : undefined))
    .groupBy(schema.scans.lotId, schema.scans.serial)
    .having(sql`count(*) > ${limit}`)
    .orderBy(desc(sql`count(*)`))
    .all();
}

/* ---------------------------------------------------------------- Public side */

export function findProductByGtin({ gtin14 }: { gtin14: string }) {
  return db
    .select({ id: schema.products.id, nameVi: schema.products.nameVi, nameEn: schema.products.nameEn, gtin: schema.products.gtin, cooperativeId: schema.products.cooperativeId })
    .from(schema.products)
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.products.cooperativeId))
    .where(and(eq(schema.products.gtin, gtin14), eq(schema.products.status, "published"), eq(schema.organisations.status, "active")))
    .get();
}

export function findLotByCode({ productId, code }: { productId: number; code: string }) {
  return db.select().from(schema.lots).where(and(eq(schema.lots.productId, productId), eq(schema.lots.code, code))).get();
}

export function serialExists({ lotId, serial }: { lotId: number; serial: string }) {
  return !!db.select({ id: schema.serials.id }).from(schema.serials).where(and(eq(schema.serials.lotId, lotId), eq(schema.serials.serial, serial))).get();
}

const certificatesOfProduct = prepared((d) =>
  d
    .select({
      id: schema.certificates.id,
      type: schema.certificates.type,
      ocopStars: schema.certificates.ocopStars,
      number: schema.certificates.number,
      issuer: schema.certificates.issuer,
      issueDate: schema.certificates.issueDate,
      expiryDate: schema.certificates.expiryDate,
      status: schema.certificates.status,
      decidedAt: schema.certificates.decidedAt,
      evidencePath: schema.certificates.evidencePath,
    })
    .from(schema.certificateProducts)
    .innerJoin(schema.certificates, eq(schema.certificates.id, schema.certificateProducts.certificateId))
    .where(and(eq(schema.certificateProducts.productId, sql.placeholder("productId")), inArray(schema.certificates.status, ["verified", "revoked"])))
    .orderBy(asc(schema.certificates.type))
    .prepare(),
);

/** Certificates of the cooperative that name the product, in any state; the page works out each one's state. */
export function productCertificates({ productId }: { productId: number }) {
  return certificatesOfProduct().all({ productId });
}

// The public lot page is the hottest page at a fair (every scan opens it): its queries are prepared once.
const publicLot = prepared((d) =>
  d
    .select({ lot: schema.lots, product: schema.products, cooperative: schema.organisations })
    .from(schema.lots)
    .innerJoin(schema.products, eq(schema.products.id, schema.lots.productId))
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.lots.cooperativeId))
    .where(and(eq(schema.lots.id, sql.placeholder("lotId")), eq(schema.products.status, "published"), eq(schema.organisations.status, "active")))
    .prepare(),
);
const provinceName = prepared((d) =>
  d.select({ name: schema.provinces.name }).from(schema.provinces).where(eq(schema.provinces.code, sql.placeholder("code"))).prepare(),
);
const firstPhoto = prepared((d) =>
  d
    .select({ path: schema.productPhotos.path, width: schema.productPhotos.width, height: schema.productPhotos.height, alt: schema.productPhotos.alt })
    .from(schema.productPhotos)
    .where(eq(schema.productPhotos.productId, sql.placeholder("productId")))
    .orderBy(asc(schema.productPhotos.position))
    .limit(1)
    .prepare(),
);

/** Everything the public trace page and the EPCIS document show, for a lot whose product is published. */
export function getPublicLot({ lotId }: { lotId: number }) {
  const row = publicLot().get({ lotId });
  if (!row) return null;
  const province = provinceName().get({ code: row.cooperative.provinceCode });
  const photo = firstPhoto().get({ productId: row.product.id });
  return {
    ...row,
    provinceName: province?.name ?? "",
    photo: photo ?? null,
    members: listLotMembers({ lotId }),
    events: listEvents({ lotId }),
    certificates: productCertificates({ productId: row.product.id }),
  };
}

/* ---------------------------------------------------------------- Problem reports */

export function reporterKey(address: string) {
  return crypto.createHash("sha256").update(`trace-report:${address}`).digest("hex");
}

export function recentReportCount({ key, sinceIso }: { key: string; sinceIso: string }) {
  return db
    .select({ n: sql<number>`count(*)` })
    .from(schema.problemReports)
    .where(and(eq(schema.problemReports.reporterKey, key), gte(schema.problemReports.createdAt, sinceIso)))
    .get()?.n ?? 0;
}

export function createProblemReport(report: typeof schema.problemReports.$inferInsert) {
  return db.insert(schema.problemReports).values(report).returning({ id: schema.problemReports.id }).get().id;
}

export function listProblemReports({ cooperativeId, lotId }: { cooperativeId: number; lotId?: number }) {
  return db
    .select()
    .from(schema.problemReports)
    .where(and(eq(schema.problemReports.cooperativeId, cooperativeId), lotId ? eq(schema.problemReports.lotId, lotId) : undefined))
    .orderBy(desc(schema.problemReports.id))
    .limit(50)
    .all();
}

/** Who hears about a report: the cooperative's address and owners, and the admins of its province's alliance. */
export function reportRecipients({ cooperativeId }: { cooperativeId: number }) {
  const coop = db.select().from(schema.organisations).where(eq(schema.organisations.id, cooperativeId)).get();
  if (!coop) return [];
  const owners = db
    .select({ email: schema.users.email })
    .from(schema.memberships)
    .innerJoin(schema.users, eq(schema.users.id, schema.memberships.userId))
    .where(and(eq(schema.memberships.organisationId, cooperativeId), eq(schema.memberships.role, "owner")))
    .all();
  const alliance = db
    .select({ email: schema.users.email })
    .from(schema.organisations)
    .innerJoin(schema.memberships, eq(schema.memberships.organisationId, schema.organisations.id))
    .innerJoin(schema.users, eq(schema.users.id, schema.memberships.userId))
    .where(and(eq(schema.organisations.kind, "alliance"), eq(schema.organisations.provinceCode, coop.provinceCode)))
    .all();
  return [...new Set([coop.email, ...owners.map((o) => o.email), ...alliance.map((a) => a.email)].filter((e): e is string => !!e))];
}

export function getProductGtin({ productId, cooperativeId }: { productId: number; cooperativeId: number }) {
  return (
    db
      .select({ gtin: schema.products.gtin })
      .from(schema.products)
      .where(and(eq(schema.products.id, productId), eq(schema.products.cooperativeId, cooperativeId)))
      .get()?.gtin ?? null
  );
}

export function getProductSummary({ productId, cooperativeId }: { productId: number; cooperativeId: number }) {
  return db
    .select({ id: schema.products.id, nameVi: schema.products.nameVi, nameEn: schema.products.nameEn, gtin: schema.products.gtin })
    .from(schema.products)
    .where(and(eq(schema.products.id, productId), eq(schema.products.cooperativeId, cooperativeId)))
    .get();
}

/** The producer printed on labels: the cooperative's name and address with its commune and province. */
export function getProducer({ cooperativeId }: { cooperativeId: number }) {
  const row = db
    .select({ name: schema.organisations.name, address: schema.organisations.address, commune: schema.organisations.commune, province: schema.provinces.name })
    .from(schema.organisations)
    .leftJoin(schema.provinces, eq(schema.provinces.code, schema.organisations.provinceCode))
    .where(eq(schema.organisations.id, cooperativeId))
    .get();
  return row ? { name: row.name, parts: [row.address, row.commune, row.province] } : null;
}

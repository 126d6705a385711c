import { and, asc, desc, eq, gte, inArray, isNull, lte } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { addDaysToDate } from "~/lib/dates";
import type { CertificateInput } from "~/lib/certificate-rules";
import { daysUntil, todayInVietnam } from "~/lib/certificates";

export type Certificate = typeof schema.certificates.$inferSelect;

export const EXPIRY_WARNING_DAYS = 90;

export function listCertificates({ cooperativeId }: { cooperativeId: number }) {
  const rows = db
    .select()
    .from(schema.certificates)
    .where(eq(schema.certificates.cooperativeId, cooperativeId))
    .orderBy(desc(schema.certificates.issueDate), desc(schema.certificates.id))
    .all();
  const scope = scopeOf(rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, products: scope.get(r.id) ?? [] }));
}

function scopeOf(certificateIds: number[]) {
  const map = new Map<number, { id: number; nameVi: string }[]>();
  if (!certificateIds.length) return map;
  const rows = db
    .select({ certificateId: schema.certificateProducts.certificateId, id: schema.products.id, nameVi: schema.products.nameVi })
    .from(schema.certificateProducts)
    .innerJoin(schema.products, eq(schema.products.id, schema.certificateProducts.productId))
    .where(inArray(schema.certificateProducts.certificateId, certificateIds))
    .orderBy(asc(schema.products.nameVi))
    .all();
  for (const r of rows) map.set(r.certificateId, [...(map.get(r.certificateId) ?? []), { id: r.id, nameVi: r.nameVi }]);
  return map;
}

export function getCertificate({ id, cooperativeId }: { id: number; cooperativeId: number }) {
  const row = db
    .select()
    .from(schema.certificates)
    .where(and(eq(schema.certificates.id, id), eq(schema.certificates.cooperativeId, cooperativeId)))
    .get();
  if (!row) return null;
  return { ...row, products: scopeOf([id]).get(id) ?? [] };
}

export class ScopeError extends Error {
  constructor() {
    super("catalogue.errors.scopeProduct");
  }
}

type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];

function setScope(tx: Tx, certificateId: number, cooperativeId: number, productIds: number[]) {
  if (productIds.length) {
    const own = tx
      .select({ id: schema.products.id })
      .from(schema.products)
      .where(and(inArray(schema.products.id, productIds), eq(schema.products.cooperativeId, cooperativeId)))
      .all();
    // A certificate may only cover the cooperative's own products.
    if (own.length !== productIds.length) throw new ScopeError();
  }
  tx.delete(schema.certificateProducts).where(eq(schema.certificateProducts.certificateId, certificateId)).run();
  if (productIds.length) tx.insert(schema.certificateProducts).values(productIds.map((productId) => ({ certificateId, productId }))).run();
}

function values(input: CertificateInput) {
  const { productIds: _p, ...rest } = input;
  return rest;
}

export function createCertificate({
  cooperativeId,
  input,
  evidence,
}: {
  cooperativeId: number;
  input: CertificateInput;
  evidence: { path: string; mime: string };
}) {
  return db.transaction((tx) => {
    const row = tx
      .insert(schema.certificates)
      .values({ ...values(input), cooperativeId, evidencePath: evidence.path, evidenceMime: evidence.mime, status: "pending" })
      .returning()
      .get();
    setScope(tx, row.id, cooperativeId, input.productIds);
    return row;
  });
}

/**
 * Any change to the claim sends it back to the alliance: a verified certificate edited by its holder is pending
 * again, so a badge never stands on details nobody checked.
 */
export function updateCertificate({
  id,
  cooperativeId,
  input,
  evidence,
}: {
  id: number;
  cooperativeId: number;
  input: CertificateInput;
  evidence?: { path: string; mime: string } | null;
}) {
  return db.transaction((tx) => {
    const existing = tx
      .select()
      .from(schema.certificates)
      .where(and(eq(schema.certificates.id, id), eq(schema.certificates.cooperativeId, cooperativeId)))
      .get();
    if (!existing) return null;
    const row = tx
      .update(schema.certificates)
      .set({
        ...values(input),
        ...(evidence ? { evidencePath: evidence.path, evidenceMime: evidence.mime } : {}),
        status: "pending",
        decidedAt: null,
        decidedBy: null,
        decisionReason: null,
        expiryWarnedAt: input.expiryDate === existing.expiryDate ? existing.expiryWarnedAt : null,
      })
      .where(eq(schema.certificates.id, id))
      .returning()
      .get();
    setScope(tx, id, cooperativeId, input.productIds);
    return row;
  });
}

export function deleteCertificate({ id, cooperativeId }: { id: number; cooperativeId: number }) {
  return (
    db
      .delete(schema.certificates)
      .where(and(eq(schema.certificates.id, id), eq(schema.certificates.cooperativeId, cooperativeId)))
      .run().changes > 0
  );
}

/** Verified certificates of this cooperative that expire within 90 days (today included), soonest first. */
export function listExpiringCertificates({ cooperativeId, today = todayInVietnam() }: { cooperativeId?: number; today?: string }) {
  return db
    .select()
    .from(schema.certificates)
    .where(
      and(
        cooperativeId === undefined ? undefined : eq(schema.certificates.cooperativeId, cooperativeId),
        eq(schema.certificates.status, "verified"),
        gte(schema.certificates.expiryDate, today),
        lte(schema.certificates.expiryDate, addDaysToDate(today, EXPIRY_WARNING_DAYS)),
      ),
    )
    .orderBy(asc(schema.certificates.expiryDate))
    .all()
    .map((c) => ({ ...c, daysLeft: daysUntil(c.expiryDate!, today) }));
}

/**
 * Marks these certificates warned about, unless a concurrent run did first, and returns the ids this call claimed:
 * the mail for them is this caller's to send (app/services/certificate-warnings.server.ts).
 */
export function claimExpiryWarnings({ ids }: { ids: number[] }): number[] {
  if (!ids.length) return [];
  return db
    .update(schema.certificates)
    .set({ expiryWarnedAt: new Date().toISOString() })
    .where(and(inArray(schema.certificates.id, ids), isNull(schema.certificates.expiryWarnedAt)))
    .returning({ id: schema.certificates.id })
    .all()
    .map((r) => r.id);
}

/** Undoes a claim whose mail could not be sent, so the next run tries again. */
export function releaseExpiryWarnings({ ids }: { ids: number[] }) {
  if (ids.length) db.update(schema.certificates).set({ expiryWarnedAt: null }).where(inArray(schema.certificates.id, ids)).run();
}

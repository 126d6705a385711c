import { and, asc, desc, eq, gte, inArray, isNull, lte } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { getT } from "~/i18n";
import { addDaysToDate } from "~/lib/dates";
import type { CertificateInput } from "~/lib/certificate-rules";
import { daysUntil, todayInVietnam } from "~/lib/certificates";
import { absoluteUrl, sendMail } from "~/services/mail.server";

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
 * Emails each cooperative about its certificates expiring within 90 days that were not warned about yet, and marks
 * them warned, so running it again (cron, or each dashboard visit) sends nothing twice.
 */
export async function sendExpiryWarnings({ cooperativeId, today = todayInVietnam() }: { cooperativeId?: number; today?: string } = {}) {
  const due = listExpiringCertificates({ cooperativeId, today }).filter((c) => !c.expiryWarnedAt);
  const byCoop = new Map<number, typeof due>();
  for (const c of due) byCoop.set(c.cooperativeId, [...(byCoop.get(c.cooperativeId) ?? []), c]);
  let sent = 0;
  let failed = 0;
  for (const [coopId, certs] of byCoop) {
    // Claim the rows first: a concurrent run finds them warned and sends nothing.
    const claimed = db
      .update(schema.certificates)
      .set({ expiryWarnedAt: new Date().toISOString() })
      .where(and(inArray(schema.certificates.id, certs.map((c) => c.id)), isNull(schema.certificates.expiryWarnedAt)))
      .returning({ id: schema.certificates.id })
      .all();
    const mine = certs.filter((c) => claimed.some((r) => r.id === c.id));
    if (!mine.length) continue;
    const coop = db.select().from(schema.organisations).where(eq(schema.organisations.id, coopId)).get();
    const owners = db
      .select({ email: schema.users.email, locale: schema.users.locale })
      .from(schema.memberships)
      .innerJoin(schema.users, eq(schema.users.id, schema.memberships.userId))
      .where(and(eq(schema.memberships.organisationId, coopId), eq(schema.memberships.role, "owner")))
      .all();
    const recipients = owners.length ? owners : coop?.email ? [{ email: coop.email, locale: null }] : [];
    try {
      for (const r of recipients) {
        const t = getT(r.locale ?? "vi");
        const lines = mine.map((c) =>
          t("catalogue.mail.expiryLine", {
            type: t(`badges.type.${c.type}`),
            number: c.number,
            date: c.expiryDate!,
            days: c.daysLeft,
          }),
        );
        await sendMail({
          to: r.email,
          subject: t("catalogue.mail.expirySubject", { org: coop?.name ?? "", n: mine.length }),
          text: t("catalogue.mail.expiryBody", { org: coop?.name ?? "", lines: lines.join("\n"), url: absoluteUrl("/dashboard/certificates") }),
        });
        sent++;
      }
    } catch (error) {
      // Mail is down: release the claim so the next run tries again, and let the dashboard render regardless.
      db.update(schema.certificates).set({ expiryWarnedAt: null }).where(inArray(schema.certificates.id, mine.map((c) => c.id))).run();
      console.error("expiry warning mail failed", error);
      failed++;
    }
  }
  return { sent, failed, certificates: due.length };
}


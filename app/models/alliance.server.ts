import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { db, schema } from "~/db.server";

/** Who is deciding, and where they may: `provinceCode` null means anywhere (platform admin). */
export type Moderator = { user: { id: number }; provinceCode: string | null };

export function mayActIn(moderator: { provinceCode: string | null }, provinceCode: string) {
  return moderator.provinceCode === null || moderator.provinceCode === provinceCode;
}

export function moderationQueue({ provinceCode }: { provinceCode: string | null }) {
  const cooperatives = db
    .select()
    .from(schema.organisations)
    .where(
      and(
        eq(schema.organisations.kind, "cooperative"),
        eq(schema.organisations.status, "active"),
        isNull(schema.organisations.verifiedAt),
        isNull(schema.organisations.rejectionReason),
        provinceCode ? eq(schema.organisations.provinceCode, provinceCode) : undefined,
      ),
    )
    .orderBy(asc(schema.organisations.createdAt))
    .all();
  const certificates = db
    .select({ certificate: schema.certificates, cooperative: { id: schema.organisations.id, name: schema.organisations.name, slug: schema.organisations.slug, provinceCode: schema.organisations.provinceCode } })
    .from(schema.certificates)
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.certificates.cooperativeId))
    .where(and(eq(schema.certificates.status, "pending"), provinceCode ? eq(schema.organisations.provinceCode, provinceCode) : undefined))
    .orderBy(asc(schema.certificates.createdAt), asc(schema.certificates.id))
    .all();
  const scope = new Map<number, string[]>();
  const ids = certificates.map((c) => c.certificate.id);
  if (ids.length) {
    for (const r of db
      .select({ certificateId: schema.certificateProducts.certificateId, name: schema.products.nameVi })
      .from(schema.certificateProducts)
      .innerJoin(schema.products, eq(schema.products.id, schema.certificateProducts.productId))
      .where(inArray(schema.certificateProducts.certificateId, ids))
      .all()) {
      scope.set(r.certificateId, [...(scope.get(r.certificateId) ?? []), r.name]);
    }
  }
  return {
    cooperatives,
    certificates: certificates.map((c) => ({ ...c, products: scope.get(c.certificate.id) ?? [] })),
  };
}

export type Decision = { decision: "verify" | "reject"; reason: string | null };
export type DecisionResult = "ok" | "not_found" | "forbidden" | "already_decided";

/** Verify or reject a cooperative, with the audit entry, in one transaction. Outside the province: nothing written. */
export function decideCooperative({ moderator, cooperativeId, decision, reason }: { moderator: Moderator; cooperativeId: number } & Decision): DecisionResult {
  return db.transaction((tx) => {
    const coop = tx
      .select()
      .from(schema.organisations)
      .where(and(eq(schema.organisations.id, cooperativeId), eq(schema.organisations.kind, "cooperative")))
      .get();
    if (!coop) return "not_found";
    if (!mayActIn(moderator, coop.provinceCode)) return "forbidden";
    const now = new Date().toISOString();
    tx.update(schema.organisations)
      .set(
        decision === "verify"
          ? { verifiedAt: now, verifiedBy: moderator.user.id, rejectionReason: null }
          : { verifiedAt: null, verifiedBy: moderator.user.id, rejectionReason: reason },
      )
      .where(eq(schema.organisations.id, cooperativeId))
      .run();
    tx.insert(schema.auditLog)
      .values({
        actorUserId: moderator.user.id,
        organisationId: cooperativeId,
        action: decision === "verify" ? "cooperative_verified" : "cooperative_rejected",
        entity: "organisation",
        entityId: cooperativeId,
        detail: { reason, provinceCode: coop.provinceCode },
      })
      .run();
    return "ok";
  });
}

export function decideCertificate({ moderator, certificateId, decision, reason }: { moderator: Moderator; certificateId: number } & Decision): DecisionResult {
  return db.transaction((tx) => {
    const row = tx
      .select({ certificate: schema.certificates, provinceCode: schema.organisations.provinceCode })
      .from(schema.certificates)
      .innerJoin(schema.organisations, eq(schema.organisations.id, schema.certificates.cooperativeId))
      .where(eq(schema.certificates.id, certificateId))
      .get();
    if (!row) return "not_found";
    if (!mayActIn(moderator, row.provinceCode)) return "forbidden";
    tx.update(schema.certificates)
      .set({
        status: decision === "verify" ? "verified" : "rejected",
        decisionReason: reason,
        decidedBy: moderator.user.id,
        decidedAt: new Date().toISOString(),
      })
      .where(eq(schema.certificates.id, certificateId))
      .run();
    tx.insert(schema.auditLog)
      .values({
        actorUserId: moderator.user.id,
        organisationId: row.certificate.cooperativeId,
        action: decision === "verify" ? "certificate_verified" : "certificate_rejected",
        entity: "certificate",
        entityId: certificateId,
        detail: { reason, type: row.certificate.type, number: row.certificate.number, previousStatus: row.certificate.status },
      })
      .run();
    return "ok";
  });
}

/** A certificate with its holder and scope, for reviewing it beside its evidence. */
export function getCertificateForReview({ id }: { id: number }) {
  const row = db
    .select({ certificate: schema.certificates, cooperative: schema.organisations })
    .from(schema.certificates)
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.certificates.cooperativeId))
    .where(eq(schema.certificates.id, id))
    .get();
  if (!row) return null;
  const products = db
    .select({ id: schema.products.id, nameVi: schema.products.nameVi })
    .from(schema.certificateProducts)
    .innerJoin(schema.products, eq(schema.products.id, schema.certificateProducts.productId))
    .where(eq(schema.certificateProducts.certificateId, id))
    .all();
  return { ...row, products };
}

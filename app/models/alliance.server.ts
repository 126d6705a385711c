import { and, asc, count, eq, gte, inArray, isNotNull, isNull, lte, sql } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { addDaysToDate } from "~/lib/dates";
import { todayInVietnam } from "~/lib/certificates";
import { activeCertificateWhere } from "./badges.server";
import { getProvince } from "./province.server";

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

/** Figures the alliance reports to the provincial steering committee. */
export function provinceFigures({ provinceCode, today = todayInVietnam() }: { provinceCode: string | null; today?: string }) {
  const inProvince = provinceCode ? eq(schema.organisations.provinceCode, provinceCode) : undefined;
  const coops = db
    .select({ total: count(), verified: sql<number>`sum(case when ${schema.organisations.verifiedAt} is not null then 1 else 0 end)` })
    .from(schema.organisations)
    .where(and(eq(schema.organisations.kind, "cooperative"), eq(schema.organisations.status, "active"), inProvince))
    .get() ?? { total: 0, verified: 0 };
  const products = db
    .select({ n: count() })
    .from(schema.products)
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.products.cooperativeId))
    .where(and(eq(schema.products.status, "published"), inProvince))
    .get()?.n ?? 0;
  const ocop = db
    .select({ stars: schema.certificates.ocopStars, n: count() })
    .from(schema.certificates)
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.certificates.cooperativeId))
    .where(and(eq(schema.certificates.type, "ocop"), activeCertificateWhere(today), isNotNull(schema.certificates.ocopStars), inProvince))
    .groupBy(schema.certificates.ocopStars)
    .all();
  const expiring = db
    .select({ certificate: schema.certificates, cooperativeName: schema.organisations.name })
    .from(schema.certificates)
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.certificates.cooperativeId))
    .where(
      and(
        eq(schema.certificates.status, "verified"),
        gte(schema.certificates.expiryDate, today),
        lte(schema.certificates.expiryDate, addDaysToDate(today, 90)),
        inProvince,
      ),
    )
    .orderBy(asc(schema.certificates.expiryDate))
    .all();
  const stars = { 3: 0, 4: 0, 5: 0 } as Record<3 | 4 | 5, number>;
  for (const r of ocop) if (r.stars === 3 || r.stars === 4 || r.stars === 5) stars[r.stars] = r.n;
  const total = coops.total;
  const verified = Number(coops.verified ?? 0);
  return {
    province: provinceCode ? getProvince(provinceCode) : null,
    cooperatives: total,
    verified,
    verifiedShare: total ? verified / total : 0,
    publishedProducts: products,
    ocopByStars: stars,
    expiring,
  };
}

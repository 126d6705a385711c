import { and, eq, gte, inArray, isNull, or } from "drizzle-orm";
import { db, schema } from "~/db.server";
import type { Badge } from "~/lib/badges";
import { todayInVietnam } from "~/lib/certificates";

/**
 * The SQL twin of `isCertificateActive`: verified and not past expiry (a local date). Evaluated at query time, so a
 * badge disappears on its expiry date without any job running.
 */
export function activeCertificateWhere(today: string = todayInVietnam()) {
  return and(
    eq(schema.certificates.status, "verified"),
    or(isNull(schema.certificates.expiryDate), gte(schema.certificates.expiryDate, today)),
  );
}

/** Badges per product: active certificates that name the product in their scope. */
export function activeBadgesForProducts({ productIds, today }: { productIds: number[]; today?: string }) {
  const result = new Map<number, Badge[]>();
  if (!productIds.length) return result;
  const rows = db
    .select({
      productId: schema.certificateProducts.productId,
      type: schema.certificates.type,
      ocopStars: schema.certificates.ocopStars,
    })
    .from(schema.certificateProducts)
    .innerJoin(schema.certificates, eq(schema.certificates.id, schema.certificateProducts.certificateId))
    .where(and(inArray(schema.certificateProducts.productId, productIds), activeCertificateWhere(today)))
    .all();
  for (const r of rows) {
    const list = result.get(r.productId) ?? [];
    if (!list.some((b) => b.type === r.type && b.ocopStars === r.ocopStars)) list.push({ type: r.type, ocopStars: r.ocopStars });
    result.set(r.productId, list);
  }
  return result;
}

/** Badges of a cooperative: every active certificate it holds, whatever its scope. */
export function activeBadgesForCooperative({ cooperativeId, today }: { cooperativeId: number; today?: string }): Badge[] {
  const rows = db
    .select({ type: schema.certificates.type, ocopStars: schema.certificates.ocopStars })
    .from(schema.certificates)
    .where(and(eq(schema.certificates.cooperativeId, cooperativeId), activeCertificateWhere(today)))
    .all();
  return rows.filter((r, i) => rows.findIndex((x) => x.type === r.type && x.ocopStars === r.ocopStars) === i);
}

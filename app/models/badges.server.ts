import { and, eq, gte, isNull, or, sql } from "drizzle-orm";
import { db, prepared, schema } from "~/db.server";
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

// Every product card asks this (search results, related products): one statement for any number of ids, the ids
// passed as a JSON array.
const badgeRows = prepared((d) =>
  d
    .select({
      productId: schema.certificateProducts.productId,
      type: schema.certificates.type,
      ocopStars: schema.certificates.ocopStars,
    })
    .from(schema.certificateProducts)
    .innerJoin(schema.certificates, eq(schema.certificates.id, schema.certificateProducts.certificateId))
    .where(
      and(
        sql`${schema.certificateProducts.productId} IN (SELECT value FROM json_each(${sql.placeholder("ids")}))`,
        eq(schema.certificates.status, "verified"),
        or(isNull(schema.certificates.expiryDate), gte(schema.certificates.expiryDate, sql.placeholder("today"))),
      ),
    )
    .prepare(),
);

/** Badges per product: active certificates that name the product in their scope. */
export function activeBadgesForProducts({ productIds, today = todayInVietnam() }: { productIds: number[]; today?: string }) {
  const result = new Map<number, Badge[]>();
  if (!productIds.length) return result;
  const rows = badgeRows().all({ ids: JSON.stringify(productIds), today });
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

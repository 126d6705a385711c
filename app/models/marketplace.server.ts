import { and, count, countDistinct, eq } from "drizzle-orm";
import { db, schema } from "~/db.server";

/** The home page's headline: active cooperatives, and how many provinces they are in. */
export function cooperativeReach(): { coops: number; provinces: number } {
  const row = db
    .select({ coops: count(), provinces: countDistinct(schema.organisations.provinceCode) })
    .from(schema.organisations)
    .where(and(eq(schema.organisations.kind, "cooperative"), eq(schema.organisations.status, "active")))
    .get();
  return { coops: row?.coops ?? 0, provinces: row?.provinces ?? 0 };
}

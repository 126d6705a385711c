import { sql } from "drizzle-orm";
import { db } from "~/db.server";
import { env } from "~/env.server";
import { buildDigitalLink } from "~/lib/digital-link";

/** A lot as a buyer sees it before ordering: what the consumer will see, behind the same two links. */
export type RecentLot = {
  id: number;
  code: string;
  harvestDate: string;
  packingDate: string;
  bestBeforeDate: string;
  quantity: number;
  unit: string;
  /** The consumer trace page. */
  traceUrl: string;
  /** The GS1 Digital Link printed in the lot's QR code; null when the product has no GTIN. */
  digitalLink: string | null;
};

export const RECENT_LOTS = 5;

type Row = { product_id: number; id: number; code: string; harvest_date: string; packing_date: string; best_before_date: string; quantity: number; unit: string; gtin: string | null };

/**
 * The newest lots (by harvest, then packing) of each product, at most `limit` per product, in one query for a whole
 * page of products. Only lots of published products of active cooperatives: the same ones the resolver answers for.
 */
export function recentLotsByProduct({ productIds, limit = RECENT_LOTS }: { productIds: number[]; limit?: number }): Map<number, RecentLot[]> {
  const out = new Map<number, RecentLot[]>();
  if (!productIds.length) return out;
  const ids = [...new Set(productIds)];
  const rows = db.all<Row>(sql`
    SELECT product_id, id, code, harvest_date, packing_date, best_before_date, quantity, unit, gtin FROM (
      SELECT l.product_id, l.id, l.code, l.harvest_date, l.packing_date, l.best_before_date, l.quantity, l.unit, p.gtin,
        row_number() OVER (PARTITION BY l.product_id ORDER BY l.harvest_date DESC, l.packing_date DESC, l.id DESC) AS n
      FROM lots l
      JOIN products p ON p.id = l.product_id
      JOIN organisations o ON o.id = p.cooperative_id
      WHERE l.product_id IN (${sql.join(ids.map((id) => sql`${id}`), sql`, `)}) AND p.status = 'published' AND o.status = 'active'
    ) WHERE n <= ${limit}
    ORDER BY product_id, n`);
  const origin = env.PUBLIC_ORIGIN.replace(/\/+$/, "");
  for (const r of rows) {
    const lot: RecentLot = {
      id: r.id,
      code: r.code,
      harvestDate: r.harvest_date,
      packingDate: r.packing_date,
      bestBeforeDate: r.best_before_date,
      quantity: r.quantity,
      unit: r.unit,
      traceUrl: `${origin}/t/${r.id}`,
      digitalLink: r.gtin ? buildDigitalLink(origin, { gtin14: r.gtin, lot: r.code, expiry: r.best_before_date }) : null,
    };
    out.set(r.product_id, [...(out.get(r.product_id) ?? []), lot]);
  }
  return out;
}

export function recentLots({ productId, limit = RECENT_LOTS }: { productId: number; limit?: number }): RecentLot[] {
  return recentLotsByProduct({ productIds: [productId], limit }).get(productId) ?? [];
}

import { todayInVietnam } from "~/lib/certificates";
import { productsByIds, searchIndex } from "~/models/search.server";

/**
 * Products like this one for its page: same OCOP category from other cooperatives, the same province first; then
 * more from the same cooperative. Read from the discovery index, so only published products of active
 * cooperatives appear. `sameCooperative: false` skips the second list (the product page builds its own).
 */
export function relatedProducts({
  productId,
  limit = 8,
  today = todayInVietnam(),
  sameCooperative = true,
}: {
  productId: number;
  limit?: number;
  today?: string;
  sameCooperative?: boolean;
}) {
  const { stmt, tokenOf } = searchIndex;
  const self = stmt("SELECT cooperative_id AS coop, category_code AS category, province_code AS province FROM search_attrs WHERE product_id = ?").get(productId) as
    | { coop: number; category: string; province: string }
    | undefined;
  if (!self) return { similar: [], sameCooperative: [] };
  const pick = (match: string, exclude: Set<number>, n: number) =>
    (stmt(
      "SELECT product_fts.rowid FROM product_fts JOIN search_attrs a ON a.product_id = product_fts.rowid WHERE product_fts MATCH ? AND a.cooperative_id <> ? ORDER BY product_fts.rowid DESC LIMIT ?",
    )
      .pluck()
      .all(match, self.coop, n + exclude.size) as number[])
      .filter((id) => !exclude.has(id))
      .slice(0, n);
  const cat = `"${tokenOf.category(self.category)}"`;
  const ids = new Set<number>([productId]);
  const near = pick(`t : (${cat} AND "${tokenOf.province(self.province)}")`, ids, limit);
  near.forEach((id) => ids.add(id));
  const far = near.length < limit ? pick(`t : ${cat}`, ids, limit - near.length) : [];
  if (!sameCooperative) return { similar: productsByIds({ ids: [...near, ...far], today }), sameCooperative: [] };
  const same = stmt("SELECT product_id FROM search_attrs WHERE cooperative_id = ? AND product_id <> ? ORDER BY product_id DESC LIMIT ?")
    .pluck()
    .all(self.coop, productId, limit) as number[];
  return { similar: productsByIds({ ids: [...near, ...far], today }), sameCooperative: productsByIds({ ids: same, today }) };
}

import { cached } from "~/models/search-cache.server";
import type { Filters, ParsedText } from "~/models/search-query.server";
import { stmt } from "~/models/search-sql.server";

/*
 * The product query as FTS5 MATCH expressions over the index tokens, in relevance tiers, read in rowid order and
 * cut by LIMIT; price and date sorts over search_attrs.
 */

export const tokenOf = {
  province: (code: string) => `p${code}`,
  category: (code: string) => `k${code.replace(/\./g, "")}`,
  certification: (type: string) => `c${type.replace(/_/g, "")}`,
  stars: (n: number) => `o${n}`,
  month: (m: number) => `h${m}`,
};

export type Where = { sql: string[]; params: unknown[] };

export function tagsAndChecks(filters: Filters, today: string, omit?: "province" | "category") {
  const tags: string[] = [];
  const where: Where = { sql: [], params: [] };
  if (filters.province && omit !== "province") tags.push(tokenOf.province(filters.province));
  if (filters.category && omit !== "category") tags.push(tokenOf.category(filters.category));
  if (filters.verifiedOnly) tags.push("v");
  if (filters.inStock) tags.push("s");
  if (filters.harvestMonth) tags.push(tokenOf.month(filters.harvestMonth));
  if (filters.certification) {
    tags.push(tokenOf.certification(filters.certification));
    where.sql.push(`a.u_${filters.certification} >= ?`);
    where.params.push(today);
  }
  if (filters.minStars) {
    tags.push(tokenOf.stars(filters.minStars));
    where.sql.push(`a.u_ocop${filters.minStars} >= ?`);
    where.params.push(today);
  }
  if (filters.priceMin !== undefined) {
    where.sql.push("a.price >= ?");
    where.params.push(filters.priceMin);
  }
  if (filters.priceMax !== undefined) {
    where.sql.push("a.price <= ?");
    where.params.push(filters.priceMax);
  }
  if (filters.moqMax !== undefined) {
    where.sql.push("a.min_order_qty <= ?");
    where.params.push(filters.moqMax);
  }
  return { tags: tags.length ? `t : (${tags.map((t) => `"${t}"`).join(" AND ")})` : null, where };
}

export type Tier = { match: string; where: Where };

export function combine(...parts: Where[]): Where {
  return { sql: parts.flatMap((p) => p.sql), params: parts.flatMap((p) => p.params) };
}

/** Every non-empty part ANDed; with nothing at all, the token every document carries. */
export function both(...parts: (string | null | undefined)[]): string {
  const list = parts.filter((p): p is string => !!p);
  return list.length ? list.map((p) => `(${p})`).join(" AND ") : ALL;
}

export const ALL = 't : "all"';

export function relevanceTiers(text: ParsedText, tags: string | null, where: Where): Tier[] {
  if (!text.exact) return [{ match: both(text.folded, tags), where }];
  return [
    { match: both(text.exact, tags), where },
    { match: `(${both(text.folded, tags)}) NOT (${text.exact})`, where },
  ];
}

export function starTiers(base: string, where: Where, today: string): Tier[] {
  const active = (n: number) => ({ sql: [`a.u_ocop${n} >= ?`], params: [today] });
  const notActive = (n: number) => ({ sql: [`coalesce(a.u_ocop${n}, '') < ?`], params: [today] });
  return [
    { match: `(${base}) AND t : "o5"`, where: combine(where, active(5)) },
    { match: `(${base}) AND t : "o4"`, where: combine(where, active(4), notActive(5)) },
    { match: `(${base}) AND t : "o3"`, where: combine(where, active(3), notActive(4)) },
    { match: base, where: combine(where, notActive(3)) },
  ];
}

export function tierFrom(tier: Tier) {
  const join = tier.where.sql.length ? " JOIN search_attrs a ON a.product_id = product_fts.rowid" : "";
  const cond = tier.where.sql.length ? ` AND ${tier.where.sql.join(" AND ")}` : "";
  return { sql: `FROM product_fts${join} WHERE product_fts MATCH ?${cond}`, params: [tier.match, ...tier.where.params] };
}

export function tierIds(tier: Tier, limit: number, offset: number, afterRowid?: number): number[] {
  const from = tierFrom(tier);
  const after = afterRowid !== undefined ? " AND product_fts.rowid < ?" : "";
  return stmt(`SELECT product_fts.rowid ${from.sql}${after} ORDER BY product_fts.rowid DESC LIMIT ? OFFSET ?`)
    .pluck()
    .all(...from.params, ...(afterRowid !== undefined ? [afterRowid] : []), limit, offset) as number[];
}

export function tierCount(tier: Tier): number {
  const from = tierFrom(tier);
  return stmt(`SELECT count(*) ${from.sql}`).pluck().get(...from.params) as number;
}

/** A page across tiers by offset: each tier in rowid order, the next tier after the previous one is exhausted. */
export function pageAcrossTiers(tiers: Tier[], limit: number, offset: number): number[] {
  const ids: number[] = [];
  let skip = offset;
  for (const tier of tiers) {
    const got = tierIds(tier, limit - ids.length, skip);
    if (got.length) {
      ids.push(...got);
      skip = 0;
    } else if (skip > 0) {
      skip = Math.max(0, skip - tierCount(tier));
    }
    if (ids.length >= limit) break;
  }
  return ids;
}

/** Keyset page across tiers: the cursor names the tier and the last rowid seen. */
export function cursorAcrossTiers(tiers: Tier[], limit: number, cursor: { tier: number; last: number } | null) {
  const ids: { id: number; tier: number }[] = [];
  for (let i = cursor?.tier ?? 0; i < tiers.length && ids.length < limit; i++) {
    const after = cursor && i === cursor.tier ? cursor.last : undefined;
    for (const id of tierIds(tiers[i]!, limit - ids.length, 0, after)) ids.push({ id, tier: i });
  }
  return ids;
}

/**
 * Price and date sorts. A dense match set (a common word) walks the search_attrs index in sort order and probes
 * the full-text index per row, stopping after one page; a sparse one collects its matches and sorts them.
 */
export function sortedIds(
  match: string,
  where: Where,
  sort: "price_asc" | "price_desc" | "newest",
  limit: number,
  offset: number,
  dense: boolean,
  keyset?: { value: string | number; id: number },
) {
  const order =
    sort === "price_asc" ? "a.price ASC, a.product_id ASC" : sort === "price_desc" ? "a.price DESC, a.product_id DESC" : "a.published_at DESC, a.product_id DESC";
  const col = sort === "newest" ? "a.published_at" : "a.price";
  const cond = where.sql.length ? ` AND ${where.sql.join(" AND ")}` : "";
  const ks = keyset ? (sort === "price_asc" ? ` AND (${col} > ? OR (${col} = ? AND a.product_id > ?))` : ` AND (${col} < ? OR (${col} = ? AND a.product_id < ?))`) : "";
  const sql = dense
    ? `SELECT a.product_id AS id, ${col} AS v FROM search_attrs a INDEXED BY ${sort === "newest" ? "search_attrs_published_idx" : "search_attrs_price_idx"}
       WHERE EXISTS (SELECT 1 FROM product_fts WHERE product_fts MATCH ? AND product_fts.rowid = a.product_id)${cond}${ks} ORDER BY ${order} LIMIT ? OFFSET ?`
    : `SELECT a.product_id AS id, ${col} AS v FROM product_fts JOIN search_attrs a ON a.product_id = product_fts.rowid WHERE product_fts MATCH ?${cond}${ks} ORDER BY ${order} LIMIT ? OFFSET ?`;
  return stmt(sql).all(match, ...where.params, ...(keyset ? [keyset.value, keyset.value, keyset.id] : []), limit, offset) as { id: number; v: string | number }[];
}

/** Searchable products in all, for the density decision above. */
export function catalogueSize(): number {
  return cached("catalogue-size", () => (stmt("SELECT coalesce(sum(n), 0) FROM search_facet_cube").pluck().get() as number));
}

/** At least this share of the catalogue matching makes walking the sort index cheaper than sorting the matches. */
const DENSE_SHARE = 0.03;

export function isDense(match: string, known: number | undefined): boolean {
  const size = catalogueSize();
  const threshold = Math.max(2000, Math.ceil(size * DENSE_SHARE));
  const n = known ?? (stmt("SELECT count(*) FROM (SELECT 1 FROM product_fts WHERE product_fts MATCH ? LIMIT ?)").pluck().get(match, threshold) as number);
  return n >= threshold;
}

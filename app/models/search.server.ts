import type { Badge } from "~/lib/badges";
import { activeBadgesForProducts } from "~/models/badges.server";
import { todayInVietnam } from "~/lib/certificates";
import { cached } from "~/models/search-cache.server";
import { productStats, type Facets, type ProductStats } from "~/models/search-facets.server";
import { decodeCursor, encodeCursor, MAX_PAGE, PAGE_SIZE, parseQueryText, type Filters, type ParsedText, type ProductQuery } from "~/models/search-query.server";
import { stmt } from "~/models/search-sql.server";
import { both, cursorAcrossTiers, isDense, pageAcrossTiers, relevanceTiers, sortedIds, starTiers, tagsAndChecks, tokenOf } from "~/models/search-tiers.server";

/*
 * Product and cooperative search over the FTS5 index of migration 0001_discovery_fts.
 *
 * Why it is fast at national scale: the index has three columns, x (text with diacritics), f (folded text) and t
 * (filter tokens: province, category, verified, in stock, harvest month, certificate type, OCOP stars). A search is
 * one MATCH whose filters are index tokens, read in rowid order (newest first) and cut by LIMIT, so nothing ranks
 * every match. "Exact diacritics first" is two tiers: the matches of x (what the user typed, diacritics included),
 * then the folded matches of f that are NOT in x. What depends on today's date (certificate expiry) and numeric
 * ranges (price, MOQ) is checked on search_attrs, one primary-key row per candidate; the certificate tokens only
 * say "has a verified certificate of that type", the per-type latest expiry column says whether it is active today.
 * Totals and facet counts need every match, so they are computed once per (query, filters, day, index generation)
 * and cached; any write to the catalogue bumps search_meta.generation through the triggers and so invalidates them.
 *
 * The search is split by concern: search-query (parameters, query text, cursors), search-tiers (the MATCH
 * expressions and page reads), search-facets (totals and facet counts), search-cache (the per-process cache keyed by
 * the index generation), search-cooperatives (the directory), search-sql (statements). This file is the product
 * search itself and the one import for everything else.
 */

export {
  MAX_PAGE,
  MAX_QUERY_LENGTH,
  MAX_TERMS,
  PAGE_SIZE,
  decodeCursor,
  encodeCursor,
  parseQueryText,
  sorts,
  type CertificateType,
  type ParsedText,
  type ProductQuery,
  type Sort,
} from "~/models/search-query.server";
export { clearSearchCache, settledRecounts } from "~/models/search-cache.server";
export { keepSearchCacheWarm, warmSearchCache, type FacetValue, type Facets } from "~/models/search-facets.server";
export {
  cooperativeCountsByProvince,
  recentlyVerifiedCooperatives,
  searchCooperatives,
  type CooperativeHit,
  type CooperativeQuery,
} from "~/models/search-cooperatives.server";

/* ------------------------------------------------------------------ the search */

export type ProductHit = {
  id: number;
  slug: string;
  nameVi: string;
  nameEn: string | null;
  unit: string;
  packSize: string | null;
  price: number;
  minOrderQty: number;
  stock: number;
  gtin: string | null;
  categoryCode: string;
  provinceCode: string;
  provinceName: string;
  publishedAt: string | null;
  cooperative: { id: number; name: string; slug: string; verified: boolean };
  badges: Badge[];
  photo: { path: string; alt: string | null } | null;
};

export type ProductSearchResult = {
  items: ProductHit[];
  total: number | null;
  /** `total` is a lower bound ("1.000+"): a broad text search not counted yet; `facets` is null meanwhile. */
  totalAtLeast: boolean;
  facets: Facets | null;
  page: number;
  pageCount: number | null;
  nextCursor: string | null;
  truncatedQuery: boolean;
};

function hydrate(ids: number[], today: string): ProductHit[] {
  if (!ids.length) return [];
  const placeholders = ids.map(() => "?").join(",");
  const rows = stmt(
    `SELECT p.id, p.slug, p.name_vi AS nameVi, p.name_en AS nameEn, p.unit, p.pack_size AS packSize, p.price,
       p.min_order_qty AS minOrderQty, p.stock, p.gtin, p.category_code AS categoryCode,
       p.origin_province_code AS provinceCode, pr.short_name AS provinceName, p.published_at AS publishedAt,
       o.id AS coopId, o.name AS coopName, o.slug AS coopSlug, o.verified_at AS coopVerifiedAt,
       (SELECT path FROM product_photos ph WHERE ph.product_id = p.id ORDER BY position LIMIT 1) AS photoPath,
       (SELECT alt FROM product_photos ph WHERE ph.product_id = p.id ORDER BY position LIMIT 1) AS photoAlt
     FROM products p JOIN organisations o ON o.id = p.cooperative_id JOIN provinces pr ON pr.code = p.origin_province_code
     WHERE p.id IN (${placeholders})`,
  ).all(...ids) as Record<string, unknown>[];
  const badges = activeBadgesForProducts({ productIds: ids, today });
  const byId = new Map(rows.map((r) => [r.id as number, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    return [
      {
        id,
        slug: r.slug as string,
        nameVi: r.nameVi as string,
        nameEn: (r.nameEn as string | null) ?? null,
        unit: r.unit as string,
        packSize: (r.packSize as string | null) ?? null,
        price: r.price as number,
        minOrderQty: r.minOrderQty as number,
        stock: r.stock as number,
        gtin: (r.gtin as string | null) ?? null,
        categoryCode: r.categoryCode as string,
        provinceCode: r.provinceCode as string,
        provinceName: r.provinceName as string,
        publishedAt: (r.publishedAt as string | null) ?? null,
        cooperative: { id: r.coopId as number, name: r.coopName as string, slug: r.coopSlug as string, verified: r.coopVerifiedAt != null },
        badges: badges.get(id) ?? [],
        photo: r.photoPath ? { path: r.photoPath as string, alt: (r.photoAlt as string | null) ?? null } : null,
      },
    ];
  });
}

/** The ids of one page (or cursor page) of a product search, without hydration: what the benchmark times. */
export function searchProductIds(query: ProductQuery): { ids: number[]; nextCursor: string | null; text: ParsedText; stats: ProductStats | null } {
  const today = query.today ?? todayInVietnam();
  const limit = Math.min(Math.max(query.limit ?? PAGE_SIZE, 1), 100);
  const page = Math.min(Math.max(query.page ?? 1, 1), MAX_PAGE);
  const text = parseQueryText(query.q);
  const filters: Filters = query;
  const { tags, where } = tagsAndChecks(filters, today);
  const sort = query.sort ?? "relevance";
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  const stats =
    query.withStats === false
      ? null
      : productStats(text, filters, today, query.cursor !== undefined ? limit : page * limit);
  // A lower bound says nothing about density: let the sort decide by counting (capped) itself.
  const known = stats && !stats.atLeast ? stats.total : undefined;
  let ids: number[] = [];
  let nextCursor: string | null = null;
  if (sort === "relevance" || sort === "stars") {
    const base = both(text.folded, tags);
    const tiers = sort === "relevance" ? relevanceTiers(text, tags, where) : starTiers(base, where, today);
    if (query.cursor !== undefined) {
      const got = cursorAcrossTiers(tiers, limit + 1, cursor);
      ids = got.slice(0, limit).map((g) => g.id);
      const last = got[limit - 1];
      nextCursor = got.length > limit && last ? encodeCursor({ tier: last.tier, last: last.id }) : null;
    } else {
      ids = pageAcrossTiers(tiers, limit, (page - 1) * limit);
    }
  } else {
    const match = both(text.folded, tags);
    if (query.cursor !== undefined) {
      const keyset = cursor && cursor.value !== undefined ? { value: cursor.value, id: cursor.last } : undefined;
      const rows = sortedIds(match, where, sort, limit + 1, 0, isDense(match, known), keyset);
      ids = rows.slice(0, limit).map((r) => r.id);
      const last = rows[limit - 1];
      nextCursor = rows.length > limit && last ? encodeCursor({ tier: 0, last: last.id, value: last.v }) : null;
    } else {
      ids = sortedIds(match, where, sort, limit, (page - 1) * limit, isDense(match, known)).map((r) => r.id);
    }
  }
  return { ids, nextCursor, text, stats };
}

export function searchProducts(query: ProductQuery): ProductSearchResult {
  const today = query.today ?? todayInVietnam();
  const limit = Math.min(Math.max(query.limit ?? PAGE_SIZE, 1), 100);
  const page = Math.min(Math.max(query.page ?? 1, 1), MAX_PAGE);
  const { ids, nextCursor, text, stats } = searchProductIds({ ...query, today });
  return {
    items: hydrate(ids, today),
    total: stats?.total ?? null,
    totalAtLeast: stats?.atLeast ?? false,
    facets: stats?.facets ?? null,
    page,
    pageCount: stats ? Math.max(1, Math.ceil(stats.total / limit)) : null,
    nextCursor,
    truncatedQuery: text.truncated,
  };
}

/* ------------------------------------------------------------------ browse helpers for the home and province pages */

/** Published, searchable products per current province. */
export function productCountsByProvince(): Map<string, number> {
  return cached("province-counts", () => {
    const rows = stmt("SELECT province_code AS code, sum(n) AS n FROM search_facet_cube GROUP BY province_code HAVING sum(n) > 0").all() as { code: string; n: number }[];
    return new Map(rows.map((r) => [r.code, r.n]));
  });
}

export function productCountsByCategory(): Map<string, number> {
  return cached("category-counts", () => {
    const rows = stmt("SELECT category_code AS code, sum(n) AS n FROM search_facet_cube GROUP BY category_code HAVING sum(n) > 0").all() as { code: string; n: number }[];
    return new Map(rows.map((r) => [r.code, r.n]));
  });
}


export function featuredOcopProducts({ limit = 8, today }: { limit?: number; today?: string } = {}) {
  return searchProducts({ minStars: 4, sort: "stars", limit, today, withStats: false }).items;
}

/** Hydrated products by id, in the given order (used by related products). */
export function productsByIds({ ids, today }: { ids: number[]; today?: string }) {
  return hydrate(ids, today ?? todayInVietnam());
}

/** Statement access for sibling models (related products) that read the same index. */
export const searchIndex = { stmt, tokenOf };

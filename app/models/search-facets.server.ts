import { getDb } from "~/db.server";
import { todayInVietnam } from "~/lib/certificates";
import { certificateTypes } from "~/lib/enums";
import { recount } from "~/models/search-recount.server";
import { cache, cached, cachedStats, countInBackground } from "~/models/search-cache.server";
import { parseQueryText, type Filters, type ParsedText } from "~/models/search-query.server";
import { generation, stmt } from "~/models/search-sql.server";
import { ALL, both, tagsAndChecks, tierFrom, type Where } from "~/models/search-tiers.server";

/*
 * Totals and facet counts of a product search: from the trigger-kept count tables when there is no text, otherwise
 * one grouped pass over the matches; and the warm-up of the filter pages every visitor reaches in one click.
 */

export type FacetValue = { value: string; count: number };
export type Facets = {
  province: FacetValue[];
  category: FacetValue[];
  certification: FacetValue[];
  stars: FacetValue[];
  month: FacetValue[];
  verified: number;
  inStock: number;
};

const flagColumns = (today: string) => {
  // A validated calendar date, inlined so the statement needs no repeated parameter.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error("bad date");
  const d = `'${today}'`;
  return [
    "count(*) AS total",
    "sum(a.verified) AS verified",
    "sum(a.stock > 0) AS in_stock",
    // Certificate types no product carries count 0 without a sum over every match.
    ...certificateTypes.filter(kindPresent).map((t) => `sum(a.u_${t} >= ${d}) AS c_${t}`),
    ...[3, 4, 5].filter((s) => kindPresent(`ocop${s}`)).map((s) => `sum(a.u_ocop${s} >= ${d}) AS s_${s}`),
    ...Array.from({ length: 12 }, (_, i) => `sum((a.harvest_months & ${1 << i}) > 0) AS m_${i + 1}`),
  ].join(", ");
};

/** Whether any searchable product has a verified certificate of this kind (any expiry): a few primary-key seeks. */
function kindPresent(kind: string): boolean {
  return cached(`kind-present:${kind}`, () => !!stmt("SELECT 1 FROM search_expiry_counts WHERE dim = '' AND value = '' AND kind = ? AND n > 0 LIMIT 1").get(kind));
}

export type FlagRow = Record<string, number | null> & { province_code: string; category_code: string };
export type Plan = { queries: { sql: string; params: unknown[] }[]; assemble: (results: unknown[][]) => Stats };

/** One pass over the matches, grouped by province and category, with every flag counted alongside. */
function groupedCounts(match: string, where: Where, today: string) {
  const cond = where.sql.length ? ` AND ${where.sql.join(" AND ")}` : "";
  // Browsing with no text and no token filter: every searchable product, straight from search_attrs.
  const everything = match === ALL;
  return {
    sql: `SELECT a.province_code, a.category_code, ${flagColumns(today)}
     FROM ${everything ? "search_attrs a WHERE 1" : "product_fts JOIN search_attrs a ON a.product_id = product_fts.rowid WHERE product_fts MATCH ?"}${cond}
     GROUP BY a.province_code, a.category_code`,
    params: [...(everything ? [] : [match]), ...where.params],
  };
}

/** The province (or category) facet once that filter is chosen: a plain count per group, no flags. */
function groupCount(match: string, where: Where, key: "province_code" | "category_code") {
  const cond = where.sql.length ? ` AND ${where.sql.join(" AND ")}` : "";
  const everything = match === ALL;
  return {
    sql: `SELECT a.${key}, count(*) AS total
     FROM ${everything ? "search_attrs a WHERE 1" : "product_fts JOIN search_attrs a ON a.product_id = product_fts.rowid WHERE product_fts MATCH ?"}${cond}
     GROUP BY a.${key}`,
    params: [...(everything ? [] : [match]), ...where.params],
  };
}

function sumBy(rows: FlagRow[], key: "province_code" | "category_code"): FacetValue[] {
  const m = new Map<string, number>();
  for (const r of rows) m.set(r[key], (m.get(r[key]) ?? 0) + (r.total ?? 0));
  return [...m].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count);
}

export type Stats = { total: number; facets: Facets };

function statsFrom(rows: FlagRow[], provinceRows: FlagRow[], categoryRows: FlagRow[], certs: Record<string, number | null>): Stats {
  const sum = (col: string) => rows.reduce((n, r) => n + (r[col] ?? 0), 0);
  const cert = (col: string) => certs[col] ?? 0;
  return {
    total: sum("total"),
    facets: {
      province: sumBy(provinceRows, "province_code"),
      category: sumBy(categoryRows, "category_code"),
      certification: certificateTypes.map((t) => ({ value: t, count: cert(`c_${t}`) })).filter((f) => f.count > 0),
      stars: [3, 4, 5].map((s) => ({ value: String(s), count: cert(`s_${s}`) })),
      month: Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), count: sum(`m_${i + 1}`) })),
      verified: sum("verified"),
      inStock: sum("in_stock"),
    },
  };
}

/** Browse and filter-only searches the trigger-kept count tables can answer exactly. */
function cubeAnswers(text: ParsedText, filters: Filters): boolean {
  return (
    !text.folded &&
    !filters.certification &&
    !filters.minStars &&
    filters.priceMin === undefined &&
    filters.priceMax === undefined &&
    filters.moqMax === undefined
  );
}

/**
 * Without text, from search_facet_cube (products per province × category × verified × in stock × harvest months)
 * and search_expiry_counts (products per certificate column and latest expiry date): a few thousand rows summed
 * instead of every match. One cube query without the province and category conditions serves the province facet,
 * the category facet and the totals. Certificate counts are the sum over expiry dates >= today, so they are
 * exact on the day a certificate lapses; when the filters are a combination the expiry table does not keep
 * (harvest month, or province and category together), they come from search_attrs through its indexes.
 */
function cubePlan(filters: Filters, today: string): Plan {
  const cond: string[] = [];
  if (filters.verifiedOnly) cond.push("verified = 1");
  if (filters.inStock) cond.push("in_stock = 1");
  if (filters.harvestMonth) cond.push(`(harvest_months & ${1 << (filters.harvestMonth - 1)}) <> 0`);
  const cube = {
    sql: `SELECT province_code, category_code, sum(n) AS total, sum(n * verified) AS verified, sum(n * in_stock) AS in_stock,
      ${Array.from({ length: 12 }, (_, i) => `sum(CASE WHEN harvest_months & ${1 << i} THEN n ELSE 0 END) AS m_${i + 1}`).join(", ")}
      FROM search_facet_cube${cond.length ? ` WHERE ${cond.join(" AND ")}` : ""} GROUP BY province_code, category_code HAVING sum(n) > 0`,
    params: [] as unknown[],
  };
  const kinds = [...certificateTypes.map((t) => ({ kind: t, col: `c_${t}` })), ...[3, 4, 5].map((s) => ({ kind: `ocop${s}`, col: `s_${s}` }))];
  let certs: { sql: string; params: unknown[] };
  let fromBuckets = false;
  if (!filters.harvestMonth && !(filters.province && filters.category)) {
    fromBuckets = true;
    const [dim, value] = filters.province ? ["p", filters.province] : filters.category ? ["k", filters.category] : ["", ""];
    certs = {
      sql: `SELECT kind, sum(n) AS n FROM search_expiry_counts WHERE dim = ? AND value = ? AND until >= ?${cond.length ? ` AND ${cond.join(" AND ")}` : ""} GROUP BY kind`,
      params: [dim, value, today],
    };
  } else {
    const w: string[] = [];
    const params: unknown[] = [];
    if (filters.province) {
      w.push("a.province_code = ?");
      params.push(filters.province);
    }
    if (filters.category) {
      w.push("a.category_code = ?");
      params.push(filters.category);
    }
    if (filters.verifiedOnly) w.push("a.verified = 1");
    if (filters.inStock) w.push("a.stock > 0");
    if (filters.harvestMonth) w.push(`(a.harvest_months & ${1 << (filters.harvestMonth - 1)}) <> 0`);
    const d = `'${today}'`;
    certs = { sql: `SELECT ${kinds.map((k) => `sum(a.u_${k.kind} >= ${d}) AS ${k.col}`).join(", ")} FROM search_attrs a${w.length ? ` WHERE ${w.join(" AND ")}` : ""}`, params };
  }
  return {
    queries: [cube, certs],
    assemble: ([cubeRows, certRows]) => {
      const all = cubeRows as FlagRow[];
      const inProvince = (r: FlagRow) => !filters.province || r.province_code === filters.province;
      const inCategory = (r: FlagRow) => !filters.category || r.category_code === filters.category;
      const c: Record<string, number | null> = {};
      if (fromBuckets) {
        for (const r of certRows as { kind: string; n: number }[]) {
          const k = kinds.find((x) => x.kind === r.kind);
          if (k) c[k.col] = r.n;
        }
      } else Object.assign(c, (certRows as Record<string, number | null>[])[0] ?? {});
      return statsFrom(all.filter((r) => inProvince(r) && inCategory(r)), all.filter(inCategory), all.filter(inProvince), c);
    },
  };
}

/**
 * The province facet of a filter-only search with one certificate (or star) filter, e.g. "VietGAP, verified" in
 * Vĩnh Long: that facet drops the province and so covers the whole country, but search_expiry_counts keeps
 * exactly this count per province, verified and in stock (likewise per category). Null when other filters apply.
 */
function expiryBucketCount(filters: Filters, omit: "province" | "category", today: string) {
  const kinds = [filters.certification, filters.minStars ? `ocop${filters.minStars}` : undefined].filter((k): k is string => !!k);
  const otherDim = omit === "province" ? filters.category : filters.province;
  if (kinds.length !== 1 || otherDim || filters.harvestMonth || filters.priceMin !== undefined || filters.priceMax !== undefined || filters.moqMax !== undefined) return null;
  const key = omit === "province" ? "province_code" : "category_code";
  return {
    sql: `SELECT value AS ${key}, sum(n) AS total FROM search_expiry_counts WHERE dim = ? AND kind = ? AND until >= ?${filters.verifiedOnly ? " AND verified = 1" : ""}${filters.inStock ? " AND in_stock = 1" : ""} GROUP BY value HAVING sum(n) > 0`,
    params: [omit === "province" ? "p" : "k", kinds[0], today],
  };
}

/**
 * Totals and facet counts. Province and category facets leave out their own filter (so other provinces still show
 * their counts once one is chosen); the other facets count within the current results. Without a province or
 * category filter everything comes from one grouped pass.
 */
export function statsPlan(text: ParsedText, filters: Filters, today: string): Plan {
  if (cubeAnswers(text, filters)) return cubePlan(filters, today);
  const full = tagsAndChecks(filters, today);
  const queries = [groupedCounts(both(text.folded, full.tags), full.where, today)];
  const other = (omit: "province" | "category") => {
    const fromBuckets = !text.folded && expiryBucketCount(filters, omit, today);
    if (fromBuckets) return fromBuckets;
    const t = tagsAndChecks(filters, today, omit);
    return groupCount(both(text.folded, t.tags), t.where, omit === "province" ? "province_code" : "category_code");
  };
  if (filters.province) queries.push(other("province"));
  if (filters.category) queries.push(other("category"));
  return {
    queries,
    assemble: (results) => {
      const rows = results[0] as FlagRow[];
      let i = 1;
      const provinceRows = filters.province ? (results[i++] as FlagRow[]) : rows;
      const categoryRows = filters.category ? (results[i++] as FlagRow[]) : rows;
      const certs: Record<string, number> = {};
      for (const r of rows) for (const [k, v] of Object.entries(r)) if ((k.startsWith("c_") || k.startsWith("s_")) && typeof v === "number") certs[k] = (certs[k] ?? 0) + v;
      return statsFrom(rows, provinceRows, categoryRows, certs);
    },
  };
}

export function statsKey(text: ParsedText, filters: Filters, today: string) {
  const f = filters;
  return JSON.stringify([text.folded, text.exact, f.province, f.category, f.verifiedOnly, f.inStock, f.harvestMonth, f.certification, f.minStars, f.priceMin, f.priceMax, f.moqMax, today]);
}

/**
 * Counts the filter pages every visitor can reach in one click (each certificate, each star threshold, verified,
 * in stock) on the worker thread, at server start and again just after midnight in Viet Nam (the cache key holds
 * the date), so their first visitor does not pay a nationwide count. Browse, province and category pages need no
 * warming: the count tables answer them directly. Correctness never depends on this: a cold entry is counted
 * on demand as before.
 */
export function warmSearchCache(): Promise<void> {
  const today = todayInVietnam();
  const text = parseQueryText(undefined);
  const hot: Filters[] = [
    ...certificateTypes.map((certification) => ({ certification })),
    ...([3, 4, 5] as const).map((minStars) => ({ minStars })),
    { verifiedOnly: true },
    { inStock: true },
  ];
  let file: string;
  try {
    file = getDb().$client.name;
  } catch {
    return Promise.resolve();
  }
  let chain = Promise.resolve();
  for (const filters of hot) {
    const key = statsKey(text, filters, today);
    if (cache.has(key)) continue;
    chain = chain.then(async () => {
      const gen = generation();
      const plan = statsPlan(text, filters, today);
      const started = performance.now();
      const results = await recount(file, plan.queries);
      if (!results || cache.has(key)) return;
      cache.set(key, { generation: gen, value: plan.assemble(results), at: Date.now(), cost: performance.now() - started });
    }).catch(() => undefined);
  }
  return chain;
}

let warming: ReturnType<typeof setTimeout> | undefined;
/** Warms now and after every midnight in Viet Nam; the timer never keeps the process alive. */
export function keepSearchCacheWarm() {
  if (warming) return;
  const schedule = () => {
    const now = Date.now();
    const vnMidnight = Math.ceil((now + 7 * 3600_000) / 86_400_000) * 86_400_000 - 7 * 3600_000;
    warming = setTimeout(() => {
      void warmSearchCache();
      schedule();
    }, vnMidnight - now + 1000);
    warming.unref();
  };
  void warmSearchCache();
  schedule();
}


/* ------------------------------------------------------------------ a text search never counted before */

/**
 * Above this many matches, a text search that no one has counted yet answers at once with "1.000+" and no facet
 * counts, and is counted on the worker thread for the next visitor. Counting every match of a broad word (tens of
 * thousands at national scale) took 40–190 ms; stopping at the first 1,001 matches takes about a millisecond.
 */
export const EXACT_COUNT_LIMIT = 1000;

/** Totals and facets as a page shows them: `atLeast` means `total` is a lower bound and `facets` is null. */
export type ProductStats = { total: number; facets: Facets | null; atLeast: boolean };

/** Matches of one MATCH plus conditions, counted up to `cap` (FTS5 stops reading there). */
function cappedCount(match: string, where: Where, cap: number): number {
  const from = tierFrom({ match, where });
  return stmt(`SELECT count(*) FROM (SELECT 1 ${from.sql} LIMIT ?)`).pluck().get(...from.params, cap) as number;
}

/**
 * Totals and facet counts of a product search. Exact whenever they are cached (for this generation, or an older one
 * being recounted), come from the count tables (no text), or are cheap: every query of the count plan has at most
 * EXACT_COUNT_LIMIT matches. Otherwise the total is exact up to the limit (`atLeast` beyond it), facets are left out,
 * and the full count runs in the background. `reach` is how far into the results the caller reads (page × size):
 * a page past the limit needs the exact total and waits for it.
 */
export function productStats(text: ParsedText, filters: Filters, today: string, reach = 0): ProductStats {
  const key = statsKey(text, filters, today);
  const plan = () => statsPlan(text, filters, today);
  if (!text.folded || cache.has(key) || reach > EXACT_COUNT_LIMIT) return { ...cachedStats(key, plan), atLeast: false };
  const full = tagsAndChecks(filters, today);
  const n = cappedCount(both(text.folded, full.tags), full.where, EXACT_COUNT_LIMIT + 1);
  // The province and category facets drop their own filter, so they can cover far more matches than the results.
  const facetsBroad = (["province", "category"] as const)
    .filter((omit) => filters[omit])
    .some((omit) => {
      const t = tagsAndChecks(filters, today, omit);
      return cappedCount(both(text.folded, t.tags), t.where, EXACT_COUNT_LIMIT + 1) > EXACT_COUNT_LIMIT;
    });
  if ((n <= EXACT_COUNT_LIMIT && !facetsBroad) || !countInBackground(key, plan)) return { ...cachedStats(key, plan), atLeast: false };
  return { total: Math.min(n, EXACT_COUNT_LIMIT), facets: null, atLeast: n > EXACT_COUNT_LIMIT };
}

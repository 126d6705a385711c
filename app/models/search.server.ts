import type Database from "better-sqlite3";
import { getDb } from "~/db.server";
import { activeBadgesForProducts } from "~/models/badges.server";
import type { Badge } from "~/lib/badges";
import { todayInVietnam } from "~/lib/certificates";
import { certificateTypes } from "~/lib/enums";
import { fold, normaliseVietnamese } from "~/lib/text";
import { recount } from "~/models/search-recount.server";

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
 */

import { sorts } from "~/lib/search-sorts";
export { sorts };
export type Sort = (typeof sorts)[number];
export type CertificateType = (typeof certificateTypes)[number];

export const MAX_QUERY_LENGTH = 200;
export const MAX_TERMS = 10;
export const PAGE_SIZE = 20;
export const MAX_PAGE = 500;

export type ProductQuery = {
  q?: string;
  /** Current province code (already resolved from a former name by the caller). */
  province?: string;
  minStars?: 3 | 4 | 5;
  certification?: CertificateType;
  category?: string;
  verifiedOnly?: boolean;
  priceMin?: number;
  priceMax?: number;
  moqMax?: number;
  inStock?: boolean;
  harvestMonth?: number;
  sort?: Sort;
  page?: number;
  cursor?: string;
  limit?: number;
  /** Skip totals and facets (the API's cursor pages do not need them). */
  withStats?: boolean;
  today?: string;
};

/* ------------------------------------------------------------------ query text */

/** Old tone placement for a word written in the new style ("hòa" → "hoà"), so either spelling in the data matches. */
function oldTonePlacement(word: string): string {
  return word
    .normalize("NFD")
    .replace(/(?<![qQ])([oOuU])([\u0300\u0301\u0303\u0309\u0323])([aAeEyY])(?!\p{L})/gu, "$1$3$2")
    .normalize("NFC");
}

export type ParsedText = { exact: string | null; folded: string | null; terms: string[]; truncated: boolean };

/**
 * Turns what the user typed into two FTS5 expressions. Only letters and digits survive, each term is quoted, so
 * FTS syntax (`"`, `*`, `NEAR`, `-`, `(`, `:`) is searched as text or dropped, never parsed. The last term is a
 * prefix (as the user types) when it has at least two characters.
 */
export function parseQueryText(input: string | undefined): ParsedText {
  const raw = (input ?? "").normalize("NFC");
  const truncated = raw.length > MAX_QUERY_LENGTH;
  const words = (raw.slice(0, MAX_QUERY_LENGTH).match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_TERMS);
  if (!words.length) return { exact: null, folded: null, terms: [], truncated };
  // Typed without diacritics, every match is as exact as any other: one folded tier, no exact pass.
  const hasDiacritics = words.some((w) => fold(w) !== w.toLowerCase());
  const quote = (s: string) => `"${s.replace(/"/g, "")}"`;
  const exactParts: string[] = [];
  const foldedParts: string[] = [];
  words.forEach((word, i) => {
    const prefix = i === words.length - 1 && fold(word).length >= 2 ? "*" : "";
    const lower = normaliseVietnamese(word.toLowerCase());
    const variants = [...new Set([lower, oldTonePlacement(lower)])];
    exactParts.push(variants.length > 1 ? `(${variants.map((v) => quote(v) + prefix).join(" OR ")})` : quote(lower) + prefix);
    foldedParts.push(quote(fold(word)) + prefix);
  });
  return { exact: hasDiacritics ? `x : (${exactParts.join(" AND ")})` : null, folded: `f : (${foldedParts.join(" AND ")})`, terms: words, truncated };
}

/* ------------------------------------------------------------------ statements */

let statementDb: Database.Database | undefined;
const statements = new Map<string, Database.Statement>();

function stmt(sql: string): Database.Statement {
  const client = getDb().$client;
  if (client !== statementDb) {
    statements.clear();
    statementDb = client;
  }
  let s = statements.get(sql);
  if (!s) {
    s = client.prepare(sql);
    statements.set(sql, s);
  }
  return s;
}

function generation(): number {
  return (stmt("SELECT generation FROM search_meta WHERE id = 1").pluck().get() as number | undefined) ?? 0;
}

/* ------------------------------------------------------------------ cache of totals and facets */

const CACHE_SIZE = 1000;
/** Facet entries that took longer than this to count are recounted in the background after a write. */
const EXPENSIVE_MS = 40;
const cache = new Map<string, { generation: number; value: unknown; at: number; cost: number }>();

/** Small derived numbers (catalogue size, counts per province), exact after every write. */
function cached<T>(key: string, compute: () => T): T {
  const gen = generation();
  const hit = cache.get(key);
  if (hit && hit.generation === gen) return hit.value as T;
  const start = performance.now();
  const value = compute();
  cache.set(key, { generation: gen, value, at: Date.now(), cost: performance.now() - start });
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return value;
}

const refreshing = new Set<string>();
/**
 * Only broad searches (this many rows counted) are ever served from an older generation: the decision rests on the
 * work, not on timing alone, so a selective search or a small catalogue is exact after every write even on a busy
 * machine.
 */
const BROAD_MATCHES = 10_000;
const counted = (s: Stats) =>
  Math.max(s.total, ...[s.facets.province, s.facets.category].map((list) => list.reduce((n, v) => n + v.count, 0)));

/**
 * Totals and facets of a product search. A current entry is returned as is; an entry from an older generation that
 * was cheap or selective is recomputed now (so small catalogues and selective searches are exact after every write); an
 * expensive one is returned as it was and recounted on the worker thread, replacing the entry when it finishes, so
 * no request waits for a broad recount and the event loop stays free meanwhile. The key holds today's date, so a
 * stale entry is still right about which certificates are active today; it may miss the writes made since.
 */
function cachedStats(key: string, plan: () => Plan): Stats {
  const gen = generation();
  const hit = cache.get(key);
  if (hit && hit.generation === gen) {
    cache.delete(key);
    cache.set(key, hit);
    return hit.value as Stats;
  }
  if (hit && hit.cost > EXPENSIVE_MS && counted(hit.value as Stats) >= BROAD_MATCHES) {
    if (!refreshing.has(key)) {
      const p = plan();
      const started = performance.now();
      const job = recount(getDb().$client.name, p.queries);
      if (job) {
        refreshing.add(key);
        const done = job
          .then((results) => {
            cache.delete(key);
            cache.set(key, { generation: gen, value: p.assemble(results), at: Date.now(), cost: Math.max(hit.cost, performance.now() - started) });
            if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
          })
          .catch(() => cache.delete(key))
          .finally(() => {
            refreshing.delete(key);
            inFlight.delete(done);
          });
        inFlight.add(done);
      }
    }
    if (refreshing.has(key)) return hit.value as Stats;
  }
  const p = plan();
  const start = performance.now();
  const value = p.assemble(p.queries.map((q) => stmt(q.sql).all(...q.params)));
  cache.delete(key);
  cache.set(key, { generation: gen, value, at: Date.now(), cost: performance.now() - start });
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return value;
}

const inFlight = new Set<Promise<unknown>>();

/** Resolves when every background recount started so far has finished (benchmark, tests). */
export async function settledRecounts(): Promise<void> {
  while (inFlight.size) await Promise.allSettled([...inFlight]);
}

function statsKey(text: ParsedText, filters: Filters, today: string) {
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

/** For the benchmark: measure the cold path. */
export function clearSearchCache() {
  cache.clear();
}

/* ------------------------------------------------------------------ building the product query */

type Filters = Omit<ProductQuery, "q" | "sort" | "page" | "cursor" | "limit" | "withStats" | "today">;

const tokenOf = {
  province: (code: string) => `p${code}`,
  category: (code: string) => `k${code.replace(/\./g, "")}`,
  certification: (type: string) => `c${type.replace(/_/g, "")}`,
  stars: (n: number) => `o${n}`,
  month: (m: number) => `h${m}`,
};

type Where = { sql: string[]; params: unknown[] };

function tagsAndChecks(filters: Filters, today: string, omit?: "province" | "category") {
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

type Tier = { match: string; where: Where };

function combine(...parts: Where[]): Where {
  return { sql: parts.flatMap((p) => p.sql), params: parts.flatMap((p) => p.params) };
}

/** Every non-empty part ANDed; with nothing at all, the token every document carries. */
function both(...parts: (string | null | undefined)[]): string {
  const list = parts.filter((p): p is string => !!p);
  return list.length ? list.map((p) => `(${p})`).join(" AND ") : ALL;
}

const ALL = 't : "all"';

function relevanceTiers(text: ParsedText, tags: string | null, where: Where): Tier[] {
  if (!text.exact) return [{ match: both(text.folded, tags), where }];
  return [
    { match: both(text.exact, tags), where },
    { match: `(${both(text.folded, tags)}) NOT (${text.exact})`, where },
  ];
}

function starTiers(base: string, where: Where, today: string): Tier[] {
  const active = (n: number) => ({ sql: [`a.u_ocop${n} >= ?`], params: [today] });
  const notActive = (n: number) => ({ sql: [`coalesce(a.u_ocop${n}, '') < ?`], params: [today] });
  return [
    { match: `(${base}) AND t : "o5"`, where: combine(where, active(5)) },
    { match: `(${base}) AND t : "o4"`, where: combine(where, active(4), notActive(5)) },
    { match: `(${base}) AND t : "o3"`, where: combine(where, active(3), notActive(4)) },
    { match: base, where: combine(where, notActive(3)) },
  ];
}

function tierFrom(tier: Tier) {
  const join = tier.where.sql.length ? " JOIN search_attrs a ON a.product_id = product_fts.rowid" : "";
  const cond = tier.where.sql.length ? ` AND ${tier.where.sql.join(" AND ")}` : "";
  return { sql: `FROM product_fts${join} WHERE product_fts MATCH ?${cond}`, params: [tier.match, ...tier.where.params] };
}

function tierIds(tier: Tier, limit: number, offset: number, afterRowid?: number): number[] {
  const from = tierFrom(tier);
  const after = afterRowid !== undefined ? " AND product_fts.rowid < ?" : "";
  return stmt(`SELECT product_fts.rowid ${from.sql}${after} ORDER BY product_fts.rowid DESC LIMIT ? OFFSET ?`)
    .pluck()
    .all(...from.params, ...(afterRowid !== undefined ? [afterRowid] : []), limit, offset) as number[];
}

function tierCount(tier: Tier): number {
  const from = tierFrom(tier);
  return stmt(`SELECT count(*) ${from.sql}`).pluck().get(...from.params) as number;
}

/** A page across tiers by offset: each tier in rowid order, the next tier after the previous one is exhausted. */
function pageAcrossTiers(tiers: Tier[], limit: number, offset: number): number[] {
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
function cursorAcrossTiers(tiers: Tier[], limit: number, cursor: { tier: number; last: number } | null) {
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
function sortedIds(
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
function catalogueSize(): number {
  return cached("catalogue-size", () => (stmt("SELECT coalesce(sum(n), 0) FROM search_facet_cube").pluck().get() as number));
}

/** At least this share of the catalogue matching makes walking the sort index cheaper than sorting the matches. */
const DENSE_SHARE = 0.03;

function isDense(match: string, known: number | undefined): boolean {
  const size = catalogueSize();
  const threshold = Math.max(2000, Math.ceil(size * DENSE_SHARE));
  const n = known ?? (stmt("SELECT count(*) FROM (SELECT 1 FROM product_fts WHERE product_fts MATCH ? LIMIT ?)").pluck().get(match, threshold) as number);
  return n >= threshold;
}

/* ------------------------------------------------------------------ facets */

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

type FlagRow = Record<string, number | null> & { province_code: string; category_code: string };
type Plan = { queries: { sql: string; params: unknown[] }[]; assemble: (results: unknown[][]) => Stats };

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

type Stats = { total: number; facets: Facets };

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
function statsPlan(text: ParsedText, filters: Filters, today: string): Plan {
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

/* ------------------------------------------------------------------ cursors */

type Cursor = { tier: number; last: number; value?: string | number };

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString("base64url");
}

export function decodeCursor(s: string): Cursor | null {
  try {
    const c: unknown = JSON.parse(Buffer.from(s, "base64url").toString("utf8"));
    if (typeof c !== "object" || c === null) return null;
    const { tier, last, value } = c as Record<string, unknown>;
    if (!Number.isInteger(tier) || !Number.isInteger(last)) return null;
    if (value !== undefined && typeof value !== "string" && typeof value !== "number") return null;
    return { tier: tier as number, last: last as number, value: value as string | number | undefined };
  } catch {
    return null;
  }
}

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
export function searchProductIds(query: ProductQuery): { ids: number[]; nextCursor: string | null; text: ParsedText; stats: Stats | null } {
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
      : cachedStats(statsKey(text, filters, today), () => statsPlan(text, filters, today));
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
      const rows = sortedIds(match, where, sort, limit + 1, 0, isDense(match, stats?.total), keyset);
      ids = rows.slice(0, limit).map((r) => r.id);
      const last = rows[limit - 1];
      nextCursor = rows.length > limit && last ? encodeCursor({ tier: 0, last: last.id, value: last.v }) : null;
    } else {
      ids = sortedIds(match, where, sort, limit, (page - 1) * limit, isDense(match, stats?.total)).map((r) => r.id);
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
    facets: stats?.facets ?? null,
    page,
    pageCount: stats ? Math.max(1, Math.ceil(stats.total / limit)) : null,
    nextCursor,
    truncatedQuery: text.truncated,
  };
}

/* ------------------------------------------------------------------ cooperatives */

export type CooperativeQuery = {
  q?: string;
  province?: string;
  certification?: CertificateType;
  verifiedOnly?: boolean;
  page?: number;
  cursor?: string;
  limit?: number;
  today?: string;
};

export type CooperativeHit = {
  id: number;
  name: string;
  slug: string;
  provinceCode: string;
  provinceName: string;
  commune: string | null;
  cooperativeType: string | null;
  verified: boolean;
  verifiedAt: string | null;
  memberCount: number | null;
  mainProducts: string | null;
  productCount: number;
  badges: Badge[];
};

function coopTiers(query: CooperativeQuery, today: string): Tier[] {
  const text = parseQueryText(query.q);
  const tags: string[] = [];
  const where: Where = { sql: [], params: [] };
  if (query.province) tags.push(tokenOf.province(query.province));
  if (query.verifiedOnly) tags.push("v");
  if (query.certification) {
    tags.push(tokenOf.certification(query.certification));
    where.sql.push(
      "EXISTS (SELECT 1 FROM certificates c WHERE c.cooperative_id = coop_fts.rowid AND c.type = ? AND c.status = 'verified' AND (c.expiry_date IS NULL OR c.expiry_date >= ?))",
    );
    where.params.push(query.certification, today);
  }
  const t = tags.length ? `t : (${tags.map((x) => `"${x}"`).join(" AND ")})` : null;
  return relevanceTiers(text, t, where);
}

function coopTierIds(tier: Tier, limit: number, offset: number, after?: number): number[] {
  const cond = tier.where.sql.length ? ` AND ${tier.where.sql.join(" AND ")}` : "";
  const a = after !== undefined ? " AND coop_fts.rowid < ?" : "";
  return stmt(`SELECT coop_fts.rowid FROM coop_fts WHERE coop_fts MATCH ?${cond}${a} ORDER BY coop_fts.rowid DESC LIMIT ? OFFSET ?`)
    .pluck()
    .all(tier.match, ...tier.where.params, ...(after !== undefined ? [after] : []), limit, offset) as number[];
}

function coopTierCount(tier: Tier): number {
  const cond = tier.where.sql.length ? ` AND ${tier.where.sql.join(" AND ")}` : "";
  return stmt(`SELECT count(*) FROM coop_fts WHERE coop_fts MATCH ?${cond}`).pluck().get(tier.match, ...tier.where.params) as number;
}

function hydrateCoops(ids: number[], today: string): CooperativeHit[] {
  if (!ids.length) return [];
  const rows = stmt(
    `SELECT o.id, o.name, o.slug, o.province_code AS provinceCode, pr.short_name AS provinceName, o.commune,
       o.cooperative_type AS cooperativeType, o.verified_at AS verifiedAt, o.member_count AS memberCount,
       o.main_products AS mainProducts, (SELECT count(*) FROM search_attrs a WHERE a.cooperative_id = o.id) AS productCount
     FROM organisations o JOIN provinces pr ON pr.code = o.province_code WHERE o.id IN (${ids.map(() => "?").join(",")})`,
  ).all(...ids) as Record<string, unknown>[];
  const certRows = stmt(
    `SELECT cooperative_id AS id, type, ocop_stars AS ocopStars FROM certificates WHERE cooperative_id IN (${ids.map(() => "?").join(",")})
       AND status = 'verified' AND (expiry_date IS NULL OR expiry_date >= ?)`,
  ).all(...ids, today) as { id: number; type: string; ocopStars: number | null }[];
  const byId = new Map(rows.map((r) => [r.id as number, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    const badges: Badge[] = [];
    for (const c of certRows) {
      if (c.id === id && !badges.some((b) => b.type === c.type && b.ocopStars === c.ocopStars)) badges.push({ type: c.type, ocopStars: c.ocopStars });
    }
    return [
      {
        id,
        name: r.name as string,
        slug: r.slug as string,
        provinceCode: r.provinceCode as string,
        provinceName: r.provinceName as string,
        commune: (r.commune as string | null) ?? null,
        cooperativeType: (r.cooperativeType as string | null) ?? null,
        verified: r.verifiedAt != null,
        verifiedAt: (r.verifiedAt as string | null) ?? null,
        memberCount: (r.memberCount as number | null) ?? null,
        mainProducts: (r.mainProducts as string | null) ?? null,
        productCount: r.productCount as number,
        badges,
      },
    ];
  });
}

export function searchCooperatives(query: CooperativeQuery) {
  const today = query.today ?? todayInVietnam();
  const limit = Math.min(Math.max(query.limit ?? PAGE_SIZE, 1), 100);
  const page = Math.min(Math.max(query.page ?? 1, 1), MAX_PAGE);
  const tiers = coopTiers(query, today);
  const key = JSON.stringify(["coop", tiers.map((t) => [t.match, t.where.params]), today]);
  const total = cached(key, () => tiers.reduce((n, t) => n + coopTierCount(t), 0));
  let ids: number[] = [];
  let nextCursor: string | null = null;
  if (query.cursor !== undefined) {
    const cursor = query.cursor ? decodeCursor(query.cursor) : null;
    const got: { id: number; tier: number }[] = [];
    for (let i = cursor?.tier ?? 0; i < tiers.length && got.length < limit + 1; i++) {
      for (const id of coopTierIds(tiers[i]!, limit + 1 - got.length, 0, cursor && i === cursor.tier ? cursor.last : undefined)) got.push({ id, tier: i });
    }
    ids = got.slice(0, limit).map((g) => g.id);
    const last = got[limit - 1];
    nextCursor = got.length > limit && last ? encodeCursor({ tier: last.tier, last: last.id }) : null;
  } else {
    let skip = (page - 1) * limit;
    for (const tier of tiers) {
      const got = coopTierIds(tier, limit - ids.length, skip);
      if (got.length) {
        ids.push(...got);
        skip = 0;
      } else if (skip > 0) skip = Math.max(0, skip - coopTierCount(tier));
      if (ids.length >= limit) break;
    }
  }
  return { items: hydrateCoops(ids, today), total, page, pageCount: Math.max(1, Math.ceil(total / limit)), nextCursor };
}

/* ------------------------------------------------------------------ browse helpers for the home and province pages */

/** Published, searchable products per current province. */
export function productCountsByProvince(): Map<string, number> {
  return cached("province-counts", () => {
    const rows = stmt("SELECT province_code AS code, sum(n) AS n FROM search_facet_cube GROUP BY province_code HAVING sum(n) > 0").all() as { code: string; n: number }[];
    return new Map(rows.map((r) => [r.code, r.n]));
  });
}

export function cooperativeCountsByProvince(): Map<string, number> {
  return cached("coop-counts", () => {
    const rows = stmt(
      "SELECT province_code AS code, count(*) AS n FROM organisations WHERE kind = 'cooperative' AND status = 'active' GROUP BY province_code",
    ).all() as { code: string; n: number }[];
    return new Map(rows.map((r) => [r.code, r.n]));
  });
}

export function productCountsByCategory(): Map<string, number> {
  return cached("category-counts", () => {
    const rows = stmt("SELECT category_code AS code, sum(n) AS n FROM search_facet_cube GROUP BY category_code HAVING sum(n) > 0").all() as { code: string; n: number }[];
    return new Map(rows.map((r) => [r.code, r.n]));
  });
}

export function recentlyVerifiedCooperatives({ limit = 6, today }: { limit?: number; today?: string } = {}) {
  const ids = stmt(
    "SELECT id FROM organisations WHERE kind = 'cooperative' AND status = 'active' AND verified_at IS NOT NULL ORDER BY verified_at DESC, id DESC LIMIT ?",
  )
    .pluck()
    .all(limit) as number[];
  return hydrateCoops(ids, today ?? todayInVietnam());
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

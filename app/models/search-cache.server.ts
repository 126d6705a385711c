import { getDb } from "~/db.server";
import { recount } from "~/models/search-recount.server";
import type { Plan, Stats } from "~/models/search-facets.server";
import { generation, stmt } from "~/models/search-sql.server";

/*
 * The in-process cache of totals and facet counts. Each entry carries the index generation it was counted at; the
 * generation lives in the database (search_meta, bumped by the triggers), so a write made through any worker
 * process invalidates the entries of every process at its next read.
 */

const CACHE_SIZE = 1000;
/** Facet entries that took longer than this to count are recounted in the background after a write. */
const EXPENSIVE_MS = 40;
export const cache = new Map<string, { generation: number; value: unknown; at: number; cost: number }>();

/** Small derived numbers (catalogue size, counts per province), exact after every write. */
export function cached<T>(key: string, compute: () => T): T {
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
export const counted = (s: Stats) =>
  Math.max(s.total, ...[s.facets.province, s.facets.category].map((list) => list.reduce((n, v) => n + v.count, 0)));

/**
 * Totals and facets of a product search. A current entry is returned as is; an entry from an older generation that
 * was cheap or selective is recomputed now (so small catalogues and selective searches are exact after every write); an
 * expensive one is returned as it was and recounted on the worker thread, replacing the entry when it finishes, so
 * no request waits for a broad recount and the event loop stays free meanwhile. The key holds today's date, so a
 * stale entry is still right about which certificates are active today; it may miss the writes made since.
 */
export function cachedStats(key: string, plan: () => Plan): Stats {
  const gen = generation();
  const hit = cache.get(key);
  if (hit && hit.generation === gen) {
    cache.delete(key);
    cache.set(key, hit);
    return hit.value as Stats;
  }
  if (hit && hit.cost > EXPENSIVE_MS && counted(hit.value as Stats) >= BROAD_MATCHES && countInBackground(key, plan, hit.cost)) {
    return hit.value as Stats;
  }
  const p = plan();
  const start = performance.now();
  const value = p.assemble(p.queries.map((q) => stmt(q.sql).all(...q.params)));
  cache.delete(key);
  cache.set(key, { generation: gen, value, at: Date.now(), cost: performance.now() - start });
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return value;
}

/**
 * Counts a search on the worker thread and stores the answer under `key` at the generation of now, so no request
 * waits for it. True while such a count is under way (one per key and process); false when none can run (no file).
 */
export function countInBackground(key: string, plan: () => Plan, previousCost = 0): boolean {
  if (refreshing.has(key)) return true;
  const gen = generation();
  const p = plan();
  const started = performance.now();
  const job = recount(getDb().$client.name, p.queries);
  if (!job) return false;
  refreshing.add(key);
  const done = job
    .then((results) => {
      cache.delete(key);
      cache.set(key, { generation: gen, value: p.assemble(results), at: Date.now(), cost: Math.max(previousCost, performance.now() - started) });
      if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
    })
    .catch(() => cache.delete(key))
    .finally(() => {
      refreshing.delete(key);
      inFlight.delete(done);
    });
  inFlight.add(done);
  return true;
}

export const inFlight = new Set<Promise<unknown>>();

/** Resolves when every background recount started so far has finished (benchmark, tests). */
export async function settledRecounts(): Promise<void> {
  while (inFlight.size) await Promise.allSettled([...inFlight]);
}

/** For the benchmark: measure the cold path. */
export function clearSearchCache() {
  cache.clear();
}

import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type Database from "better-sqlite3";

/*
 * The saved-search alert fan-out. Writes that can interest a saved search (a product published, a price lowered,
 * an announcement posted) put a row in alert_queue from a trigger, in the writer's own transaction. This module
 * drains the queue: for each item it builds the product's document once, asks the saved_searches anchor index for
 * the few searches that could match (every search is filed under one filter value a matching product must carry:
 * its longest whole term, else its category, province, term prefix, certificate, or "all"), checks only those in
 * JavaScript with the search's own semantics, and records one alert_deliveries row per match (unique per search
 * and item, so nothing is alerted twice).
 *
 * The functions below are self-contained on purpose (no imports, no module constants): the server ships their
 * source to a worker thread with its own connection, so a fan-out over 100,000 searches never runs on the request
 * path or blocks the event loop. Scripts and tests call `drainAlertQueue` directly on their connection.
 */

export type SearchRow = {
  id: number;
  terms: string;
  prefix_last: number;
  province_code: string | null;
  category_code: string | null;
  certification: string | null;
  min_stars: number | null;
  verified_only: number;
  in_stock: number;
  price_min: number | null;
  price_max: number | null;
  moq_max: number | null;
  harvest_month: number | null;
};

export type ProductDoc = {
  text: string;
  province: string;
  category: string;
  price: number;
  minOrderQty: number;
  stock: number;
  verified: boolean;
  harvestMonths: number;
  /** Certificate columns active on the day of matching: `vietgap`, `ocop`, `ocop3`, `ocop4`… */
  active: string[];
};

/** Vietnamese folding as the search index does it (diacritics off, đ→d, lower case). */
export function foldText(input: string): string {
  return input.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase().normalize("NFC");
}

/** The tokens of a document as the FTS5 unicode61 tokenizer sees its folded column. */
export function docTokens(text: string): Set<string> {
  return new Set(foldText(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean));
}

/**
 * Terms of a search as `parseQueryText` makes them: letters and digits only, at most 10 words of the first 200
 * characters, folded; the last word is a prefix when it has at least two characters.
 */
export function searchTerms(q: string): { terms: string[]; prefixLast: boolean } {
  const words = (q.normalize("NFC").slice(0, 200).match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 10);
  const terms = words.map((w) => foldText(w));
  return { terms, prefixLast: terms.length > 0 && terms[terms.length - 1]!.length >= 2 };
}

/**
 * The one index key a matching product must carry, most selective first: a whole term (the longest), the
 * category, the province, the first two letters of a prefix term, a certificate, else "all".
 */
export function anchorFor(s: { terms: string[]; prefixLast: boolean; categoryCode?: string | null; provinceCode?: string | null; certification?: string | null; minStars?: number | null }): string {
  const whole = s.prefixLast ? s.terms.slice(0, -1) : s.terms;
  if (whole.length) return `t:${whole.reduce((a, b) => (b.length > a.length ? b : a))}`;
  if (s.categoryCode) return `k:${s.categoryCode}`;
  if (s.provinceCode) return `p:${s.provinceCode}`;
  if (s.terms.length) return `t2:${s.terms[s.terms.length - 1]!.slice(0, 2)}`;
  if (s.certification) return `c:${s.certification}`;
  if (s.minStars) return "c:ocop";
  return "all";
}

/** Every anchor under which a search that matches this product can be filed. */
export function productKeys(doc: ProductDoc, tokens: Set<string>): string[] {
  const keys = ["all", `k:${doc.category}`, `p:${doc.province}`];
  for (const c of doc.active) if (!/\d$/.test(c)) keys.push(`c:${c}`);
  const two = new Set<string>();
  for (const t of tokens) {
    keys.push(`t:${t}`);
    if (t.length >= 2) two.add(t.slice(0, 2));
  }
  for (const t of two) keys.push(`t2:${t}`);
  return keys;
}

/** Whether a product satisfies a saved search: the same filters and term rules as /search. */
export function searchMatches(s: SearchRow, doc: ProductDoc, tokens: Set<string>): boolean {
  if (s.province_code && s.province_code !== doc.province) return false;
  if (s.category_code && s.category_code !== doc.category) return false;
  if (s.verified_only && !doc.verified) return false;
  if (s.in_stock && !(doc.stock > 0)) return false;
  if (s.harvest_month && !(doc.harvestMonths & (1 << (s.harvest_month - 1)))) return false;
  if (s.certification && !doc.active.includes(s.certification)) return false;
  if (s.min_stars && !doc.active.includes(`ocop${s.min_stars}`)) return false;
  if (s.price_min !== null && doc.price < s.price_min) return false;
  if (s.price_max !== null && doc.price > s.price_max) return false;
  if (s.moq_max !== null && doc.minOrderQty > s.moq_max) return false;
  const terms = JSON.parse(s.terms) as string[];
  for (let i = 0; i < terms.length; i++) {
    const term = terms[i]!;
    if (i === terms.length - 1 && s.prefix_last) {
      let found = false;
      for (const t of tokens) if (t.startsWith(term)) { found = true; break; }
      if (!found) return false;
    } else if (!tokens.has(term)) return false;
  }
  return true;
}

type Client = Database.Database;

/**
 * Drains up to `limit` queue items on `client`, one transaction each. Returns how many items were handled and
 * how many deliveries were recorded. Certificates count when active on `today` (Viet Nam's date).
 */
export function drainAlertQueue(client: Client, { today, limit = 500 }: { today: string; limit?: number }): { items: number; matched: number; candidates: number } {
  const columns = [
    "u_ocop", "u_vietgap", "u_organic", "u_globalgap", "u_iso9001", "u_iso22000", "u_haccp", "u_gi", "u_collective_trademark", "u_planting_area_code", "u_other", "u_ocop3", "u_ocop4", "u_ocop5",
  ];
  const productSql = `SELECT a.*, p.name_vi || ' ' || coalesce(p.description_vi,'') || ' ' || k.name_vi || ' ' || k.group_vi || ' ' || o.name || ' ' || pr.short_name || ' ' ||
      coalesce((SELECT group_concat(f.short_name, ' ') FROM former_provinces f WHERE f.province_code = pr.code AND f.short_name <> pr.short_name),'') || ' ' ||
      coalesce(p.name_en,'') || ' ' || coalesce(p.description_en,'') || ' ' || k.name_en AS doc_text
    FROM search_attrs a JOIN products p ON p.id = a.product_id JOIN organisations o ON o.id = a.cooperative_id
    JOIN ocop_categories k ON k.code = a.category_code JOIN provinces pr ON pr.code = a.province_code WHERE a.product_id = ?`;
  const items = client.prepare("SELECT * FROM alert_queue ORDER BY id LIMIT ?").all(limit) as { id: number; kind: string; product_id: number | null; announcement_id: number | null; price_history_id: number | null; created_at: string }[];
  const product = client.prepare(productSql);
  const announcement = client.prepare("SELECT * FROM harvest_announcements WHERE id = ? AND status = 'open'");
  const history = client.prepare("SELECT * FROM price_history WHERE id = ?");
  const candidates = client.prepare(
    `SELECT id, terms, prefix_last, province_code, category_code, certification, min_stars, verified_only, in_stock, price_min, price_max, moq_max, harvest_month
     FROM saved_searches WHERE anchor IN (SELECT value FROM json_each(?)) AND unsubscribed_at IS NULL AND created_at <= ?`,
  );
  const deliver = client.prepare(
    "INSERT OR IGNORE INTO alert_deliveries (saved_search_id, kind, ref, product_id, announcement_id, old_price, new_price) VALUES (?, ?, ?, ?, ?, ?, ?)",
  );
  const done = client.prepare("DELETE FROM alert_queue WHERE id = ?");
  let matched = 0;
  let seen = 0;
  const handle = client.transaction((item: (typeof items)[number]) => {
    let productId = item.product_id;
    let ann: { id: number; product_id: number; price_min: number; remaining_quantity: number; harvest_from: string; harvest_to: string } | undefined;
    let change: { old_price: number; new_price: number } | undefined;
    if (item.kind === "announcement") {
      ann = announcement.get(item.announcement_id) as typeof ann;
      productId = ann?.product_id ?? null;
    }
    if (item.kind === "price_drop") change = history.get(item.price_history_id) as typeof change;
    const row = productId ? (product.get(productId) as Record<string, unknown> | undefined) : undefined;
    if (!row || (item.kind === "announcement" && !ann) || (item.kind === "price_drop" && !change)) {
      done.run(item.id);
      return;
    }
    const active: string[] = [];
    for (const c of columns) {
      const until = row[c] as string | null;
      if (until && until >= today) active.push(c.slice(2));
    }
    let months = row.harvest_months as number;
    if (ann) {
      // An announced harvest is offered for its window's months, at its indicated price, in its remaining quantity.
      months = 0;
      const from = Number(ann.harvest_from.slice(5, 7));
      const span = (Number(ann.harvest_to.slice(0, 4)) - Number(ann.harvest_from.slice(0, 4))) * 12 + Number(ann.harvest_to.slice(5, 7)) - from;
      for (let i = 0; i <= Math.min(span, 11); i++) months |= 1 << ((from - 1 + i) % 12);
    }
    const doc: ProductDoc = {
      text: row.doc_text as string,
      province: row.province_code as string,
      category: row.category_code as string,
      price: ann ? ann.price_min : change ? change.new_price : (row.price as number),
      minOrderQty: row.min_order_qty as number,
      stock: ann ? ann.remaining_quantity : (row.stock as number),
      verified: !!row.verified,
      harvestMonths: months,
      active,
    };
    const tokens = docTokens(doc.text);
    const found = candidates.all(JSON.stringify(productKeys(doc, tokens)), item.created_at) as SearchRow[];
    seen += found.length;
    const ref = ann ? `announcement:${ann.id}` : change ? `price:${productId}:${change.new_price}` : `product:${productId}`;
    for (const s of found) {
      if (!searchMatches(s, doc, tokens)) continue;
      const r = deliver.run(s.id, item.kind, ref, productId, ann?.id ?? null, change?.old_price ?? null, change?.new_price ?? null);
      matched += r.changes;
    }
    done.run(item.id);
  });
  // IMMEDIATE: the write lock is taken at BEGIN, so a concurrent writer makes this wait (busy timeout) instead of
  // failing when a read snapshot would have to be upgraded.
  for (const item of items) handle.immediate(item);
  return { items: items.length, matched, candidates: seen };
}

/* ---------------------------------------------------------------- the worker thread */

const workerSource = () => `
var __name = (f) => f;
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
${[foldText, docTokens, productKeys, searchMatches, drainAlertQueue].map((f) => f.toString()).join("\n")}
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma("journal_mode = WAL");
db.pragma("busy_timeout = 5000");
db.pragma("foreign_keys = ON");
parentPort.on("message", ({ id, today }) => {
  try {
    let total = { items: 0, matched: 0, candidates: 0 };
    for (;;) {
      const r = drainAlertQueue(db, { today, limit: 200 });
      total = { items: total.items + r.items, matched: total.matched + r.matched, candidates: total.candidates + r.candidates };
      if (r.items < 200) break;
    }
    parentPort.postMessage({ id, result: total });
  } catch (e) {
    parentPort.postMessage({ id, error: String((e && e.message) || e) });
  }
});
`;

let worker: { file: string; w: Worker } | null = null;
let seq = 0;
const waiting = new Map<number, { resolve: (r: { items: number; matched: number; candidates: number }) => void; reject: (e: Error) => void }>();

function workerFor(file: string): Worker | null {
  if (!file || file === ":memory:") return null;
  if (worker?.file === file) return worker.w;
  void worker?.w.terminate();
  const driver = createRequire(import.meta.url).resolve("better-sqlite3");
  const w = new Worker(workerSource(), { eval: true, workerData: { file, driver } });
  w.on("message", (r: { id: number; result?: { items: number; matched: number; candidates: number }; error?: string }) => {
    const done = waiting.get(r.id);
    waiting.delete(r.id);
    if (!waiting.size) w.unref();
    if (r.result) done?.resolve(r.result);
    else done?.reject(new Error(r.error ?? "alert fan-out failed"));
  });
  w.on("error", (e) => {
    for (const d of waiting.values()) d.reject(e);
    waiting.clear();
    if (worker?.w === w) worker = null;
  });
  w.unref();
  worker = { file, w };
  return w;
}

/** Drains the whole queue on the worker thread; null when the database has no file to open (then drain inline). */
export function drainOnWorker(file: string, today: string): Promise<{ items: number; matched: number; candidates: number }> | null {
  const w = workerFor(file);
  if (!w) return null;
  const id = ++seq;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    w.ref();
    w.postMessage({ id, today });
  });
}

export async function stopAlertWorker() {
  const w = worker?.w;
  worker = null;
  if (w) await w.terminate();
}

/**
 * Saved-search alerts: fanning out one new product against 100,000 saved searches on the 500,000-product catalogue.
 * The app's fan-out (app/models/alert-fanout.server.ts: the product's document built once, the saved_searches anchor
 * index asked for the few searches that could match, only those checked) against the naive form (every saved search
 * loaded and checked in JavaScript with the same rules), in the same run. Both record the same deliveries. The app
 * also runs it on a worker thread (`drainOnWorker`), off the request path; that row includes the thread hop.
 *
 * The searches: nine in ten have one to three product words (half typed without diacritics, a fifth cut short as
 * a prefix), two in five a province, three in ten a category or a certificate; the rest are a category or a
 * province alone.
 *
 * Options: BENCH_SIZES=500000 BENCH_SEARCHES=100000 BENCH_ITER=20
 */
import { ensureCatalogue, today } from "./catalogue";
import { anchorFor, docTokens, productKeys, searchMatches, searchTerms, drainAlertQueue, drainOnWorker, stopAlertWorker, type ProductDoc, type SearchRow } from "../../app/models/alert-fanout.server";
import { openDatabase } from "../../db/open";
import { productTemplates } from "../../db/seed/catalogue-data";
import { prng } from "../../db/seed/random";

const sizes = (process.env.BENCH_SIZES ?? "500000").split(",").map(Number);
const SEARCHES = Number(process.env.BENCH_SEARCHES ?? 100_000);
const ITER = Number(process.env.BENCH_ITER ?? 20);
const NAIVE_ITER = 5;
const PER_BUYER = 50;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

/** 100,000 saved searches shaped like real ones: product words (with and without diacritics), prefixes, filters. */
function seedSearches(c: ReturnType<typeof openDatabase>["$client"]) {
  const marker = `alerts:v2:${SEARCHES}`;
  if (c.prepare("SELECT v FROM kv_bench WHERE k = ?").pluck().get(marker)) return;
  const t0 = performance.now();
  const rand = prng(100_000);
  const provinces = c.prepare("SELECT code FROM provinces ORDER BY code").pluck().all() as string[];
  const categories = [...new Set(productTemplates.map((t) => t.category))];
  const words = [...new Set(productTemplates.flatMap((t) => t.vi.split(/\s+/)))].filter((w) => w.length > 1);
  const fold = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D");
  const certs = ["vietgap", "organic", "globalgap", "gi", "ocop"];
  c.transaction(() => {
    c.prepare("DELETE FROM saved_searches").run();
    const insOrg = c.prepare("INSERT INTO organisations (kind, name, slug, province_code, status) VALUES ('buyer', ?, ?, ?, 'active')");
    const insUser = c.prepare("INSERT INTO users (email, name, password_hash) VALUES (?, ?, 'x')");
    const insSearch = c.prepare(
      `INSERT INTO saved_searches (user_id, buyer_id, name, query, terms, prefix_last, province_code, category_code, certification, min_stars,
         verified_only, in_stock, price_min, price_max, moq_max, harvest_month, anchor, unsubscribe_token, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '2025-01-01T00:00:00.000Z')`,
    );
    let buyer = 0;
    let user = 0;
    for (let i = 0; i < SEARCHES; i++) {
      if (i % PER_BUYER === 0) {
        const existing = c.prepare("SELECT id FROM users WHERE email = ?").pluck().get(`bench-buyer-${i / PER_BUYER}@example.vn`) as number | undefined;
        buyer = Number(insOrg.run(`Bench buyer ${i / PER_BUYER}`, `bench-buyer-${i / PER_BUYER}-${Date.now()}`, rand.pick(provinces)).lastInsertRowid);
        user = existing ?? Number(insUser.run(`bench-buyer-${i / PER_BUYER}@example.vn`, `Bench buyer ${i / PER_BUYER}`).lastInsertRowid);
      }
      // Nine in ten name what they look for (one to three words); the rest are a category or a province alone.
      const n = rand.chance(0.9) ? rand.int(1, 3) : 0;
      let q = Array.from({ length: n }, () => rand.pick(words)).join(" ");
      if (rand.chance(0.5)) q = fold(q);
      if (q && rand.chance(0.2)) q = q.slice(0, Math.max(2, q.length - 2));
      const province = rand.chance(0.4) || (n === 0 && rand.chance(0.5)) ? rand.pick(provinces) : null;
      const category = rand.chance(0.3) || (n === 0 && !province) ? rand.pick(categories) : null;
      const certification = rand.chance(0.3) ? rand.pick(certs) : null;
      const minStars = certification === "ocop" && rand.chance(0.5) ? rand.pick([3, 4, 5]) : null;
      const { terms, prefixLast } = searchTerms(q);
      const anchor = anchorFor({ terms, prefixLast, categoryCode: category, provinceCode: province, certification, minStars });
      const query = `q=${encodeURIComponent(q)}&i=${i}`;
      insSearch.run(user, buyer, q || "all", query, JSON.stringify(terms), prefixLast ? 1 : 0, province, category, certification, minStars, rand.chance(0.2) ? 1 : 0, rand.chance(0.2) ? 1 : 0,
        null, rand.chance(0.1) ? rand.int(20, 200) * 1000 : null, null, rand.chance(0.05) ? rand.int(1, 12) : null, anchor, `bench-${i}-${rand.int(0, 1e9)}`);
    }
    c.prepare("INSERT OR REPLACE INTO kv_bench (k, v) VALUES (?, ?)").run(marker, new Date().toISOString());
  })();
  c.exec("ANALYZE saved_searches");
  console.log(`seeded ${SEARCHES.toLocaleString("en")} saved searches in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

for (const size of sizes) {
  const { file, built } = ensureCatalogue(size);
  if (built) console.log(`built ${file}: load ${(built.load / 1000).toFixed(1)} s, index ${(built.index / 1000).toFixed(1)} s`);
  const db = openDatabase(file);
  const c = db.$client;
  seedSearches(c);
  c.prepare("DELETE FROM alert_queue").run();

  // New products to publish, one per measurement: copies of existing published products with new slugs.
  const sample = c.prepare("SELECT id FROM products WHERE status = 'published' ORDER BY id LIMIT 1 OFFSET ?").pluck();
  const copy = c.prepare(
    `INSERT INTO products (cooperative_id, slug, name_vi, name_en, category_code, description_vi, description_en, unit, origin_province_code, harvest_months, price, min_order_qty, stock, status, published_at)
     SELECT cooperative_id, slug || '-alert-' || ?, name_vi, name_en, category_code, description_vi, description_en, unit, origin_province_code, harvest_months, price, min_order_qty, stock, 'published', published_at
     FROM products WHERE id = ?`,
  );
  const rand = prng(7);
  let made = 0;
  /** Publishes one new product (the trigger queues it) and returns its id. */
  const publish = () => Number(copy.run(`${Date.now()}-${made++}`, sample.get(rand.int(0, size - 1))).lastInsertRowid);
  const cleanup = (ids: number[]) => {
    const ins = c.prepare("DELETE FROM alert_deliveries WHERE product_id = ?");
    const del = c.prepare("DELETE FROM products WHERE id = ?");
    c.transaction(() => {
      for (const id of ids) {
        ins.run(id);
        del.run(id);
      }
      c.prepare("DELETE FROM alert_queue").run();
    })();
  };

  const all = c.prepare(
    `SELECT id, terms, prefix_last, province_code, category_code, certification, min_stars, verified_only, in_stock, price_min, price_max, moq_max, harvest_month
     FROM saved_searches WHERE unsubscribed_at IS NULL`,
  );
  const docSql = c.prepare(
    `SELECT a.*, p.name_vi || ' ' || coalesce(p.description_vi,'') || ' ' || k.name_vi || ' ' || k.group_vi || ' ' || o.name || ' ' || pr.short_name || ' ' ||
      coalesce((SELECT group_concat(f.short_name, ' ') FROM former_provinces f WHERE f.province_code = pr.code AND f.short_name <> pr.short_name),'') || ' ' ||
      coalesce(p.name_en,'') || ' ' || coalesce(p.description_en,'') || ' ' || k.name_en AS doc_text
     FROM search_attrs a JOIN products p ON p.id = a.product_id JOIN organisations o ON o.id = a.cooperative_id
     JOIN ocop_categories k ON k.code = a.category_code JOIN provinces pr ON pr.code = a.province_code WHERE a.product_id = ?`,
  );
  const columns = ["ocop", "vietgap", "organic", "globalgap", "iso9001", "iso22000", "haccp", "gi", "collective_trademark", "planting_area_code", "other", "ocop3", "ocop4", "ocop5"];
  /** The naive form: every saved search loaded and checked against the product in JavaScript. */
  const naive = (productId: number) => {
    const row = docSql.get(productId) as Record<string, unknown>;
    const active = columns.filter((k) => ((row[`u_${k}`] as string | null) ?? "") >= today);
    const doc: ProductDoc = { text: row.doc_text as string, province: row.province_code as string, category: row.category_code as string, price: row.price as number, minOrderQty: row.min_order_qty as number, stock: row.stock as number, verified: !!row.verified, harvestMonths: row.harvest_months as number, active };
    const tokens = docTokens(doc.text);
    let n = 0;
    for (const s of all.all() as SearchRow[]) if (searchMatches(s, doc, tokens)) n++;
    return { n, keys: productKeys(doc, tokens).length };
  };

  const inline: number[] = [];
  const onWorker: number[] = [];
  const theirs: number[] = [];
  const agree: string[] = [];
  let matchedTotal = 0;
  let candidatesTotal = 0;
  const ids: number[] = [];
  // Warm both paths (statements, page cache, the worker thread's start), then time.
  ids.push(publish());
  drainAlertQueue(c, { today });
  naive(ids[0]!);
  ids.push(publish());
  await drainOnWorker(file, today);
  for (let i = 0; i < ITER; i++) {
    const id = publish();
    ids.push(id);
    const s = performance.now();
    const r = drainAlertQueue(c, { today });
    inline.push(performance.now() - s);
    matchedTotal += r.matched;
    candidatesTotal += r.candidates;
    if (i < NAIVE_ITER) {
      const t = performance.now();
      const n = naive(id);
      theirs.push(performance.now() - t);
      if (n.n !== r.matched) agree.push(`product ${id}: fan-out ${r.matched}, naive ${n.n}`);
    }
    const w = publish();
    ids.push(w);
    const t = performance.now();
    await drainOnWorker(file, today);
    onWorker.push(performance.now() - t);
  }
  await stopAlertWorker();
  cleanup(ids);

  const searches = c.prepare("SELECT count(*) FROM saved_searches").pluck().get() as number;
  console.log(`\nFan-out of one new product against ${searches.toLocaleString("en")} saved searches, ${size.toLocaleString("en")} products (ms; ratios within this run)`);
  console.table([
    { path: "fan-out (anchor index), inline", p50: pct(inline, 50).toFixed(1), p95: pct(inline, 95).toFixed(1) },
    { path: "fan-out on the worker thread (server's path)", p50: pct(onWorker, 50).toFixed(1), p95: pct(onWorker, 95).toFixed(1) },
    { path: "naive: every search checked in JS", p50: pct(theirs, 50).toFixed(1), p95: pct(theirs, 95).toFixed(1) },
  ]);
  console.log(`per product: ${(candidatesTotal / ITER).toFixed(0)} candidate searches read, ${(matchedTotal / ITER).toFixed(1)} alerts recorded; ratio (naive p50 / fan-out p95) ${(pct(theirs, 50) / pct(inline, 95)).toFixed(0)}×`);
  if (agree.length) console.log(`✗ fan-out and naive disagree: ${agree.join("; ")}`);
  else console.log("fan-out and naive found the same matches ✓");
  const p95 = Math.max(pct(inline, 95), pct(onWorker, 95));
  console.log(`target: one product against ${searches.toLocaleString("en")} searches ≤ 1 s, off the request path: ${p95 <= 1000 ? "✓" : "✗"} (p95 ${p95.toFixed(1)} ms)`);
  c.close();
}

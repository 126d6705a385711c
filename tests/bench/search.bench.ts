/**
 * `npm run bench`: search latency at 50,000 and 500,000 products.
 *
 * Builds a synthetic catalogue (30,000 cooperatives at 500k, scaled down for 50k) across all 34 provinces in
 * bench-data/bench-<n>.db from the real migrations, then times a fixed set of searches three ways in one run:
 * the app's own search function (results alone, cold facets, and results + cached facets), the production server
 * over HTTP on a loopback port (the server's own per-request time from its log line, and the client's), and the
 * naive SQL form (FTS5 MATCH … ORDER BY rank LIMIT 20, filters joined outside the index).
 *
 * Options: BENCH_SIZES=50000,500000 BENCH_REBUILD=1 BENCH_HTTP=0 BENCH_ITER=40 BENCH_PORT=3290 (the server listens on BENCH_PORT + size mod 7)
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { openDatabase, type Db } from "../../db/open";
import { dir, ensureCatalogue, root, today } from "./catalogue";

const sizes = (process.env.BENCH_SIZES ?? "50000,500000").split(",").map(Number);
const ITER = Number(process.env.BENCH_ITER ?? 40);
const NAIVE_ITER = Math.max(5, Math.round(ITER / 4));
const HTTP_ITER = 20;

/* ------------------------------------------------------------------ the query set */

type Q = { name: string; query: Record<string, unknown>; naive: { match: string | null; where: string[]; params: unknown[]; order?: string; offset?: number } };

const activeCert = (type: string, stars?: number) =>
  `EXISTS (SELECT 1 FROM certificate_products cp JOIN certificates c ON c.id = cp.certificate_id WHERE cp.product_id = p.id AND c.type = '${type}' AND c.status = 'verified' AND (c.expiry_date IS NULL OR c.expiry_date >= '${today}')${stars ? ` AND c.ocop_stars >= ${stars}` : ""})`;

const querySet: Q[] = [
  { name: "gạo (common word)", query: { q: "gạo" }, naive: { match: 'f : ("gao")', where: [], params: [] } },
  { name: "gao (no diacritics)", query: { q: "gao" }, naive: { match: 'f : ("gao")', where: [], params: [] } },
  { name: "ca phe (2 words)", query: { q: "ca phe" }, naive: { match: 'f : ("ca" AND "phe")', where: [], params: [] } },
  { name: "dừa (exact first)", query: { q: "dừa" }, naive: { match: 'f : ("dua")', where: [], params: [] } },
  { name: "sầu riê (prefix)", query: { q: "sầu riê" }, naive: { match: 'f : ("sau" AND "rie"*)', where: [], params: [] } },
  {
    name: "xoai + province + VietGAP",
    query: { q: "xoai", province: "82", certification: "vietgap" },
    naive: { match: 'f : ("xoai")', where: ["p.origin_province_code = ?", activeCert("vietgap")], params: ["82"] },
  },
  {
    name: "mật ong + OCOP ≥4★",
    query: { q: "mật ong", minStars: 4 },
    naive: { match: 'f : ("mat" AND "ong")', where: [activeCert("ocop", 4)], params: [] },
  },
  {
    name: "province + VietGAP + verified",
    query: { province: "86", certification: "vietgap", verifiedOnly: true },
    naive: { match: null, where: ["p.origin_province_code = ?", "o.verified_at IS NOT NULL", activeCert("vietgap")], params: ["86"], order: "p.published_at DESC" },
  },
  {
    name: "gạo + price ≤ 150k, MOQ ≤ 20",
    query: { q: "gạo", priceMax: 150_000, moqMax: 20 },
    naive: { match: 'f : ("gao")', where: ["p.price <= ?", "p.min_order_qty <= ?"], params: [150_000, 20] },
  },
  { name: "gạo sorted by price", query: { q: "gạo", sort: "price_asc" }, naive: { match: 'f : ("gao")', where: [], params: [], order: "p.price ASC" } },
  { name: "gao page 40 (deep)", query: { q: "gao", page: 40 }, naive: { match: 'f : ("gao")', where: [], params: [], offset: 780 } },
  {
    name: "province page (no text)",
    query: { province: "86" },
    naive: { match: null, where: ["p.origin_province_code = ?"], params: ["86"], order: "p.published_at DESC" },
  },
  { name: "browse all (no text)", query: {}, naive: { match: null, where: [], params: [], order: "p.published_at DESC" } },
];

function naiveSql(q: Q["naive"]) {
  const where = ["p.status = 'published'", "o.status = 'active'", ...q.where];
  const from = q.match
    ? `FROM product_fts JOIN products p ON p.id = product_fts.rowid JOIN organisations o ON o.id = p.cooperative_id WHERE product_fts MATCH ? AND ${where.join(" AND ")}`
    : `FROM products p JOIN organisations o ON o.id = p.cooperative_id WHERE ${where.join(" AND ")}`;
  return { sql: `SELECT p.id ${from} ORDER BY ${q.order ?? (q.match ? "rank" : "p.id DESC")} LIMIT 20 OFFSET ${q.offset ?? 0}`, params: q.match ? [q.match, ...q.params] : q.params };
}

/* ------------------------------------------------------------------ timing */

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
function time(fn: () => unknown, n: number) {
  const xs: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    fn();
    xs.push(performance.now() - t);
  }
  return xs;
}

function toParams(query: Record<string, unknown>) {
  const map: Record<string, string> = { certification: "cert", minStars: "stars", verifiedOnly: "verified" };
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) p.set(map[k] ?? k, v === true ? "1" : String(v));
  return p;
}

/** The HTTP part runs the production build; rebuild it when any app source is newer. */
function ensureAppBuild() {
  const built = path.join(root, "build", "server", "index.js");
  const newest = (d: string): number =>
    fs.readdirSync(d, { withFileTypes: true }).reduce((m, e) => Math.max(m, e.isDirectory() ? newest(path.join(d, e.name)) : fs.statSync(path.join(d, e.name)).mtimeMs), 0);
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs > newest(path.join(root, "app"))) return;
  console.log("building the app for the HTTP measurements…");
  const r = spawnSync(process.execPath, [path.join(root, "node_modules", "@remix-run", "dev", "dist", "cli.js"), "vite:build"], { cwd: root, stdio: "ignore" });
  if (r.status !== 0) throw new Error("remix vite:build failed");
}

async function httpBench(file: string, port: number) {
  const child = spawn(process.execPath, ["server.js"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", DATABASE_PATH: file, PUBLIC_ORIGIN: `http://127.0.0.1:${port}`, UPLOADS_DIR: path.join(dir, "uploads") },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const serverMs: number[] = [];
  let buf = "";
  child.stdout.on("data", (d: Buffer) => {
    buf += d.toString();
    let nl;
    while ((nl = buf.indexOf("\n")) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      try {
        const j = JSON.parse(line) as { path?: string; ms?: number };
        if (j.path?.startsWith("/api/v1/products") && typeof j.ms === "number") serverMs.push(j.ms);
      } catch {
        /* not a log line */
      }
    }
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const out = new Map<string, { server: number[]; client: number[] }>();
  try {
    for (const q of querySet) {
      const url = `${base}/api/v1/products?${toParams(q.query)}`;
      await (await fetch(url)).text(); // warm-up (fills the facet cache as a first visitor would)
      await new Promise((r) => setTimeout(r, 20));
      const start = serverMs.length;
      const client: number[] = [];
      for (let i = 0; i < HTTP_ITER; i++) {
        const t = performance.now();
        const res = await fetch(url);
        await res.text();
        client.push(performance.now() - t);
        if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status}`);
      }
      await new Promise((r) => setTimeout(r, 50));
      out.set(q.name, { server: serverMs.slice(start), client });
    }
  } finally {
    child.kill("SIGTERM");
  }
  return out;
}

/* ------------------------------------------------------------------ main */

type Row = { size: number; name: string; results: number[]; cold: number; estimated: boolean; full: number[]; afterWrite: number; naive: number[]; http?: { server: number[]; client: number[] }; total: number };

async function main() {
  const rows: Row[] = [];
  const started = performance.now();
  const files: { size: number; file: string }[] = [];
  for (const size of sizes) {
    const { file, built } = ensureCatalogue(size);
    if (built) console.log(`built ${size.toLocaleString("en")} products / ${built.coops.toLocaleString("en")} cooperatives: load ${(built.load / 1000).toFixed(1)} s, index ${(built.index / 1000).toFixed(1)} s`);
    else console.log(`reusing ${path.relative(root, file)} (BENCH_REBUILD=1 to rebuild)`);
    files.push({ size, file });
  }
  if (process.env.BENCH_HTTP !== "0") ensureAppBuild();
  process.env.DATABASE_PATH = files[0]!.file;
  process.env.PUBLIC_ORIGIN ??= "http://127.0.0.1";
  const search = await import("../../app/models/search.server");
  const g = globalThis as { __db?: Db };
  for (const { size, file } of files) {
    g.__db?.$client.close();
    g.__db = openDatabase(file);
    const client = g.__db.$client;
    // A running server's process is warm (connection open, statements prepared, pages in SQLite's cache): one
    // unrelated search first, so the first row's "cold" measures its own counting, not the process starting.
    search.searchProductIds({ q: "khởi động", today });
    await search.settledRecounts();
    search.clearSearchCache();
    for (const q of querySet) {
      const base = { ...q.query, today } as Parameters<typeof search.searchProducts>[0];
      const results = time(() => search.searchProductIds({ ...base, withStats: false }), ITER);
      search.clearSearchCache();
      const t = performance.now();
      const first = search.searchProductIds(base);
      const cold = performance.now() - t;
      // A broad text search answered "1,000+" at once is counted in the background; the cached figures come after.
      const estimated = !!first.stats?.atLeast;
      await search.settledRecounts();
      const counted = search.searchProductIds(base);
      const full = time(() => search.searchProductIds(base), ITER);
      // The first request after a catalogue write (any write bumps the generation the cache is keyed on).
      client.prepare("UPDATE search_meta SET generation = generation + 1 WHERE id = 1").run();
      const tw = performance.now();
      search.searchProductIds(base);
      const afterWrite = performance.now() - tw;
      await search.settledRecounts();
      const n = naiveSql(q.naive);
      const stmt = client.prepare(n.sql);
      const naive = time(() => stmt.all(...n.params), NAIVE_ITER);
      rows.push({ size, name: q.name, results, cold, estimated, full, afterWrite, naive, total: counted.stats?.total ?? 0 });
    }
    if (process.env.BENCH_HTTP !== "0") {
      const http = await httpBench(file, Number(process.env.BENCH_PORT ?? 3290) + (size % 7));
      for (const r of rows.filter((r) => r.size === size)) r.http = http.get(r.name);
    }
  }
  const f = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(1));
  const header = ["products", "search", "matches", "results p50/p95", "+facets cold", "+facets cached p50/p95", "after a write", "HTTP server p50/p95", "HTTP client p95", "naive p50/p95", "naive ÷ ours (p95)"];
  const lines = rows.map((r) => [
    r.size.toLocaleString("en"),
    r.name,
    r.total.toLocaleString("en"),
    `${f(pct(r.results, 50))} / ${f(pct(r.results, 95))}`,
    `${f(r.cold)}${r.estimated ? " (1,000+)" : ""}`,
    `${f(pct(r.full, 50))} / ${f(pct(r.full, 95))}`,
    f(r.afterWrite),
    r.http ? `${f(pct(r.http.server, 50))} / ${f(pct(r.http.server, 95))}` : "-",
    r.http ? f(pct(r.http.client, 95)) : "-",
    `${f(pct(r.naive, 50))} / ${f(pct(r.naive, 95))}`,
    `${(pct(r.naive, 95) / Math.max(pct(r.full, 95), 0.001)).toFixed(0)}×`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const print = (cells: string[]) => console.log(`| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`);
  console.log("\nLatency in ms (app function in-process unless noted; HTTP = GET /api/v1/products on the production server)\n");
  print(header);
  print(widths.map((w) => "-".repeat(w)));
  lines.forEach(print);
  if (sizes.length > 1) {
    console.log("\nGrowth of p95 (results + facets, cached) from the smallest to the largest catalogue:");
    for (const q of querySet) {
      const a = rows.find((r) => r.size === sizes[0] && r.name === q.name)!;
      const b = rows.find((r) => r.size === sizes[sizes.length - 1] && r.name === q.name)!;
      console.log(`  ${q.name.padEnd(32)} results ×${(pct(b.results, 95) / pct(a.results, 95)).toFixed(1)}  naive ×${(pct(b.naive, 95) / pct(a.naive, 95)).toFixed(1)}  (catalogue ×${sizes[sizes.length - 1]! / sizes[0]!})`);
    }
  }
  const worst = Math.max(...rows.filter((r) => r.size === Math.max(...sizes)).map((r) => pct(r.full, 95)));
  const big = rows.filter((r) => r.size === Math.max(...sizes));
  console.log(`Worst first request after a write at ${Math.max(...sizes).toLocaleString("en")} products: ${f(Math.max(...big.map((r) => r.afterWrite)))} ms; worst cold (empty cache): ${f(Math.max(...big.map((r) => r.cold)))} ms.`);
  console.log(`\nWorst p95 at ${Math.max(...sizes).toLocaleString("en")} products (results + cached facets): ${f(worst)} ms. Total bench time ${((performance.now() - started) / 1000).toFixed(0)} s.`);
  g.__db?.$client.close();
}

await main();

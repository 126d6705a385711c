/**
 * `BENCH_ONLY=pages npm run bench`: page throughput of the production server against two baselines, in one run.
 *
 * For each target (the consumer trace page, a product page, /search with text and filters, the products API) it
 *   1. fetches the page once from the production server (`node server.js`, NODE_ENV=production) and keeps its
 *      status, headers and body;
 *   2. (a) serves exactly those bytes from a bare `http.createServer` in a process of its own (like the server's)
 *      and drives it with autocannon;
 *   3. drives the production server with autocannon (16 connections, BENCH_SECONDS each), twice: first with the
 *      page cache off (PAGE_CACHE=off: every request runs Remix, the loaders and React: the "uncached" columns),
 *      then as it ships, where anonymous answers come from the in-process page cache
 *      (app/services/page-cache.server.ts) until a watched table changes;
 *   4. (b) for HTML pages, renders the same React tree with the same data with `renderToString` in this process:
 *      the built server bundle's request handler runs once with a wrapped `entry.server` that keeps the Remix
 *      EntryContext (route modules, loader data, matches) instead of streaming it; then `<RemixServer context>`
 *      is rendered again and again from that context. The single-fetch data stream is left out of (b) (it is
 *      turbo-stream encoding of the same loader data, which renderToString cannot wait for), so (b) is a little
 *      less work than the real page: the ratio against it is conservative. The API has no React tree, so no (b).
 * Then the same targets with `Accept-Encoding: gzip` (as every browser sends) beside (a) sending the same gzipped bytes.
 * Then signed-in pages (a session row inserted as tests/e2e/fixtures.ts does; never cached) beside the same page
 * rendered for an anonymous visitor (the cached anonymous figure is shown too), and throughput with
 * WEB_CONCURRENCY=1 and 2, cached and uncached.
 *
 * It runs on the seeded demo marketplace (bench-data/pages-demo.db, rebuilt from the migrations and the seed when
 * they change). autocannon runs in this process on the same cores as the server, for every row alike, so read the
 * ratios, not the absolute figures. Options: BENCH_SECONDS=4 BENCH_CONNECTIONS=16 BENCH_PORT=3290 BENCH_WORKERS=1,2
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { dir, root } from "./catalogue";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const PORT = Number(process.env.BENCH_PORT ?? 3290);
const BARE_PORT = PORT + 1;
const WORKERS = (process.env.BENCH_WORKERS ?? "1,2").split(",").map(Number);

/* ------------------------------------------------------------------ the demo database and the build */

function digest(dirs: string[]) {
  const h = crypto.createHash("sha256");
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else h.update(p).update(fs.readFileSync(p));
    }
  };
  for (const d of dirs) walk(path.join(root, d));
  return h.digest("hex").slice(0, 16);
}

/** The demo marketplace, seeded again when db/ (migrations, seed) changed; the digest is kept in kv_bench. */
function ensureDemoDb(): string {
  const file = path.join(dir, "pages-demo.db");
  const want = digest(["db"]);
  if (fs.existsSync(file)) {
    const d = new Database(file, { readonly: true });
    try {
      if ((d.prepare("SELECT v FROM kv_bench WHERE k = 'digest'").pluck().get() as string | undefined) === want) return file;
    } catch {
      /* no kv_bench: an interrupted build */
    } finally {
      d.close();
    }
  }
  fs.mkdirSync(dir, { recursive: true });
  for (const s of ["", "-wal", "-shm"]) fs.rmSync(file + s, { force: true });
  console.log("seeding the demo marketplace for the page benchmark…");
  const tsx = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");
  for (const script of ["db/migrate.ts", "db/seed.ts"]) {
    const r = spawnSync(process.execPath, [tsx, script], { cwd: root, env: { ...process.env, DATABASE_PATH: file, UPLOADS_DIR: path.join(dir, "uploads") }, stdio: "ignore" });
    if (r.status !== 0) throw new Error(`${script} failed`);
  }
  const d = new Database(file);
  d.exec("CREATE TABLE kv_bench (k TEXT PRIMARY KEY, v TEXT)");
  d.prepare("INSERT INTO kv_bench VALUES ('digest', ?)").run(want);
  d.close();
  return file;
}

function ensureAppBuild() {
  const built = path.join(root, "build", "server", "index.js");
  const newest = (d: string): number =>
    fs.readdirSync(d, { withFileTypes: true }).reduce((m, e) => Math.max(m, e.isDirectory() ? newest(path.join(d, e.name)) : fs.statSync(path.join(d, e.name)).mtimeMs), 0);
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs > newest(path.join(root, "app"))) return;
  console.log("building the app…");
  const r = spawnSync(process.execPath, [path.join(root, "node_modules", "@remix-run", "dev", "dist", "cli.js"), "vite:build"], { cwd: root, stdio: "ignore" });
  if (r.status !== 0) throw new Error("remix vite:build failed");
}

/* ------------------------------------------------------------------ measuring */

type Figures = { rps: number; p50: number; p95: number; errors: number; non2xx: number };

function percentile(sorted: number[], p: number) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function cannon(url: string, headers: Record<string, string> = {}): Promise<Figures> {
  return new Promise((resolve, reject) => {
    const times: number[] = [];
    const inst = autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers }, (err, res) => {
      if (err) return reject(err);
      times.sort((a, b) => a - b);
      resolve({ rps: res.requests.total / SECONDS, p50: percentile(times, 50), p95: percentile(times, 95), errors: res.errors + res.timeouts, non2xx: res.non2xx });
    });
    inst.on("response", (_client: unknown, _status: number, _bytes: number, ms: number) => times.push(ms));
  });
}

/** (b) and the API's JSON baseline: a synchronous function run back to back for the same time, on one core. */
function loop(fn: () => unknown): Figures {
  const times: number[] = [];
  const end = performance.now() + SECONDS * 1000;
  for (let i = 0; i < 20; i++) fn();
  while (performance.now() < end) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  const n = times.length;
  times.sort((a, b) => a - b);
  return { rps: n / SECONDS, p50: percentile(times, 50), p95: percentile(times, 95), errors: 0, non2xx: 0 };
}

type Captured = { status: number; headers: [string, string][]; body: Buffer };

/**
 * The answer exactly as sent: status, headers and bytes, compressed only when `headers` ask for it (fetch would
 * add Accept-Encoding and decompress).
 */
function capture(url: string, headers: Record<string, string> = {}): Promise<Captured> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const skip = ["transfer-encoding", "connection", "keep-alive", "date", "content-length"];
          const kept = Object.entries(res.headers).flatMap(([k, v]) => (skip.includes(k) || v === undefined ? [] : (Array.isArray(v) ? v : [v]).map((x): [string, string] => [k, x])));
          resolve({ status: res.statusCode ?? 0, headers: kept, body: Buffer.concat(chunks) });
        });
      })
      .on("error", reject);
  });
}

/** (a): the same status, headers and bytes from a bare Node server in its own process (tests/bench/bare-server.mjs). */
async function bare(c: Captured): Promise<Figures> {
  const file = path.join(dir, "bare-page.json");
  fs.writeFileSync(file, JSON.stringify({ status: c.status, headers: c.headers, body: c.body.toString("base64") }));
  const child = spawn(process.execPath, [path.join(root, "tests", "bench", "bare-server.mjs"), file, String(BARE_PORT)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.once("exit", () => reject(new Error("the bare server did not start")));
    child.stdout!.once("data", () => resolve());
  });
  try {
    return await cannon(`http://127.0.0.1:${BARE_PORT}/`);
  } finally {
    child.removeAllListeners("exit");
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await exited;
  }
}

/* ------------------------------------------------------------------ the production server */

async function startServer(file: string, workers: number, cache = true): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["server.js"], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(PORT),
      HOST: "127.0.0.1",
      DATABASE_PATH: file,
      PUBLIC_ORIGIN: `http://127.0.0.1:${PORT}`,
      UPLOADS_DIR: path.join(dir, "uploads"),
      WEB_CONCURRENCY: String(workers),
      PAGE_CACHE: cache ? "on" : "off",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/healthz`)).ok) return child;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill("SIGKILL");
  throw new Error("the server did not start");
}

async function stopServer(child: ChildProcess) {
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await exited;
}

/* ------------------------------------------------------------------ (b): renderToString of the same tree */

type Renderer = (path: string, headers: Record<string, string>) => Promise<(() => unknown) | null>;

async function makeRenderer(): Promise<Renderer> {
  // The same route matching as server.js uses, loaded before Remix is.
  const { memoiseRouteMatching } = await import(pathToFileURL(path.join(root, "server", "route-matching.js")).href);
  memoiseRouteMatching(pathToFileURL(path.join(root, "server.js")).href);
  const build = await import(pathToFileURL(path.join(root, "build", "server", "index.js")).href);
  const { createRequestHandler } = await import("@remix-run/node");
  const { RemixServer } = await import("@remix-run/react");
  const React = await import("react");
  const { renderToString } = await import("react-dom/server");
  let kept: { context: Record<string, unknown>; url: string } | null = null;
  const wrapped = {
    ...build,
    entry: {
      module: {
        ...build.entry.module,
        default: (request: Request, status: number, headers: Headers, context: Record<string, unknown>) => {
          kept = { context, url: request.url };
          return new Response("", { status, headers });
        },
      },
    },
  };
  const handler = createRequestHandler(wrapped, "production");
  return async (p, headers) => {
    kept = null;
    await handler(new Request(`http://127.0.0.1:${PORT}${p}`, { headers }), { cspNonce: "bench" });
    if (!kept) return null;
    const { context, url } = kept as { context: Record<string, unknown>; url: string };
    const ctx = { ...context, serverHandoffStream: undefined };
    return () => renderToString(React.createElement(RemixServer, { context: ctx as never, url, nonce: "bench" }));
  };
}

/* ------------------------------------------------------------------ main */

type Target = { name: string; path: string; goalBare: number; html: boolean };

const fmt = (n: number, d = 0) => (Number.isFinite(n) ? n.toLocaleString("en", { maximumFractionDigits: d, minimumFractionDigits: d }) : "–");
const pct = (a: number, b: number) => (b > 0 ? `${fmt((100 * a) / b, 1)} %` : "–");

async function main() {
  const started = performance.now();
  ensureAppBuild();
  const file = ensureDemoDb();
  process.env.DATABASE_PATH = file;
  process.env.PUBLIC_ORIGIN = `http://127.0.0.1:${PORT}`;
  process.env.UPLOADS_DIR = path.join(dir, "uploads");

  const db = new Database(file);
  db.pragma("busy_timeout = 5000");
  const lot = db.prepare("SELECT id FROM lots ORDER BY id LIMIT 1").pluck().get() as number;
  const product = db
    .prepare("SELECT p.id FROM products p WHERE p.status = 'published' ORDER BY (SELECT count(*) FROM lots l WHERE l.product_id = p.id) DESC, p.id LIMIT 1")
    .pluck()
    .get() as number;
  const session = (email: string) => {
    const user = db.prepare("SELECT id FROM users WHERE email = ?").pluck().get(email) as number;
    const token = crypto.randomBytes(32).toString("base64url");
    db.prepare("INSERT INTO sessions (token_hash, user_id, expires_at) VALUES (?, ?, ?)").run(
      crypto.createHash("sha256").update(token).digest("hex"),
      user,
      new Date(Date.now() + 86_400_000).toISOString(),
    );
    return { Cookie: `__session=${token}` };
  };
  const buyer = session("buyer@demo.chohtx.vn");
  const coop = session("htx@demo.chohtx.vn");
  db.close();

  const targets: Target[] = [
    { name: "trace page /t/{lot}", path: `/t/${lot}`, goalBare: 15, html: true },
    { name: "product page", path: `/products/${product}`, goalBare: 15, html: true },
    { name: "/search text + filters", path: "/search?q=buoi&verified=1&inStock=1", goalBare: 10, html: true },
    { name: "products API", path: "/api/v1/products?q=ca%20phe", goalBare: 15, html: false },
  ];

  const render = await makeRenderer();
  const base = `http://127.0.0.1:${PORT}`;
  const rows: { t: Target; bytes: number; app: Figures; uncached: Figures; a: Figures; b: Figures }[] = [];
  const signed: { name: string; anon: Figures; anonCached: Figures; signedIn: Figures; anonStatus: number }[] = [];
  const signedTargets = [
    { name: "product page, buyer signed in", path: `/products/${product}`, headers: buyer },
    { name: "/search, buyer signed in", path: "/search?q=buoi&verified=1&inStock=1", headers: buyer },
    { name: "/cart, buyer signed in", path: "/cart", headers: buyer },
    { name: "/dashboard, cooperative owner", path: "/dashboard", headers: coop },
  ];
  const gzipHeaders = { "Accept-Encoding": "gzip, deflate, br" };
  const zipped: { t: Target; bytes: number; gzipped: boolean; app: Figures; a: Figures }[] = [];
  // First the server with its page cache off: every answer is rendered (loaders, React), as for a signed-in visitor.
  const uncached = new Map<string, Figures>();
  const anonUncached = new Map<string, { figures: Figures; status: number }>();
  let server = await startServer(file, 1, false);
  try {
    for (const t of targets) uncached.set(t.path, await cannon(base + t.path));
    for (const s of signedTargets) {
      const anonCheck = await capture(base + s.path);
      anonUncached.set(s.path, { figures: await cannon(base + s.path), status: anonCheck.status });
    }
  } finally {
    await stopServer(server);
  }
  server = await startServer(file, 1);
  try {
    for (const t of targets) {
      const c = await capture(base + t.path);
      if (c.status !== 200) throw new Error(`${t.path}: HTTP ${c.status}`);
      const a = await bare(c);
      const app = await cannon(base + t.path);
      let b: Figures;
      if (t.html) {
        const fn = await render(t.path, {});
        if (!fn) throw new Error(`${t.path}: no render context`);
        b = loop(fn);
      } else {
        b = { rps: NaN, p50: NaN, p95: NaN, errors: 0, non2xx: 0 }; // no React tree behind a JSON answer
      }
      rows.push({ t, bytes: c.body.length, app, uncached: uncached.get(t.path)!, a, b });
    }
    // Signed-in pages beside the same page anonymously (an anonymous /cart or /dashboard is a redirect to login).
    for (const s of signedTargets) {
      const check = await capture(base + s.path, s.headers);
      if (check.status !== 200) throw new Error(`${s.path} signed in: HTTP ${check.status}`);
      const signedIn = await cannon(base + s.path, s.headers);
      const anonCached = await cannon(base + s.path);
      const { figures: anon, status: anonStatus } = anonUncached.get(s.path)!;
      signed.push({ name: s.name, anon: anonStatus === 200 ? anon : { ...anon, rps: NaN }, anonCached, signedIn, anonStatus });
    }
    // What a phone gets: the same pages with Accept-Encoding: gzip, beside a bare server sending the same gzipped bytes.
    for (const t of targets) {
      const c = await capture(base + t.path, gzipHeaders);
      if (c.status !== 200) throw new Error(`${t.path} gzip: HTTP ${c.status}`);
      const gzipped = c.headers.some(([k, v]) => k === "content-encoding" && v === "gzip");
      zipped.push({ t, bytes: c.body.length, gzipped, app: await cannon(base + t.path, gzipHeaders), a: await bare(c) });
    }
  } finally {
    await stopServer(server);
  }

  const perWorkers: { workers: number; cache: boolean; figures: Figures[] }[] = [];
  for (const cache of [true, false]) {
    for (const w of WORKERS) {
      const s = await startServer(file, w, cache);
      try {
        const figures: Figures[] = [];
        for (const t of targets) figures.push(await cannon(base + t.path));
        perWorkers.push({ workers: w, cache, figures });
      } finally {
        await stopServer(s);
      }
    }
  }

  console.log(`\nPage throughput, ${CONNECTIONS} connections, ${SECONDS} s per row, demo marketplace, production build, WEB_CONCURRENCY=1`);
  console.log("app: the production server (anonymous pages from its page cache); uncached: the same server with PAGE_CACHE=off (every answer rendered)");
  console.log("(a) bare http.createServer sending the same bytes; (b) renderToString of the same React tree and data, one core (none for the API)\n");
  console.log(
    ["target", "bytes", "app req/s", "p50 ms", "p95 ms", "uncached", "unc. p95", "(a) req/s", "(b) req/s", "(b) p50 ms", "app/(a)", "goal", "app/(b)", "goal", "unc./(b)"]
      .map((h) => h.padStart(10))
      .join(" "),
  );
  for (const r of rows) {
    console.log(
      [
        r.t.name.padEnd(24),
        fmt(r.bytes).padStart(8),
        fmt(r.app.rps).padStart(10),
        fmt(r.app.p50, 1).padStart(10),
        fmt(r.app.p95, 1).padStart(10),
        fmt(r.uncached.rps).padStart(10),
        fmt(r.uncached.p95, 1).padStart(10),
        fmt(r.a.rps).padStart(10),
        fmt(r.b.rps).padStart(10),
        fmt(r.b.p50, 2).padStart(10),
        pct(r.app.rps, r.a.rps).padStart(10),
        `≥ ${r.t.goalBare} %`.padStart(10),
        pct(r.app.rps, r.b.rps).padStart(10),
        (r.t.html ? "≥ 50 %" : "").padStart(10),
        pct(r.uncached.rps, r.b.rps).padStart(10),
      ].join(" "),
    );
    if (r.app.errors || r.app.non2xx || r.uncached.errors || r.uncached.non2xx) console.log(`  ! ${r.app.errors + r.uncached.errors} errors, ${r.app.non2xx + r.uncached.non2xx} non-2xx`);
  }
  console.log("\nSigned in beside anonymous (goal: signed in ≥ 50 % of anonymous; both rendered, the page cache never answers a signed-in visitor)");
  for (const s of signed) {
    console.log(
      `${s.name.padEnd(34)} signed in ${fmt(s.signedIn.rps).padStart(6)} req/s p50 ${fmt(s.signedIn.p50, 1).padStart(6)} ms p95 ${fmt(s.signedIn.p95, 1).padStart(6)} ms · ${s.anonStatus === 200 ? `anonymous rendered ${fmt(s.anon.rps).padStart(6)} req/s · ${pct(s.signedIn.rps, s.anon.rps)} · anonymous from the cache ${fmt(s.anonCached.rps)} req/s` : `anonymous: ${s.anonStatus} to the login page, no page to compare`}`,
    );
  }
  console.log("\nWith Accept-Encoding: gzip (what browsers send), page cache on, beside a bare server sending the same compressed bytes");
  for (const z of zipped) {
    console.log(
      `${z.t.name.padEnd(26)} ${fmt(z.bytes).padStart(7)} bytes${z.gzipped ? " gzip" : "     "} ${fmt(z.app.rps).padStart(7)} req/s p50 ${fmt(z.app.p50, 1).padStart(5)} ms p95 ${fmt(z.app.p95, 1).padStart(5)} ms · (a) ${fmt(z.a.rps).padStart(7)} req/s · ${pct(z.app.rps, z.a.rps)} of (a)`,
    );
  }
  console.log("\nThroughput by worker processes (WEB_CONCURRENCY), with the page cache and without");
  console.log(["workers", ...targets.map((t) => t.name)].map((h, i) => (i ? h.padStart(24) : h.padEnd(14))).join(" "));
  for (const w of perWorkers) {
    console.log([`${w.workers} ${w.cache ? "cached" : "uncached"}`.padEnd(14), ...w.figures.map((f, i) => `${fmt(f.rps)} req/s (${pct(f.rps, rows[i]!.a.rps)} of a)`.padStart(24))].join(" "));
  }
  console.log(`\nwhole page bench ${((performance.now() - started) / 1000).toFixed(0)} s; timings are noisy on a shared machine: compare the ratios.`);
  process.exit(0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

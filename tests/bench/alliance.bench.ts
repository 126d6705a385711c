/**
 * `BENCH_ONLY=alliance BENCH_SIZES=500000 npm run bench`: the alliance dashboard at national scale.
 *
 * On the synthetic catalogue (30,000 cooperatives, 500,000 products) it adds, once per catalogue build (marked in
 * `kv_bench`), at least 2 million orders (85 % paid), 10 million consumer scans over 200,000 lots, and 300,000
 * inquiry threads, over the 15 months before today: bulk inserts in one transaction with prepared statements and the
 * rollup triggers dropped, then one INSERT … SELECT per rollup table from its `_source` view, triggers back on.
 *
 * Then, in one run: one province's dashboard (every figure for a quarter and its comparison), the national view
 * (the country's figures and the 34-province table), each from the rollups and from the raw tables (the same
 * figure functions reading the `_source` views, which compute the rows from orders, scans, threads…), and the
 * national XLSX report. Prints p50/p95 and the ratios. Options: BENCH_SIZES=500000 BENCH_ITER=30
 */
import { ensureCatalogue, today } from "./catalogue";
import { openDatabase } from "../../db/open";
import { prng, addDays } from "../../db/seed/random";
import { allianceRollupTables } from "../../scripts/alliance-rollups-sql";

const size = Number((process.env.BENCH_SIZES ?? "500000").split(",").at(-1));
const ITER = Number(process.env.BENCH_ITER ?? 30);
const ORDERS = 2_000_000;
const SCANS = 10_000_000;
const LOTS = 200_000;
const THREADS = 300_000;
const DAYS = 450;

function addHistory(file: string) {
  const db = openDatabase(file);
  const c = db.$client;
  const done = c.prepare("SELECT v FROM kv_bench WHERE k = 'alliance'").pluck().get();
  if (done) {
    c.close();
    return null;
  }
  const t0 = performance.now();
  c.pragma("synchronous = OFF");
  c.pragma("cache_size = -400000");
  const triggers = c.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'alliance_%'").all() as { name: string; sql: string }[];
  for (const t of triggers) c.exec(`DROP TRIGGER ${t.name}`);
  const rand = prng(2_000_000);
  const coops = c.prepare("SELECT id FROM organisations WHERE kind = 'cooperative' ORDER BY id").pluck().all() as number[];
  const products = c.prepare("SELECT id, cooperative_id AS coop, price FROM products ORDER BY id").all() as { id: number; coop: number; price: number }[];
  // A few buyers in big cities.
  const insBuyer = c.prepare("INSERT INTO organisations (kind, name, slug, province_code, status) VALUES ('buyer', ?, ?, ?, 'active')");
  const buyers: number[] = [];
  for (let i = 0; i < 200; i++) buyers.push(Number(insBuyer.run(`Bench buyer ${i}`, `bench-buyer-${i}`, ["79", "01", "48", "92"][i % 4]).lastInsertRowid));
  const day0 = addDays(today, -DAYS);
  const stamp = (dayOffset: number, minute: number) => new Date(Date.parse(`${addDays(day0, dayOffset)}T00:00:00Z`) - 7 * 3600_000 + minute * 60_000).toISOString();
  const insOrder = c.prepare(
    "INSERT INTO orders (number, buyer_id, cooperative_id, status, payment_method, subtotal, total, delivery_province_code, delivery_commune, delivery_address, paid_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, '79', 'x', 'y', ?, ?)",
  );
  const methods = ["bank_transfer", "bank_transfer", "card", "cod"];
  const insLot = c.prepare("INSERT INTO lots (product_id, cooperative_id, code, harvest_date, packing_date, best_before_date, quantity, unit, created_at) VALUES (?, ?, ?, ?, ?, ?, 100, 'kg', ?)");
  const insScan = c.prepare("INSERT INTO scans (lot_id, at, language, device) VALUES (?, ?, 'vi', 'phone')");
  const insThread = c.prepare("INSERT INTO threads (buyer_id, cooperative_id, subject, last_message_at, created_at) VALUES (?, ?, 'Bench', ?, ?)");
  const insMessage = c.prepare("INSERT INTO messages (thread_id, sender_org_id, body, created_at) VALUES (?, ?, 'x', ?)");
  c.transaction(() => {
    for (let i = 0; i < ORDERS; i++) {
      const p = products[Math.floor(rand.next() * products.length)]!;
      const d = Math.floor(Math.sqrt(rand.next()) * DAYS);
      const created = stamp(d, rand.int(0, 1439));
      const paid = rand.chance(0.85);
      const total = p.price * rand.int(5, 100);
      insOrder.run(`B-${i}`, buyers[i % buyers.length], p.coop, paid ? "completed" : rand.chance(0.5) ? "cancelled" : "placed", methods[i % 4], total, total, paid ? stamp(Math.min(DAYS, d + 1), rand.int(0, 1439)) : null, created);
    }
    const lotIds: { id: number; day: number }[] = [];
    for (let i = 0; i < LOTS; i++) {
      const p = products[(i * 2 + 1) % products.length]!;
      const d = rand.int(0, DAYS - 10);
      const harvest = addDays(day0, d);
      lotIds.push({ id: Number(insLot.run(p.id, p.coop, `BL-${i}`, harvest, harvest, addDays(harvest, 60), stamp(d, 600)).lastInsertRowid), day: d });
    }
    for (let i = 0; i < SCANS; i++) {
      const lot = lotIds[i % LOTS]!;
      insScan.run(lot.id, stamp(Math.min(DAYS, lot.day + 1 + Math.floor(rand.next() * 60)), rand.int(0, 1439)));
    }
    for (let i = 0; i < THREADS; i++) {
      const coop = coops[Math.floor(rand.next() * coops.length)]!;
      const buyer = buyers[i % buyers.length]!;
      const d = rand.int(0, DAYS);
      const opened = stamp(d, rand.int(0, 1439));
      const id = Number(insThread.run(buyer, coop, opened, opened).lastInsertRowid);
      insMessage.run(id, buyer, opened);
      if (rand.chance(0.85)) insMessage.run(id, coop, new Date(Date.parse(opened) + rand.int(10, 3000) * 60_000).toISOString());
    }
  })();
  const tLoad = performance.now();
  for (const t of allianceRollupTables) {
    c.exec(`DELETE FROM ${t}`);
    c.exec(`INSERT INTO ${t} SELECT * FROM ${t}_source`);
  }
  for (const t of triggers) c.exec(t.sql);
  c.exec("ANALYZE");
  c.prepare("INSERT INTO kv_bench (k, v) VALUES ('alliance', ?)").run(new Date().toISOString());
  c.pragma("wal_checkpoint(TRUNCATE)");
  c.close();
  return { load: tLoad - t0, rollups: performance.now() - tLoad };
}

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
const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

async function main() {
  const { file, built } = ensureCatalogue(size);
  if (built) console.log(`catalogue built: load ${(built.load / 1000).toFixed(1)} s, index ${(built.index / 1000).toFixed(1)} s`);
  const history = addHistory(file);
  if (history) console.log(`history added: ${ORDERS.toLocaleString()} orders, ${SCANS.toLocaleString()} scans, ${THREADS.toLocaleString()} inquiries in ${(history.load / 1000).toFixed(1)} s; rollups built in ${(history.rollups / 1000).toFixed(1)} s`);

  process.env.DATABASE_PATH = file;
  const { dashboardFigures, nationalTable } = await import("../../app/models/alliance-figures.server");
  const { parsePeriod, previousPeriod, keyOf, addDays: add } = await import("../../app/lib/periods");
  const { buildNationalReport } = await import("../../app/capabilities/alliance/report-jobs.server");
  const { getDb } = await import("../../app/db.server");
  const c = getDb().$client;
  const counts = Object.fromEntries(["orders", "scans", "threads", "organisations", "products"].map((t) => [t, (c.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number).toLocaleString()]));
  console.log("rows:", counts);

  // Last full quarter, compared with the one before.
  const lastQ = keyOf("quarter", add(`${today.slice(0, 4)}-${String((Number(keyOf("quarter", today).slice(6)) - 1) * 3 + 1).padStart(2, "0")}-01`, -1));
  const r = parsePeriod({ kind: "quarter", key: lastQ }, today);
  if (!r.ok) throw new Error(r.error);
  const period = r.period;
  const previous = previousPeriod(period);
  const provinces = ["86", "79", "01", "52", "92"];
  let k = 0;
  const province = (source: "rollup" | "raw") => () => dashboardFigures({ provinceCode: provinces[k++ % provinces.length]!, period, previous, today, source });
  const national = (source: "rollup" | "raw") => () => {
    dashboardFigures({ provinceCode: null, period, previous, today, source });
    nationalTable({ period, today, source });
  };
  // Same answers both ways (the integration tests check it on the seed; here at scale, once).
  const a = JSON.stringify(dashboardFigures({ provinceCode: "86", period, previous, today }));
  const b = JSON.stringify(dashboardFigures({ provinceCode: "86", period, previous, today, source: "raw" }));
  if (a !== b) throw new Error("rollup and raw figures differ");

  // A second, stronger baseline for the two biggest figures: hand-written SQL over the raw rows that uses the
  // indexes (cooperatives of the province → their orders by orders_coop_idx, their lots → scans by
  // scans_lot_at_idx), against the same two figures from the rollups.
  const startUtc = new Date(Date.parse(`${previous.from}T00:00:00Z`) - 7 * 3600_000).toISOString();
  const endUtc = new Date(Date.parse(`${period.to}T00:00:00Z`) + 17 * 3600_000).toISOString();
  const tunedOrders = c.prepare(
    `SELECT x.payment_method, count(*), sum(x.total), sum(CASE WHEN x.paid_at >= ? THEN x.total END) FROM organisations o JOIN orders x ON x.cooperative_id = o.id
     WHERE o.kind = 'cooperative' AND o.province_code = ? AND x.created_at >= ? AND x.created_at < ? GROUP BY 1`,
  );
  const tunedScans = c.prepare(
    `SELECT date(s.at, '+7 hours') AS d, count(*) FROM organisations o JOIN lots l ON l.cooperative_id = o.id JOIN scans s ON s.lot_id = l.id
     WHERE o.kind = 'cooperative' AND o.province_code = ? AND s.at >= ? AND s.at < ? GROUP BY d`,
  );
  const { orderFigures, scanFigures } = await import("../../app/models/alliance-figures.server");
  let j = 0;
  const tuned = () => {
    const p = provinces[j++ % provinces.length]!;
    tunedOrders.all(startUtc, p, startUtc, endUtc);
    tunedScans.all(p, startUtc, endUtc);
  };
  let m = 0;
  const twoFromRollups = () => {
    const p = provinces[m++ % provinces.length]!;
    orderFigures({ provinceCode: p }, period, previous);
    scanFigures({ provinceCode: p }, period, previous);
  };

  province("rollup")();
  const rows: { name: string; p50: number; p95: number; n: number }[] = [];
  const measure = (name: string, fn: () => unknown, n: number) => {
    const xs = time(fn, n);
    rows.push({ name, p50: pct(xs, 50), p95: pct(xs, 95), n });
  };
  measure("province dashboard (rollups)", province("rollup"), ITER);
  measure("province dashboard (raw tables)", province("raw"), 2);
  measure("orders + scans of a province (rollups)", twoFromRollups, ITER);
  measure("orders + scans of a province (hand-tuned raw SQL)", tuned, 5);
  measure("national view (rollups)", national("rollup"), Math.max(5, Math.round(ITER / 3)));
  measure("national view (raw tables)", national("raw"), 1);
  const t = performance.now();
  const xlsx = await buildNationalReport({ period, format: "xlsx", locale: "vi", today });
  const xlsxMs = performance.now() - t;

  console.log(`\nAlliance dashboard at ${size.toLocaleString()} products, period ${lastQ} vs ${previous.key} (timings are noisy: the 2 cores are shared)`);
  console.log("| measure | n | p50 ms | p95 ms | raw p95 ÷ rollup p95 |");
  console.log("| --- | ---: | ---: | ---: | ---: |");
  const ratio = (fast: string, slow: string) => {
    const f = rows.find((x) => x.name === fast)!;
    const s = rows.find((x) => x.name === slow)!;
    return (s.p95 / f.p95).toFixed(0);
  };
  for (const row of rows) {
    const pairs: Record<string, string> = {
      "province dashboard (rollups)": "province dashboard (raw tables)",
      "orders + scans of a province (rollups)": "orders + scans of a province (hand-tuned raw SQL)",
      "national view (rollups)": "national view (raw tables)",
    };
    const extra = pairs[row.name] ? `${ratio(row.name, pairs[row.name]!)}×` : "";
    console.log(`| ${row.name} | ${row.n} | ${ms(row.p50)} | ${ms(row.p95)} | ${extra} |`);
  }
  console.log(`| national XLSX report (34 provinces, ${(xlsx.length / 1024).toFixed(0)} KiB) | 1 | ${ms(xlsxMs)} | ${ms(xlsxMs)} | |`);
  const province95 = rows.find((x) => x.name === "province dashboard (rollups)")!.p95;
  const national95 = rows.find((x) => x.name === "national view (rollups)")!.p95;
  console.log(`\ntargets: province p95 ≤ 100 ms: ${province95 <= 100 ? "met" : "MISSED"}; national ≤ 500 ms: ${national95 <= 500 ? "met" : "MISSED"}; XLSX ≤ 10 s: ${xlsxMs <= 10_000 ? "met" : "MISSED"}`);
}

await main();

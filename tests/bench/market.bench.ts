/**
 * Matching one new buyer request against the 500,000-product / 30,000-cooperative catalogue: the app's matcher
 * (app/models/match.server.ts: tiered FTS5 MATCH on the search index, a few hundred rows read, exact re-score of
 * the survivors) against the naive form (every cooperative's products and certificates loaded and filtered and
 * scored in JavaScript with the same rules), in the same run. Prints p50/p95 and the ratio.
 *
 * Options: BENCH_SIZES=500000 BENCH_ITER=30
 */
import { ensureCatalogue, today } from "./catalogue";
import { addDays } from "../../db/seed/random";

const sizes = (process.env.BENCH_SIZES ?? "500000").split(",").map(Number);
const ITER = Number(process.env.BENCH_ITER ?? 30);
const NAIVE_ITER = 3;

type Req = { name: string; title: string; categoryCode: string; quantity: number; unit: "kg" | "tan" | "tui" | "chai"; from: number; to: number; certifications: { type: string; minStars?: number }[]; provinces: string[] };
const requests: Req[] = [
  { name: "bưởi da xanh, VietGAP, 2 provinces", title: "Bưởi da xanh", categoryCode: "I.1.a", quantity: 20, unit: "tan", from: 30, to: 60, certifications: [{ type: "vietgap" }], provinces: ["86", "82"] },
  { name: "gạo ST25, VietGAP, no province", title: "Gạo ST25", categoryCode: "I.2.a", quantity: 2000, unit: "tui", from: 10, to: 40, certifications: [{ type: "vietgap" }], provinces: [] },
  { name: "cà phê, OCOP ≥4★", title: "ca phe robusta", categoryCode: "I.6", quantity: 5, unit: "tan", from: 20, to: 90, certifications: [{ type: "ocop", minStars: 4 }], provinces: ["66"] },
  { name: "mật ong, organic + VietGAP", title: "mật ong", categoryCode: "I.2.b", quantity: 800, unit: "chai", from: 7, to: 30, certifications: [{ type: "organic" }, { type: "vietgap" }], provinces: ["15", "96"] },
  { name: "fruit category only, across year end", title: "", categoryCode: "I.1.a", quantity: 3000, unit: "kg", from: 25, to: 70, certifications: [], provinces: [] },
  { name: "rare: globalgap pepper", title: "hồ tiêu", categoryCode: "I.4.b", quantity: 10, unit: "tan", from: 30, to: 75, certifications: [{ type: "globalgap" }], provinces: ["52"] },
];

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

for (const size of sizes) {
  const { file, built } = ensureCatalogue(size);
  if (built) console.log(`built ${file}: load ${(built.load / 1000).toFixed(1)} s, index ${(built.index / 1000).toFixed(1)} s`);
  process.env.DATABASE_PATH = file;
  const { rankCooperatives, explain } = await import("../../app/models/match.server");
  const { getDb } = await import("../../app/db.server");
  const { fold } = await import("../../app/lib/text");
  const c = getDb().$client;
  const asMatch = (r: Req) => ({ title: r.title, categoryCode: r.categoryCode, quantity: r.quantity, unit: r.unit, deliveryFrom: addDays(today, r.from), deliveryTo: addDays(today, r.to), certifications: r.certifications, provinces: r.provinces });

  /** The naive form: load every cooperative's products and certificates, filter and score in JavaScript. */
  function naive(r: Req) {
    const m = asMatch(r);
    const products = c
      .prepare(
        `SELECT p.id, p.cooperative_id AS cooperativeId, p.name_vi AS nameVi, p.category_code AS categoryCode, p.unit, p.stock, p.harvest_months AS harvestMonths,
           p.origin_province_code AS provinceCode, (o.verified_at IS NOT NULL) AS verified
         FROM products p JOIN organisations o ON o.id = p.cooperative_id WHERE p.status = 'published' AND o.status = 'active'`,
      )
      .all() as { id: number; cooperativeId: number; nameVi: string; categoryCode: string; unit: "kg"; stock: number; harvestMonths: number; provinceCode: string; verified: number }[];
    const certs = c
      .prepare("SELECT cp.product_id AS productId, c.type, c.status, c.expiry_date AS expiryDate, c.issue_date AS issueDate, c.ocop_stars AS ocopStars FROM certificate_products cp JOIN certificates c ON c.id = cp.certificate_id WHERE c.status = 'verified'")
      .all() as { productId: number; type: string; status: string; expiryDate: string | null; issueDate: string; ocopStars: number | null }[];
    const byProduct = new Map<number, typeof certs>();
    for (const x of certs) {
      const list = byProduct.get(x.productId);
      if (list) list.push(x);
      else byProduct.set(x.productId, [x]);
    }
    const words = fold(r.title).match(/[a-z0-9]+/g) ?? [];
    const best = new Map<number, { score: number; productId: number }>();
    for (const p of products) {
      const folded = fold(p.nameVi);
      const text = words.length > 0 && words.every((w) => folded.includes(w));
      if (p.categoryCode !== r.categoryCode && !text) continue;
      const e = explain(m, { ...p, textMatch: text ? 1 : 0 }, byProduct.get(p.id) ?? [], today);
      const cur = best.get(p.cooperativeId);
      if (!cur || e.score > cur.score) best.set(p.cooperativeId, { score: e.score, productId: p.id });
    }
    return [...best.entries()].sort((a, b) => b[1].score - a[1].score || a[0] - b[0]).slice(0, 30);
  }

  // Warm both paths once (page cache, statement cache), then time.
  for (const r of requests) rankCooperatives(asMatch(r), { today });
  naive(requests[0]!);
  const ours: number[] = [];
  const theirs: number[] = [];
  const rows: { request: string; matches: number; p50: string; p95: string; naiveP50: string; ratio: string }[] = [];
  for (const r of requests) {
    const t: number[] = [];
    let n = 0;
    for (let i = 0; i < ITER; i++) {
      const s = performance.now();
      n = rankCooperatives(asMatch(r), { today }).length;
      t.push(performance.now() - s);
    }
    const nv: number[] = [];
    for (let i = 0; i < NAIVE_ITER; i++) {
      const s = performance.now();
      naive(r);
      nv.push(performance.now() - s);
    }
    ours.push(...t);
    theirs.push(...nv);
    rows.push({ request: r.name, matches: n, p50: pct(t, 50).toFixed(1), p95: pct(t, 95).toFixed(1), naiveP50: pct(nv, 50).toFixed(0), ratio: `${(pct(nv, 50) / pct(t, 95)).toFixed(0)}×` });
  }
  console.log(`\nMatching one request, ${size.toLocaleString("en")} products (ms; the machine is shared, so figures are noisy; ratios are within this run)`);
  console.table(rows);
  const p95 = pct(ours, 95);
  const naiveP50 = pct(theirs, 50);
  const naiveP95 = pct(theirs, 95);
  console.log(`all requests: matcher p50 ${pct(ours, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms; naive p50 ${naiveP50.toFixed(0)} ms, p95 ${naiveP95.toFixed(0)} ms; ratio (naive p50 / matcher p95) ${(naiveP50 / p95).toFixed(0)}×`);
  console.log(`target: p95 ≤ 50 ms ${p95 <= 50 ? "✓" : "✗"}, ≥ 10× faster than naive ${naiveP50 / p95 >= 10 ? "✓" : "✗"}`);
  c.close();
  (globalThis as { __db?: unknown }).__db = undefined;
}

import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessionFor, startProductionServer } from "./helpers/production-server";

/*
 * The page cache (app/services/page-cache.server.ts) in the production server with two worker processes: pages are
 * answered from each worker's cache ("X-Page-Cache: hit") and never show a state the database no longer holds.
 * Writes here come from this test's own process, a third one: only the generation in the database tells the
 * workers, as it would for a write answered by the other worker or made by a script.
 */

const file = process.env.DATABASE_PATH!;
let server: Awaited<ReturnType<typeof startProductionServer>>;
let lotId = 0;
let certificateId = 0;
let productId = 0;

function write(sql: string, ...params: unknown[]) {
  const db = new Database(file);
  try {
    db.pragma("busy_timeout = 5000");
    db.prepare(sql).run(...params);
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  const db = new Database(file, { readonly: true });
  const row = db
    .prepare(
      `SELECT l.id AS lot, c.id AS cert, p.id AS product FROM lots l JOIN products p ON p.id = l.product_id
       JOIN certificate_products cp ON cp.product_id = p.id JOIN certificates c ON c.id = cp.certificate_id
       WHERE c.status = 'verified' AND (c.expiry_date IS NULL OR c.expiry_date > date('now', '+7 hours')) AND p.status = 'published'
         AND NOT EXISTS (SELECT 1 FROM lot_safety_decisions d WHERE d.lot_id = l.id)
       ORDER BY l.id LIMIT 1`,
    )
    .get() as { lot: number; cert: number; product: number };
  db.close();
  ({ lot: lotId, cert: certificateId, product: productId } = row);
  server = await startProductionServer({ file, workers: 2 });
}, 180_000);

afterAll(async () => {
  await server?.stop();
});

describe("the page cache", () => {
  it("answers repeated anonymous trace, product, search and API requests from each worker's cache, byte for byte but the nonce", async () => {
    for (const path of [`/t/${lotId}`, `/products/${productId}`, "/search?q=buoi", "/api/v1/products?q=ca%20phe"]) {
      const answers = await server.fromEveryWorker(path);
      expect(answers.every((a) => a.status === 200)).toBe(true);
      expect(new Set(answers.filter((a) => a.headers["x-page-cache"] === "hit").map((a) => a.worker))).toEqual(new Set(["1", "2"]));
      const strip = (a: (typeof answers)[number]) => {
        const nonce = /'nonce-([^']+)'/.exec(String(a.headers["content-security-policy"]))![1]!;
        expect(a.body.includes(nonce) || !a.body.includes("nonce=")).toBe(true);
        return a.body.split(nonce).join("N");
      };
      expect(new Set(answers.map(strip)).size).toBe(1);
      // Each answer has its own nonce, and the security headers once.
      expect(new Set(answers.map((a) => a.headers["content-security-policy"])).size).toBe(answers.length);
      for (const a of answers) expect(a.headers["x-content-type-options"]).toBe("nosniff");
    }
  }, 60_000);

  it("shows a lot withheld from sale in the next answer of every worker", async () => {
    const path = `/t/${lotId}`;
    const before = await server.fromEveryWorker(path);
    expect(before.some((a) => a.headers["x-page-cache"] === "hit")).toBe(true);
    expect(before.every((a) => !a.body.includes("Lô này đã bị HTX dừng bán"))).toBe(true);

    const owner = new Database(file, { readonly: true }).prepare("SELECT p.cooperative_id FROM lots l JOIN products p ON p.id = l.product_id WHERE l.id = ?").pluck().get(lotId);
    write("INSERT INTO lot_safety_decisions (lot_id, cooperative_id, kind, note) VALUES (?, ?, 'withheld', 'kiểm nghiệm dư lượng')", lotId, owner);

    const after = await server.fromEveryWorker(path);
    for (const a of after) expect(a.body).toContain("Lô này đã bị HTX dừng bán");
  }, 60_000);

  it("shows a revoked certificate in the next answer, and a revalidation gets the new page, not a 304", async () => {
    const path = `/t/${lotId}`;
    const before = await server.fromEveryWorker(path);
    const etag = String(before.at(-1)!.headers.etag);
    const revalidated = await server.request(path, { headers: { "If-None-Match": etag } });
    expect(revalidated.status).toBe(304);

    write("UPDATE certificates SET status = 'revoked', decided_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?", certificateId);

    for (let i = 0; i < 4; i++) {
      const a = await server.request(path, { headers: { "If-None-Match": etag } });
      expect(a.status).toBe(200);
      expect(a.headers.etag).not.toBe(etag);
      expect(a.body).toContain("Đã thu hồi");
    }
  }, 60_000);

  it("shows a new price on the product page and in the API at once", async () => {
    const page = `/products/${productId}`;
    const api = `/api/v1/products/${productId}`;
    await server.fromEveryWorker(page);
    await server.fromEveryWorker(api);
    write("UPDATE products SET price = 123457 WHERE id = ?", productId);
    for (const a of await server.fromEveryWorker(page)) expect(a.body).toContain("123.457");
    for (const a of await server.fromEveryWorker(api)) expect(JSON.parse(a.body).data.price_vnd).toBe(123457);
  }, 60_000);

  it("keeps the languages apart: the language cookie and Accept-Language pick their own copy", async () => {
    const path = `/t/${lotId}`;
    const vi = await server.fromEveryWorker(path);
    const en = await server.fromEveryWorker(path, { Cookie: "lang=en" });
    const enHeader = await server.fromEveryWorker(path, { "Accept-Language": "en-GB,en;q=0.9" });
    for (const a of vi) expect(a.body).toContain('<html lang="vi"');
    for (const a of [...en, ...enHeader]) expect(a.body).toContain('<html lang="en"');
    expect(en.some((a) => a.headers["x-page-cache"] === "hit")).toBe(true);
  }, 60_000);

  it("never answers a signed-in visitor, a serial page, a POST or a .data request from the cache", async () => {
    const cookie = sessionFor(file, "buyer@demo.chohtx.vn");
    await server.fromEveryWorker(`/products/${productId}`);
    const signedIn = await server.fromEveryWorker(`/products/${productId}`, { Cookie: cookie });
    for (const a of signedIn) {
      expect(a.headers["x-page-cache"]).toBeUndefined();
      expect(a.body).toMatch(/account-menu/);
    }
    const serial = await server.fromEveryWorker(`/t/${lotId}?sn=NOPE123`);
    for (const a of serial) expect(a.headers["x-page-cache"]).toBeUndefined();
    const data = await server.fromEveryWorker(`/products/${productId}.data`);
    for (const a of data) expect(a.headers["x-page-cache"]).toBeUndefined();
    const post = await server.request(`/api/v1/products?q=ca%20phe`, { method: "POST" });
    expect(post.status).toBe(405);
    expect(post.headers["x-page-cache"]).toBeUndefined();
  }, 60_000);

  it("counts a scan through the GS1 Digital Link resolver without unsettling a cached page (a fair's thousands of scans stay hits)", async () => {
    const db = new Database(file, { readonly: true });
    const lot = db
      .prepare("SELECT l.id, l.code, p.gtin FROM lots l JOIN products p ON p.id = l.product_id WHERE p.gtin IS NOT NULL AND p.status = 'published' AND l.serialised = 0 ORDER BY l.id LIMIT 1")
      .get() as { id: number; code: string; gtin: string };
    const count = () => (db.prepare("SELECT count(*) FROM scans WHERE lot_id = ?").pluck().get(lot.id) as number);
    const generation = () => db.prepare("SELECT generation FROM page_generation").pluck().get() as number;
    try {
      await server.fromEveryWorker(`/t/${lot.id}`);
      const [scansBefore, generationBefore] = [count(), generation()];
      for (let i = 0; i < 4; i++) {
        const scan = await server.request(`/01/${lot.gtin.padStart(14, "0")}/10/${encodeURIComponent(lot.code)}`);
        expect([302, 303, 307]).toContain(scan.status);
        expect(String(scan.headers.location)).toContain(`/t/${lot.id}`);
      }
      expect(count()).toBe(scansBefore + 4);
      expect(generation()).toBe(generationBefore);
      const after = await server.fromEveryWorker(`/t/${lot.id}`);
      expect(after.every((a) => a.headers["x-page-cache"] === "hit")).toBe(true);
    } finally {
      db.close();
    }
  }, 60_000);

  it("serves gzip from the cache to a client that asks for it", async () => {
    const path = `/t/${lotId}`;
    await server.fromEveryWorker(path);
    const a = await server.request(path, { headers: { "Accept-Encoding": "gzip" } });
    expect(a.headers["x-page-cache"]).toBe("hit");
    expect(a.headers["content-encoding"]).toBe("gzip");
    expect(String(a.headers.vary)).toMatch(/Accept-Encoding/i);
  }, 60_000);
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { sessionFor, startProductionServer } from "./helpers/production-server";

/*
 * The production server with two worker processes on this file's database: the search caches live in each process,
 * keyed by the index generation in the database, so a write answered by one worker must show in the very next
 * answer of the other. Every request opens its own connection (the cluster hands connections to workers in turn),
 * and the X-Worker header says which worker answered.
 */

const file = process.env.DATABASE_PATH!;
const WORD = "liênxưởng";
let server: Awaited<ReturnType<typeof startProductionServer>>;

/** The same API GET until both workers have answered it twice, as parsed JSON. */
async function fromBothWorkers(path: string) {
  const answers = await server.fromEveryWorker(path);
  for (const a of answers) expect(a.status).toBe(200);
  return answers.map((a) => ({ worker: a.worker, cache: a.headers["x-page-cache"], body: JSON.parse(a.body) as Record<string, unknown> }));
}

beforeAll(async () => {
  server = await startProductionServer({ file, workers: 2 });
  expect(server.output()).toContain("(2 workers)");
}, 180_000);

afterAll(async () => {
  await server?.stop();
});

describe("two worker processes on one database", () => {
  it("see a product published through one worker in the next answer of the other: totals and facets", async () => {
    const search = `/api/v1/products?q=${encodeURIComponent(WORD)}`;
    const db = new Database(file, { readonly: true });
    const coop = db.prepare("SELECT id, province_code AS province FROM organisations WHERE slug = 'htx-nong-nghiep-phu-ngai'").get() as { id: number; province: string };
    db.close();
    const browse = `/api/v1/products?province=${coop.province}`;

    // Both workers have counted (and cached) both searches before the write.
    const before = await fromBothWorkers(search);
    expect(before.every((a) => a.body.total === 0)).toBe(true);
    // Each worker answered its second request from its page cache (app/services/page-cache.server.ts).
    expect(new Set(before.filter((a) => a.cache === "hit").map((a) => a.worker))).toEqual(new Set(["1", "2"]));
    const browseBefore = await fromBothWorkers(browse);
    const n0 = browseBefore[0]!.body.total as number;
    expect(browseBefore.every((a) => a.body.total === n0)).toBe(true);

    // Publish a product through the dashboard form (multipart, as the browser sends it), answered by one worker.
    const form = new FormData();
    for (const [k, v] of Object.entries({ nameVi: `Bưởi ${WORD}`, categoryCode: "I.1.a", unit: "kg", originProvinceCode: coop.province, price: "45000", minOrderQty: "10", stock: "500", status: "published" })) form.set(k, v);
    const encoded = new Response(form);
    const created = await server.request("/dashboard/products/new", {
      method: "POST",
      headers: { Cookie: sessionFor(file, "htx@demo.chohtx.vn"), "Content-Type": encoded.headers.get("content-type")! },
      body: Buffer.from(await encoded.arrayBuffer()),
    });
    expect(created.status).toBe(302);
    expect(created.headers.location).toMatch(/^\/dashboard\/products\/\d+\?saved=1$/);
    const writer = created.worker;
    expect(["1", "2"]).toContain(writer);

    const after = await fromBothWorkers(search);
    for (const a of after) {
      expect(a.body.total).toBe(1);
      const facets = a.body.facets as { province: { value: string; count: number }[]; inStock: number };
      expect(facets.province).toEqual([{ value: coop.province, count: 1 }]);
      expect(facets.inStock).toBe(1);
    }
    // The worker that did not take the write answered too, from its own (now stale) cache entry: it recounted.
    expect(after.some((a) => a.worker !== writer)).toBe(true);

    const browseAfter = await fromBothWorkers(browse);
    expect(browseAfter.every((a) => a.body.total === n0 + 1)).toBe(true);
  }, 120_000);

  it("drains every worker on SIGTERM and exits 0", async () => {
    expect(await server.stop("SIGTERM")).toBe(0);
    expect(server.output()).toContain("SIGTERM: draining");
  }, 30_000);
});

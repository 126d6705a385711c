import { describe, expect, it } from "vitest";
import { getDb } from "~/db.server";
import { action, loader } from "~/routes/dashboard.workforce";
import { args, call, cookieFor, demoCooperative, get, postForm } from "./catalogue-helpers";

const c = () => getDb().$client;
const row = (id: number) => c().prepare("SELECT workers FROM cooperative_workforce WHERE cooperative_id = ?").get(id) as { workers: number } | undefined;
const provinceWorkers = (p: string) => (c().prepare("SELECT coalesce(sum(workers), 0) AS w FROM alliance_workforce_counts WHERE province_code = ?").get(p) as { w: number }).w;
const changes = () => (c().prepare("SELECT total_changes() AS n").get() as { n: number }).n;

describe("declared workers", () => {
  it("a cooperative owner declares its workers; the province's figure follows", async () => {
    const coop = demoCooperative();
    const before = provinceWorkers(coop.provinceCode);
    const had = row(coop.id)?.workers ?? 0;
    const r = await call(() => action(args(postForm("/dashboard/workforce", { workers: "42" }, cookieFor("htx@demo.chohtx.vn")))));
    expect(r.status).toBe(200);
    expect(row(coop.id)?.workers).toBe(42);
    expect(provinceWorkers(coop.provinceCode)).toBe(before - had + 42);
    const page = await call(() => loader(args(get("/dashboard/workforce", cookieFor("htx@demo.chohtx.vn")))));
    expect((page.data as { workforce: { workers: number } }).workforce.workers).toBe(42);
  });

  it("refuses a negative, fractional, textual or huge number with 400, and staff or buyers with 403, writing nothing", async () => {
    const owner = cookieFor("htx@demo.chohtx.vn");
    const staff = cookieFor("nhanvien@demo.chohtx.vn");
    const buyer = cookieFor("buyer@demo.chohtx.vn");
    const start = changes();
    for (const workers of ["-3", "2.5", "mười", "", "100001"]) {
      const r = await call(() => action(args(postForm("/dashboard/workforce", { workers }, owner))));
      expect(r.status).toBe(400);
    }
    expect((await call(() => action(args(postForm("/dashboard/workforce", { workers: ["1", "2"] }, owner))))).status).toBe(400);
    expect((await call(() => action(args(postForm("/dashboard/workforce", { workers: "5" }, staff))))).status).toBe(403);
    expect((await call(() => action(args(postForm("/dashboard/workforce", { workers: "5" }, buyer))))).status).toBe(403);
    expect(changes()).toBe(start);
  });
});

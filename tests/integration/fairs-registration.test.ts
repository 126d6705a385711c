import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, schema } from "~/db.server";
import { action as registerAction, loader as registerLoader } from "~/routes/dashboard.fairs.$fairId._index";
import { loader as listLoader } from "~/routes/dashboard.fairs._index";
import { loader as posterLoader } from "~/routes/dashboard.fairs.$fairId.poster[.]pdf";
import { cookieFor, demo, get, orgOf, otherCooperativeEmail, run } from "./helpers/orders";
import { fairCounts, inDays, makeFair, postPairs, publishedProductIds } from "./fairs-helpers";

const coopId = () => orgOf(demo.cooperative).id;
const register = (fairId: number, productIds: number[], cookie = cookieFor(demo.cooperative)) =>
  run(registerAction, postPairs(`/dashboard/fairs/${fairId}`, productIds.map((id) => ["productIds", String(id)]), cookie), { fairId: String(fairId) });

describe("cooperative fair registration", () => {
  it("an invited cooperative registers with its own published products, changes them, and downloads its poster", async () => {
    const fair = makeFair({ invite: [coopId()] });
    const list = await run(listLoader, get("/dashboard/fairs", cookieFor(demo.cooperative)));
    expect((list.data as { fairs: { id: number }[] }).fairs.map((f) => f.id)).toContain(fair.id);
    const [a, b, c] = publishedProductIds(coopId(), 3);
    const r = await register(fair.id, [a!, b!]);
    expect(r.status).toBe(302);
    const booth = db.select().from(schema.fairBooths).where(and(eq(schema.fairBooths.fairId, fair.id), eq(schema.fairBooths.cooperativeId, coopId()))).get()!;
    expect(booth.state).toBe("registered");
    const shown = () => db.select().from(schema.fairBoothProducts).where(eq(schema.fairBoothProducts.boothId, booth.id)).all().map((p) => p.productId);
    expect(shown()).toEqual([a, b]);
    // Staff may change them too, one product only is enough (a single value is still a list).
    expect((await register(fair.id, [c!], cookieFor(demo.staff))).status).toBe(302);
    expect(shown()).toEqual([c]);
    const poster = await run(posterLoader, get(`/dashboard/fairs/${fair.id}/poster.pdf`, cookieFor(demo.cooperative)), { fairId: String(fair.id) });
    expect(poster.status).toBe(200);
    expect(Buffer.from(await poster.response!.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("answers registering after the deadline with 409 and writes nothing", async () => {
    const fair = makeFair({ invite: [coopId()], deadline: inDays(-1), start: inDays(3) });
    const before = fairCounts();
    const r = await register(fair.id, publishedProductIds(coopId(), 2));
    expect(r.status).toBe(409);
    expect(JSON.stringify(r.data)).toMatch(/Đã hết hạn đăng ký gian hàng/);
    expect(fairCounts()).toEqual(before);
    const page = await run(registerLoader, get(`/dashboard/fairs/${fair.id}`, cookieFor(demo.cooperative)), { fairId: String(fair.id) });
    expect((page.data as { open: boolean }).open).toBe(false);
  });

  it("answers another cooperative's products, a draft product and an unknown id with 400, writing nothing", async () => {
    const fair = makeFair({ invite: [coopId()] });
    const other = orgOf(otherCooperativeEmail()).id;
    const draft = db.select().from(schema.products).where(and(eq(schema.products.cooperativeId, coopId()), eq(schema.products.status, "draft"))).get();
    const [mine] = publishedProductIds(coopId(), 1);
    const before = fairCounts();
    for (const ids of [[mine!, publishedProductIds(other, 1)[0]!], [999_999], ...(draft ? [[draft.id]] : [])]) {
      const r = await register(fair.id, ids);
      expect(r.status).toBe(400);
      const data = r.data as { error: Record<string, string[]>; initialValue: { productIds: string[] | string } };
      expect(data.error.productIds).toEqual(["fairs.errors.notYourProducts"]);
      expect([data.initialValue.productIds].flat()).toEqual(ids.map(String));
    }
    expect((await register(fair.id, [])).status).toBe(400);
    expect((await register(fair.id, publishedProductIds(coopId(), 9).concat([1, 2, 3, 4, 5, 6, 7, 8, 9]).slice(0, 9))).status).toBe(400);
    expect(fairCounts()).toEqual(before);
  });

  it("hides fairs the cooperative is not invited to (404) and refuses buyers and alliances (403)", async () => {
    const fair = makeFair();
    const before = fairCounts();
    const p = { fairId: String(fair.id) };
    expect((await run(registerLoader, get(`/dashboard/fairs/${fair.id}`, cookieFor(demo.cooperative)), p)).status).toBe(404);
    expect((await register(fair.id, publishedProductIds(coopId(), 1))).status).toBe(404);
    expect((await run(posterLoader, get(`/dashboard/fairs/${fair.id}/poster.pdf`, cookieFor(demo.cooperative)), p)).status).toBe(404);
    expect((await run(registerLoader, get("/dashboard/fairs/999999", cookieFor(demo.cooperative)), { fairId: "999999" })).status).toBe(404);
    expect((await run(registerLoader, get(`/dashboard/fairs/${fair.id}`, cookieFor(demo.buyer)), p)).status).toBe(403);
    expect((await register(fair.id, publishedProductIds(coopId(), 1), cookieFor("lienminh@demo.chohtx.vn"))).status).toBe(403);
    // Invited, but not registered yet: no poster.
    db.insert(schema.fairInvitations).values({ fairId: fair.id, cooperativeId: coopId() }).run();
    expect((await run(posterLoader, get(`/dashboard/fairs/${fair.id}/poster.pdf`, cookieFor(demo.cooperative)), p)).status).toBe(404);
    expect(fairCounts().booths).toBe(before.booths);
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { EXACT_COUNT_LIMIT } from "~/models/search-facets.server";
import { searchProducts, settledRecounts } from "~/models/search.server";
import { loader as productsApi } from "~/routes/api.v1.products";
import { loader as searchLoader } from "~/routes/search";

// A broad word the demo catalogue does not use, on more products than EXACT_COUNT_LIMIT.
const WORD = "trámbùi";
const MANY = EXACT_COUNT_LIMIT + 60;

const coop = () => db.select().from(schema.organisations).where(eq(schema.organisations.slug, "htx-nong-nghiep-phu-ngai")).get()!;
const otherProvince = () =>
  db.select().from(schema.provinces).all().find((p) => p.code !== coop().provinceCode)!.code;

function addProducts(n: number, { province, tag }: { province?: string; tag: string }) {
  const c = coop();
  const insert = db.$client.prepare(
    `INSERT INTO products (cooperative_id, slug, name_vi, category_code, unit, origin_province_code, price, min_order_qty, stock, status, published_at)
     VALUES (?, ?, ?, 'I.1.a', 'kg', ?, 30000, 10, 100, 'published', ?)`,
  );
  db.$client.transaction(() => {
    for (let i = 0; i < n; i++) insert.run(c.id, `${tag}-${i}`, `Quả ${WORD} ${tag} ${i}`, province ?? c.provinceCode, new Date().toISOString());
  })();
}

const page = async (search: string) => {
  const res = (await searchLoader({ request: new Request(`http://localhost:3000/search?${search}`), params: {}, context: {} })) as unknown as {
    data: { total: number; totalAtLeast: boolean; facets: unknown; items: unknown[]; pageCount: number };
    init: { status?: number } | null;
  };
  return res;
};

beforeAll(() => {
  addProducts(MANY, { tag: "a" });
  addProducts(3, { tag: "b", province: otherProvince() });
});

describe("a broad text search nobody has counted yet", () => {
  it("answers at once with a lower bound and no facets, then exactly once the background count is in", async () => {
    const first = searchProducts({ q: WORD });
    expect(first.totalAtLeast).toBe(true);
    expect(first.total).toBe(EXACT_COUNT_LIMIT);
    expect(first.facets).toBeNull();
    expect(first.items).toHaveLength(20);
    // Pages exist past the bound's page count: the pager offers the next page.
    expect(first.pageCount).toBe(EXACT_COUNT_LIMIT / 20);

    await settledRecounts();
    const second = searchProducts({ q: WORD });
    expect(second.totalAtLeast).toBe(false);
    expect(second.total).toBe(MANY + 3);
    expect(second.facets!.province.reduce((n, f) => n + f.count, 0)).toBe(MANY + 3);
    expect(second.items.map((i) => i.id)).toEqual(first.items.map((i) => i.id));
  });

  it("is exact again after a write (a cheap recount runs in the request)", async () => {
    await settledRecounts();
    addProducts(1, { tag: "c" });
    const after = searchProducts({ q: WORD });
    expect(after).toMatchObject({ totalAtLeast: false, total: MANY + 4 });
  });

  it("says so on the page and in the API", async () => {
    const p = await page(`q=${encodeURIComponent(WORD)}&inStock=1`);
    expect(p.data.totalAtLeast).toBe(true);
    expect(p.data.facets).toBeNull();
    // Not a 404 for a page inside the bound.
    const res = (await productsApi({ request: new Request(`http://localhost:3000/api/v1/products?q=${encodeURIComponent(WORD)}&priceMax=90000`), params: {}, context: {} })) as Response;
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ total: EXACT_COUNT_LIMIT, total_at_least: true, facets: null });
    await settledRecounts();
    const again = (await (
      (await productsApi({ request: new Request(`http://localhost:3000/api/v1/products?q=${encodeURIComponent(WORD)}&priceMax=90000`), params: {}, context: {} })) as Response
    ).json()) as Record<string, unknown>;
    expect(again.total_at_least).toBe(false);
    expect(again.facets).not.toBeNull();
  });

  it("keeps an exact total when the results are few but the province facet is broad", async () => {
    const r = searchProducts({ q: WORD, province: otherProvince() });
    expect(r.total).toBe(3);
    expect(r.totalAtLeast).toBe(false);
    await settledRecounts();
    const counted = searchProducts({ q: WORD, province: otherProvince() });
    expect(counted.facets!.province.find((f) => f.value === coop().provinceCode)!.count).toBeGreaterThan(EXACT_COUNT_LIMIT);
  });

  it("counts exactly at once for a page past the bound and for a selective search", () => {
    const deep = searchProducts({ q: `${WORD} a`, page: EXACT_COUNT_LIMIT / 20 + 2 });
    expect(deep.totalAtLeast).toBe(false);
    expect(deep.total).toBeGreaterThan(EXACT_COUNT_LIMIT);
    expect(deep.items.length).toBeGreaterThan(0);
    const selective = searchProducts({ q: `${WORD} b` });
    expect(selective).toMatchObject({ totalAtLeast: false, total: 3 });
    expect(selective.facets).not.toBeNull();
  });
});

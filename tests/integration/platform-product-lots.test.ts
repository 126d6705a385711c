import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, schema } from "~/db.server";
import { loader as resolverLoader } from "~/routes/01.$";
import { loader as productLoader } from "~/routes/products.$productId";
import { loader as productsApiLoader } from "~/routes/api.v1.products";
import { loader as productApiLoader } from "~/routes/api.v1.products_.$productId";
import { ORIGIN, demoLot } from "./trace-helpers";

const { lot, product } = demoLot();
const lotsOfProduct = () => db.select().from(schema.lots).where(eq(schema.lots.productId, product.id)).all();

async function pageData(id: number) {
  return (await productLoader({ request: new Request(`${ORIGIN}/products/${id}`), params: { productId: String(id) }, context: {} })) as {
    lots: { id: number; code: string; traceUrl: string; digitalLink: string | null }[];
  };
}

describe("a product page shows its recent lots with the consumer's two links", () => {
  it("lists the product's lots, newest harvest first, each with its trace page and GS1 Digital Link", async () => {
    const data = await pageData(product.id);
    const expected = lotsOfProduct()
      .sort((a, b) => b.harvestDate.localeCompare(a.harvestDate) || b.packingDate.localeCompare(a.packingDate) || b.id - a.id)
      .slice(0, 5)
      .map((l) => l.id);
    expect(data.lots.map((l) => l.id)).toEqual(expected);
    const mine = data.lots.find((l) => l.id === lot.id)!;
    expect(mine.traceUrl).toBe(`${ORIGIN}/t/${lot.id}`);
    expect(mine.digitalLink).toMatch(new RegExp(`^${ORIGIN}/01/${product.gtin}/10/`));
  });

  it("the Digital Link it shows is one the resolver sends to that same trace page", async () => {
    const { lots } = await pageData(product.id);
    const dl = new URL(lots.find((l) => l.id === lot.id)!.digitalLink!);
    const path = dl.pathname;
    const res = (await resolverLoader({ request: new Request(dl), params: { "*": path.slice(4) }, context: {} })) as Response;
    expect(res.status).toBe(307);
    expect(new URL(res.headers.get("Location")!).pathname).toBe(`/t/${lot.id}`);
  });

  it("a product without lots shows none, and another product's lots never appear", async () => {
    const withoutLots = db.select().from(schema.products).where(eq(schema.products.status, "published")).all().find((p) => !db.select().from(schema.lots).where(eq(schema.lots.productId, p.id)).get())!;
    const data = await pageData(withoutLots.id);
    expect(data.lots).toEqual([]);
  });
});

describe("the products API carries the recent lots", () => {
  it("GET /api/v1/products/{id}: the product with recent_lots (trace_url, digital_link)", async () => {
    const res = (await productApiLoader({ request: new Request(`${ORIGIN}/api/v1/products/${product.id}`), params: { productId: String(product.id) }, context: {} })) as Response;
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toMatch(/application\/json/);
    const body = await res.json();
    expect(body.data.id).toBe(product.id);
    const entry = body.data.recent_lots.find((l: { id: number }) => l.id === lot.id);
    expect(entry).toMatchObject({ code: lot.code, harvest_date: lot.harvestDate, best_before_date: lot.bestBeforeDate, trace_url: `${ORIGIN}/t/${lot.id}` });
    expect(entry.digital_link).toMatch(new RegExp(`^${ORIGIN}/01/${product.gtin}/10/`));
  });

  it("GET /api/v1/products?q=…: every item carries recent_lots, the demo lot's product with its lots", async () => {
    const q = encodeURIComponent(product.nameVi);
    const res = (await productsApiLoader({ request: new Request(`${ORIGIN}/api/v1/products?q=${q}&limit=100`), params: {}, context: {} })) as Response;
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(200);
    for (const item of body.data) expect(Array.isArray(item.recent_lots)).toBe(true);
    const mine = body.data.find((p: { id: number }) => p.id === product.id);
    expect(mine.recent_lots.map((l: { id: number }) => l.id)).toContain(lot.id);
    const others = body.data.filter((p: { id: number }) => p.id !== product.id).flatMap((p: { recent_lots: { id: number }[] }) => p.recent_lots.map((l) => l.id));
    expect(others).not.toContain(lot.id);
  });

  it("unknown ids answer a JSON 404, malformed ones a 400 naming the parameter", async () => {
    const get = (id: string) => productApiLoader({ request: new Request(`${ORIGIN}/api/v1/products/${id}`), params: { productId: id }, context: {} }) as Promise<Response>;
    const missing = await get("999999");
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe("not_found");
    for (const bad of ["0x10", "1e3", "abc", "0"]) {
      const r = await get(bad);
      expect(r.status, bad).toBe(400);
      expect((await r.json()).error.parameter).toBe("id");
    }
    // A draft product is not public: 404, as on the page.
    const draft = db.insert(schema.products).values({ ...product, id: undefined, gtin: null, status: "draft", nameVi: "Bản nháp" }).returning().get();
    expect((await get(String(draft.id))).status).toBe(404);
  });
});

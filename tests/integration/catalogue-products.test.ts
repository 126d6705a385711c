import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, schema } from "~/db.server";
import { action as editAction, loader as editLoader } from "~/routes/dashboard.products.$productId";
import { action as newAction } from "~/routes/dashboard.products.new";
import { loader as productLoader } from "~/routes/products.$productId";
import { loader as barcodeLoader } from "~/routes/products_.$productId.barcode[.svg]";
import { loader as profileLoader } from "~/routes/cooperatives.$slug";
import { args, call, cookieFor, demoCooperative, get, otherCooperative, pngBlob, postMultipart, productFields } from "./catalogue-helpers";

const productCount = () => db.select({ n: count() }).from(schema.products).get()!.n;
const tierCount = () => db.select({ n: count() }).from(schema.priceTiers).get()!.n;
const photoCount = () => db.select({ n: count() }).from(schema.productPhotos).get()!.n;
const htx = () => cookieFor("htx@demo.chohtx.vn");

async function create(fields: Record<string, string | string[] | Blob | Blob[]>, names?: Record<string, string>) {
  return call(() => newAction(args(postMultipart("/dashboard/products/new", fields, htx(), names))));
}

function fieldErrors(data: unknown): Record<string, string[]> {
  return ((data as { error?: Record<string, string[]> } | null)?.error ?? {}) as Record<string, string[]>;
}

describe("creating products", () => {
  it("creates a product with a GTIN, tiers and photos, stored as 14 digits and WebP widths", async () => {
    const r = await create({ ...productFields, gtin: "8931234567897", photos: [await pngBlob(), await pngBlob(60, 40)] }, { photos: "a.png" });
    expect(r.status).toBe(302);
    const id = Number(r.response!.headers.get("Location")!.match(/products\/(\d+)/)![1]);
    const product = db.select().from(schema.products).where(eq(schema.products.id, id)).get()!;
    expect(product).toMatchObject({ gtin: "08931234567897", price: 45000, status: "published", cooperativeId: demoCooperative().id });
    expect(product.publishedAt).toBeTruthy();
    expect(db.select().from(schema.priceTiers).where(eq(schema.priceTiers.productId, id)).all()).toHaveLength(2);
    const photos = db.select().from(schema.productPhotos).where(eq(schema.productPhotos.productId, id)).all();
    expect(photos).toHaveLength(2);
    expect(photos[0]!.path).toMatch(/^products\//);

    const page = await call(() => productLoader(args(get(`/products/${id}`), { productId: String(id) })));
    expect(page.status).toBe(200);
    const svg = (await barcodeLoader(args(get(`/products/${id}/barcode.svg`), { productId: String(id) }))) as Response;
    expect(svg.status).toBe(200);
    expect(svg.headers.get("Content-Type")).toBe("image/svg+xml");
    expect(await svg.text()).toMatch(/^<svg/);
  });

  it("keeps a GTIN-12 as typed when the product is edited again", async () => {
    const r = await create({ ...productFields, gtin: "036000291452" });
    expect(r.status).toBe(302);
    const id = r.response!.headers.get("Location")!.match(/products\/(\d+)/)![1]!;
    expect(db.select().from(schema.products).where(eq(schema.products.id, Number(id))).get()!.gtin).toBe("00036000291452");
    const load = await call(() => editLoader(args(get(`/dashboard/products/${id}`, htx()), { productId: id })));
    expect((load.data as { defaults: { gtin: string; tiers: unknown[] } }).defaults).toMatchObject({ gtin: "036000291452", tiers: [{ minQty: "100", unitPrice: "42000" }, { minQty: "1000", unitPrice: "38000" }] });
  });

  it("rejects a wrong check digit with 400, naming the digit it should be, and writes nothing", async () => {
    const before = productCount();
    const r = await create({ ...productFields, gtin: "8931234567890" });
    expect(r.status).toBe(400);
    expect(fieldErrors(r.data).gtin).toEqual(["catalogue.errors.gtinCheck7"]);
    expect((r.data as { initialValue: Record<string, unknown> }).initialValue.nameVi).toBe(productFields.nameVi);
    expect(productCount()).toBe(before);
  });

  it("answers a GTIN already on the platform with 409 and writes nothing", async () => {
    const taken = db.select({ gtin: schema.products.gtin }).from(schema.products).where(eq(schema.products.cooperativeId, otherCooperative().coop.id)).all().find((p) => p.gtin)!.gtin!;
    const before = [productCount(), tierCount()];
    const r = await create({ ...productFields, gtin: taken.replace(/^0/, "") });
    expect(r.status).toBe(409);
    expect(fieldErrors(r.data).gtin).toEqual(["catalogue.errors.gtinTaken"]);
    expect([productCount(), tierCount()]).toEqual(before);
  });

  it.each([
    ["a negative price", { price: "-45000" }, "price", "catalogue.errors.negative"],
    ["a non-integer price", { price: "45000.5" }, "price", "catalogue.errors.wholeNumber"],
    ["tiers out of order", { "tiers[0].minQty": "1000", "tiers[1].minQty": "100" }, "tiers[1].minQty", "catalogue.errors.tierOrder"],
    ["a tier that is not cheaper", { "tiers[1].unitPrice": "43000" }, "tiers[1].unitPrice", "catalogue.errors.tierPriceOrder"],
    ["a minimum order above the stock", { minOrderQty: "600", stock: "500", "tiers[0].minQty": "700" }, "minOrderQty", "catalogue.errors.moqAboveStock"],
    ["an unknown category", { categoryCode: "IX.9" }, "categoryCode", "catalogue.errors.category"],
  ])("rejects %s with 400 and writes nothing", async (_name, change, field, message) => {
    const before = [productCount(), tierCount()];
    const r = await create({ ...productFields, ...change });
    expect(r.status).toBe(400);
    expect(fieldErrors(r.data)[field]).toContain(message);
    expect([productCount(), tierCount()]).toEqual(before);
  });

  it("refuses a file that is not an image, whatever its name, with 415", async () => {
    const before = [productCount(), photoCount()];
    const fake = new Blob(["this is not a picture"], { type: "image/jpeg" });
    const r = await create({ ...productFields, photos: fake }, { photos: "photo.jpg" });
    expect(r.status).toBe(415);
    expect(fieldErrors(r.data).photos).toEqual(["errors.uploadType"]);
    expect([productCount(), photoCount()]).toEqual(before);
  });

  it("refuses an oversized photo with 413", async () => {
    const before = [productCount(), photoCount()];
    const big = new Blob([new Uint8Array(9 * 1024 * 1024)], { type: "image/png" });
    const r = await create({ ...productFields, photos: big }, { photos: "big.png" });
    expect(r.status).toBe(413);
    expect(fieldErrors(r.data)[""]).toEqual(["errors.uploadTooLarge"]);
    expect([productCount(), photoCount()]).toEqual(before);
  });
});

describe("another cooperative's product", () => {
  it("is not found for editing, and an edit attempt changes nothing", async () => {
    const other = otherCooperative();
    const theirs = db.select().from(schema.products).where(eq(schema.products.cooperativeId, other.coop.id)).get()!;
    const id = String(theirs.id);
    const load = await call(() => editLoader(args(get(`/dashboard/products/${id}`, htx()), { productId: id })));
    expect(load.status).toBe(404);
    const r = await call(() => editAction(args(postMultipart(`/dashboard/products/${id}`, { ...productFields, nameVi: "Bị sửa trộm", price: "1" }, htx()), { productId: id })));
    expect(r.status).toBe(404);
    expect(db.select().from(schema.products).where(eq(schema.products.id, theirs.id)).get()).toEqual(theirs);
  });

  it("can be edited by its owner, keeping the GTIN it already has", async () => {
    const other = otherCooperative();
    const theirs = db.select().from(schema.products).where(and(eq(schema.products.cooperativeId, other.coop.id))).all().find((p) => p.gtin)!;
    const id = String(theirs.id);
    const r = await call(() =>
      editAction(args(postMultipart(`/dashboard/products/${id}`, { ...productFields, gtin: theirs.gtin!, price: "51000" }, cookieFor(other.email)), { productId: id })),
    );
    expect(r.status).toBe(302);
    expect(db.select().from(schema.products).where(eq(schema.products.id, theirs.id)).get()!.price).toBe(51000);
  });
});

describe("public product page", () => {
  it("hides drafts from others but lets the owner preview", async () => {
    const demo = demoCooperative();
    const draft = db.insert(schema.products).values({ ...baseProduct(demo.id), status: "draft" }).returning().get();
    const id = String(draft.id);
    expect((await call(() => productLoader(args(get(`/products/${id}`), { productId: id })))).status).toBe(404);
    expect((await call(() => productLoader(args(get(`/products/${id}`, cookieFor("buyer@demo.chohtx.vn")), { productId: id })))).status).toBe(404);
    const owner = await call(() => productLoader(args(get(`/products/${id}`, htx()), { productId: id })));
    expect(owner.status).toBe(200);
    expect((owner.data as { isOwner: boolean }).isOwner).toBe(true);
  });

  it("hides published products of a suspended cooperative", async () => {
    const other = otherCooperative();
    const p = db.select().from(schema.products).where(and(eq(schema.products.cooperativeId, other.coop.id), eq(schema.products.status, "published"))).get()!;
    db.update(schema.organisations).set({ status: "suspended" }).where(eq(schema.organisations.id, other.coop.id)).run();
    try {
      expect((await call(() => productLoader(args(get(`/products/${p.id}`), { productId: String(p.id) })))).status).toBe(404);
    } finally {
      db.update(schema.organisations).set({ status: "active" }).where(eq(schema.organisations.id, other.coop.id)).run();
    }
  });

  it("answers 404 for a malformed or unknown id", async () => {
    expect((await call(() => productLoader(args(get("/products/abc"), { productId: "abc" })))).status).toBe(404);
    expect((await call(() => productLoader(args(get("/products/99999999"), { productId: "99999999" })))).status).toBe(404);
  });
});

describe("public cooperative profile", () => {
  it("shows contact details only to signed-in users and members only with consent", async () => {
    const demo = demoCooperative();
    db.update(schema.organisations).set({ phone: "0912345678", zalo: "0912345678" }).where(eq(schema.organisations.id, demo.id)).run();
    const anon = await call(() => profileLoader(args(get(`/cooperatives/${demo.slug}`), { slug: demo.slug })));
    expect(anon.status).toBe(200);
    const a = anon.data as { contact: unknown; publicMembers: { name: string }[]; cooperative: Record<string, unknown> };
    expect(a.contact).toBeNull();
    expect(JSON.stringify(anon.data)).not.toContain("0912345678");
    const consenting = db.select().from(schema.members).where(and(eq(schema.members.cooperativeId, demo.id), eq(schema.members.publicConsent, true))).all();
    expect(a.publicMembers.map((m) => m.name).sort()).toEqual(consenting.map((m) => m.name).sort());
    expect(JSON.stringify(a.publicMembers)).not.toMatch(/areaHa|plantingAreaCode/);
    const signedIn = await call(() => profileLoader(args(get(`/cooperatives/${demo.slug}`, cookieFor("buyer@demo.chohtx.vn")), { slug: demo.slug })));
    expect((signedIn.data as { contact: { phone: string } }).contact.phone).toBe("0912345678");
  });

  it("answers 404 for an unknown slug or a buyer's slug", async () => {
    expect((await call(() => profileLoader(args(get("/cooperatives/khong-co"), { slug: "khong-co" })))).status).toBe(404);
    const buyer = db.select().from(schema.organisations).where(eq(schema.organisations.kind, "buyer")).get()!;
    expect((await call(() => profileLoader(args(get(`/cooperatives/${buyer.slug}`), { slug: buyer.slug })))).status).toBe(404);
  });
});

function baseProduct(cooperativeId: number) {
  return {
    cooperativeId,
    slug: "nhap",
    nameVi: "Sản phẩm nháp",
    categoryCode: "I.1.a",
    unit: "kg" as const,
    originProvinceCode: "86",
    price: 10000,
    minOrderQty: 1,
    stock: 10,
  };
}

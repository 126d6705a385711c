import { parseWithZod } from "@conform-to/zod/v4";
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { db, schema } from "~/db.server";
import { eventSchema, labelsSchema, lotSchema, serialsSchema } from "~/capabilities/trace/forms.server";
import { certificateSchema } from "~/lib/certificate-rules";
import { addToCartSchema, quoteAnswerSchema, quoteRequestSchema } from "~/lib/order-forms";
import { parseWholeNumber, productSchema } from "~/lib/product-rules";
import { readDecimal } from "~/lib/validation";
import { action as cartAction } from "~/routes/cart";
import { action as requestQuoteAction } from "~/routes/products.$productId_.quote";
import { action as newProductAction } from "~/routes/dashboard.products.new";
import { args, call, cookieFor as catalogueCookie, postMultipart, productFields } from "./catalogue-helpers";
import { clearCart, cookieFor, demo, orgOf, post, prepareProduct, run } from "./helpers/orders";

// What Number() and z.coerce.number() would read as a number, but a person never types as one.
const notDecimal = ["0x64", "1e3", "1E3", "0b11", "0o7", "Infinity", "1_000", "+5", "1 2", "１２", "٣", "12abc", ".5"];

describe("readDecimal", () => {
  it("reads plain decimal digits, and only those", () => {
    expect(readDecimal("100")).toBe(100);
    expect(readDecimal(" 42 ")).toBe(42);
    expect(readDecimal("-5")).toBe(-5);
    expect(readDecimal("4.5")).toBe(4.5);
    expect(readDecimal("")).toBeUndefined();
    for (const v of notDecimal) expect(readDecimal(v), v).toBeNaN();
  });
});

/** Every form schema that takes a number, parsed the way the routes parse it (conform over FormData). */
const forms: { name: string; schema: z.ZodType; base: Record<string, string>; field: string; good: string }[] = [
  { name: "add to cart: quantity", schema: addToCartSchema, base: { productId: "1" }, field: "quantity", good: "100" },
  { name: "add to cart: product id", schema: addToCartSchema, base: { quantity: "5" }, field: "productId", good: "1" },
  { name: "quote request: quantity", schema: quoteRequestSchema, base: { deliveryProvinceCode: "79", deliveryDate: "2099-01-10" }, field: "quantity", good: "200" },
  { name: "quote answer: unit price", schema: quoteAnswerSchema, base: { intent: "answer", validUntil: "2099-01-10" }, field: "unitPrice", good: "95000" },
  { name: "product: price", schema: productSchema, base: { ...productFields, harvestMonths: "8" } as Record<string, string>, field: "price", good: "45000" },
  { name: "product: minimum order", schema: productSchema, base: { ...productFields, harvestMonths: "8" } as Record<string, string>, field: "minOrderQty", good: "50" },
  { name: "product: stock", schema: productSchema, base: { ...productFields, harvestMonths: "8" } as Record<string, string>, field: "stock", good: "5000" },
  { name: "product: lead time", schema: productSchema, base: { ...productFields, harvestMonths: "8" } as Record<string, string>, field: "leadTimeDays", good: "2" },
  { name: "product: tier quantity", schema: productSchema, base: { ...productFields, harvestMonths: "8" } as Record<string, string>, field: "tiers[0].minQty", good: "100" },
  { name: "product: tier price", schema: productSchema, base: { ...productFields, harvestMonths: "8" } as Record<string, string>, field: "tiers[0].unitPrice", good: "42000" },
  { name: "product: harvest month", schema: productSchema, base: { ...productFields } as unknown as Record<string, string>, field: "harvestMonths", good: "8" },
  { name: "certificate: OCOP stars", schema: certificateSchema, base: { type: "ocop", number: "QĐ 1", issuer: "UBND", issueDate: "2025-01-10" }, field: "ocopStars", good: "4" },
  { name: "lot: quantity", schema: lotSchema, base: { productId: "1", code: "L1", harvestDate: "2026-11-01", packingDate: "2026-11-03", bestBeforeDate: "2027-11-03", unit: "kg" }, field: "quantity", good: "1000" },
  { name: "lot: household quantity", schema: lotSchema, base: { productId: "1", code: "L1", harvestDate: "2026-11-01", packingDate: "2026-11-03", bestBeforeDate: "2027-11-03", unit: "kg", quantity: "1000", "contributions[0].memberId": "1" }, field: "contributions[0].quantity", good: "600" },
  { name: "diary event: pre-harvest interval", schema: eventSchema, base: { intent: "event", type: "spraying", eventTime: "2026-10-01T08:00", commune: "Phú Ngãi", who: "Tổ 1", what: "Phun", sprayProduct: "Abamectin" }, field: "preHarvestIntervalDays", good: "14" },
  { name: "serials: count", schema: serialsSchema, base: { intent: "serials" }, field: "count", good: "10" },
  { name: "label sheet: count", schema: labelsSchema, base: {}, field: "count", good: "24" },
];

function parse(s: z.ZodType, fields: Record<string, string>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) {
    if (k === "harvestMonths" && typeof v !== "string") for (const m of v as string[]) fd.append(k, m);
    else fd.append(k, v);
  }
  const r = parseWithZod(fd, { schema: s });
  return { status: r.status, error: r.status === "error" ? r.error : undefined };
}

describe("every form that takes a number accepts plain decimal digits only", () => {
  for (const f of forms) {
    it(f.name, () => {
      const good = parse(f.schema, { ...f.base, [f.field]: f.good });
      expect(good.status, JSON.stringify(good.error)).toBe("success");
      // The same value in hex and as an exponent, so a range check alone cannot refuse it.
      const n = Number(f.good);
      for (const v of [`0x${n.toString(16)}`, n % 10 === 0 ? `${n / 10}e1` : `${n}e0`, "Infinity", "１２"]) {
        const bad = parse(f.schema, { ...f.base, [f.field]: v });
        expect(bad.status, `${f.field}=${v}`).toBe("error");
        const key = f.field.startsWith("tiers[") ? "tiers" : f.field;
        expect(Object.keys(bad.error ?? {}).some((k) => k === f.field || k.startsWith(key)), `${f.field}=${v}: ${JSON.stringify(bad.error)}`).toBe(true);
      }
    });
  }

  it("the CSV import's whole numbers (price with separators, quantities) refuse hex and exponents", () => {
    for (const v of ["0x64", "1e3", "１２"]) {
      expect(parseWholeNumber(v)).toBe("catalogue.errors.wholeNumber");
      expect(parseWholeNumber(v, { grouped: true })).toBe("catalogue.errors.wholeNumber");
    }
    expect(parseWholeNumber("42.000", { grouped: true })).toBe(42000);
  });
});

describe("through the routes: 400 and nothing written", () => {
  it("the cart refuses quantity=0x64 and 1e3 and keeps the cart as it was", async () => {
    const product = prepareProduct({ minOrderQty: 1, stock: 1_000 });
    const buyer = cookieFor(demo.buyer);
    clearCart(demo.buyer);
    const items = () => db.select({ n: count() }).from(schema.cartItems).where(eq(schema.cartItems.buyerId, orgOf(demo.buyer).id)).get()!.n;
    for (const quantity of ["0x64", "1e3"]) {
      const r = await run(cartAction, post("/cart", { intent: "add", productId: product.id, quantity }, buyer));
      expect(r.status).toBe(400);
      expect(items()).toBe(0);
    }
    expect((await run(cartAction, post("/cart", { intent: "add", productId: product.id, quantity: "100" }, buyer))).status).toBe(200);
    const r = await run(cartAction, post("/cart", { intent: "update", productId: product.id, quantity: "1e3" }, buyer));
    expect(r.status).toBe(400);
    expect(db.select().from(schema.cartItems).where(eq(schema.cartItems.productId, product.id)).get()!.quantity).toBe(100);
  });

  it("a quote request with quantity 1e3 is refused and no quote is written", async () => {
    const product = prepareProduct({ index: 1 });
    const quotes = () => db.select({ n: count() }).from(schema.quotes).get()!.n;
    const before = quotes();
    const r = await run(requestQuoteAction, post(`/products/${product.id}/quote`, { quantity: "1e3", deliveryProvinceCode: "79", deliveryDate: "2099-01-10" }, cookieFor(demo.buyer)), { productId: String(product.id) });
    expect(r.status).toBe(400);
    expect(quotes()).toBe(before);
  });

  it("a new product priced 0x64 is refused with the field error and no product is written", async () => {
    const products = () => db.select({ n: count() }).from(schema.products).get()!.n;
    const before = products();
    const r = await call(() => newProductAction(args(postMultipart("/dashboard/products/new", { ...productFields, price: "0x64", gtin: "" }, catalogueCookie("htx@demo.chohtx.vn")))));
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.data)).toContain("catalogue.errors.wholeNumber");
    expect(products()).toBe(before);
  });
});

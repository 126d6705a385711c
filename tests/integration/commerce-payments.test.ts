import { beforeEach, describe, expect, it } from "vitest";
import { and, count, eq } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { action as cartAction } from "~/routes/cart";
import { action as orderAction, loader as orderLoader } from "~/routes/dashboard.orders.$orderId";
import { loader as ordersLoader } from "~/routes/dashboard.orders._index";
import { loader as qrLoader } from "~/routes/dashboard.orders.$orderId_.qr[.]png";
import { loader as artLoader } from "~/routes/art.category.$code";
import { loader as homeLoader } from "~/routes/dashboard._index";
import { loader as rootLoader } from "~/root";
import { TRANSFER_REPORTED } from "~/lib/order-notes";
import { clearCart, cookieFor, delivery, demo, get, orgOf, otherBuyerEmail, otherCooperativeEmail, post, prepareProduct, run } from "./helpers/orders";

const outboxCount = () => db.select({ n: count() }).from(schema.outbox).get()!.n;
const reports = (orderId: number) =>
  db.select({ n: count() }).from(schema.orderEvents).where(and(eq(schema.orderEvents.orderId, orderId), eq(schema.orderEvents.note, TRANSFER_REPORTED))).get()!.n;

async function placeOrder(method: "bank_transfer" | "card" = "bank_transfer") {
  const buyer = cookieFor(demo.buyer);
  clearCart(demo.buyer);
  const product = prepareProduct({ price: 100_000, minOrderQty: 10, stock: 1_000 });
  expect((await run(cartAction, post("/cart", { intent: "add", productId: product.id, quantity: 10 }, buyer))).status).toBe(200);
  const coop = orgOf(demo.cooperative).id;
  const placed = await run(cartAction, post("/cart", { intent: "checkout", ...delivery, [`payment_${coop}`]: method }, buyer));
  expect(placed.status).toBe(302);
  return Number(placed.location!.match(/\/dashboard\/orders\/(\d+)/)![1]);
}

const step = (orderId: number, intent: string, cookie: string) =>
  run(orderAction, post(`/dashboard/orders/${orderId}`, { intent }, cookie), { orderId: String(orderId) });

describe("“Tôi đã chuyển khoản”", () => {
  beforeEach(() => clearCart(demo.buyer));

  it("records one event, mails the cooperative once, and leaves the status to the cooperative", async () => {
    const id = await placeOrder();
    const mails = outboxCount();
    const first = await step(id, "reportTransfer", cookieFor(demo.buyer));
    expect(first.status).toBe(302);
    expect(first.location).toBe(`/dashboard/orders/${id}?reported=1`);
    expect(reports(id)).toBe(1);
    expect(outboxCount()).toBeGreaterThan(mails);
    const afterFirst = outboxCount();
    // A double submit: nothing more is written or sent.
    expect((await step(id, "reportTransfer", cookieFor(demo.buyer))).status).toBe(302);
    expect(reports(id)).toBe(1);
    expect(outboxCount()).toBe(afterFirst);
    expect(db.select().from(schema.orders).where(eq(schema.orders.id, id)).get()!.status).toBe("placed");
    const page = await run(orderLoader, get(`/dashboard/orders/${id}`, cookieFor(demo.cooperative)), { orderId: String(id) });
    expect((page.data as { transferReportedAt: string | null }).transferReportedAt).toMatch(/Z$/);
  });

  it("is the buyer's step only (403), not another buyer's order (404), and not for card or paid orders (409); nothing written", async () => {
    const id = await placeOrder();
    const card = await placeOrder("card");
    const mails = outboxCount();
    expect((await step(id, "reportTransfer", cookieFor(demo.cooperative))).status).toBe(403);
    expect((await step(id, "reportTransfer", cookieFor(otherBuyerEmail()))).status).toBe(404);
    expect((await step(id, "reportTransfer", cookieFor(otherCooperativeEmail()))).status).toBe(404);
    expect((await step(card, "reportTransfer", cookieFor(demo.buyer))).status).toBe(409);
    expect(reports(id) + reports(card)).toBe(0);
    expect(outboxCount()).toBe(mails);
  });
});

describe("card orders", () => {
  beforeEach(() => clearCart(demo.buyer));

  it("a confirmation mails the buyer that it is time to pay, and the buyer's orders list shows it", async () => {
    const id = await placeOrder("card");
    const buyerEmail = demo.buyer;
    expect((await step(id, "confirm", cookieFor(demo.cooperative))).status).toBe(302);
    const mail = db.select().from(schema.outbox).where(eq(schema.outbox.to, buyerEmail)).orderBy(schema.outbox.id).all().at(-1)!;
    expect(mail.subject).toMatch(/đã được xác nhận: mời thanh toán bằng thẻ|confirmed: please pay by card/);
    const list = await run(ordersLoader, get("/dashboard/orders", cookieFor(demo.buyer)));
    expect((list.data as { awaitingPayment: { id: number }[] }).awaitingPayment.map((o) => o.id)).toContain(id);
    // The cooperative's list has no such notice.
    const coopList = await run(ordersLoader, get("/dashboard/orders", cookieFor(demo.cooperative)));
    expect((coopList.data as { awaitingPayment: unknown[] }).awaitingPayment).toEqual([]);
  });
});

describe("the VietQR PNG", () => {
  beforeEach(() => clearCart(demo.buyer));

  it("is a PNG for either party, 404 for anyone else and once the order no longer waits for a transfer", async () => {
    const id = await placeOrder();
    const buyer = await run(qrLoader, get(`/dashboard/orders/${id}/qr.png`, cookieFor(demo.buyer)), { orderId: String(id) });
    expect(buyer.status).toBe(200);
    expect(buyer.response!.headers.get("Content-Type")).toBe("image/png");
    const bytes = Buffer.from(await buyer.response!.arrayBuffer());
    expect(bytes.subarray(1, 4).toString()).toBe("PNG");
    expect((await run(qrLoader, get(`/dashboard/orders/${id}/qr.png`, cookieFor(demo.cooperative)), { orderId: String(id) })).status).toBe(200);
    expect((await run(qrLoader, get(`/dashboard/orders/${id}/qr.png`, cookieFor(otherBuyerEmail())), { orderId: String(id) })).status).toBe(404);
    expect((await run(qrLoader, get(`/dashboard/orders/abc/qr.png`, cookieFor(demo.buyer)), { orderId: "abc" })).status).toBe(404);
    const card = await placeOrder("card");
    expect((await run(qrLoader, get(`/dashboard/orders/${card}/qr.png`, cookieFor(demo.buyer)), { orderId: String(card) })).status).toBe(404);
  });
});

describe("header cart, category art and the dashboard home", () => {
  beforeEach(() => clearCart(demo.buyer));

  it("counts the buyer's cart in the root loader, and nothing for others", async () => {
    const product = prepareProduct();
    await run(cartAction, post("/cart", { intent: "add", productId: product.id, quantity: 10 }, cookieFor(demo.buyer)));
    const buyer = await run(rootLoader, get("/", cookieFor(demo.buyer)));
    expect((buyer.data as { cartItems: number | null }).cartItems).toBe(1);
    const coop = await run(rootLoader, get("/", cookieFor(demo.cooperative)));
    expect((coop.data as { cartItems: number | null }).cartItems).toBeNull();
    const anonymous = await run(rootLoader, get("/"));
    expect((anonymous.data as { cartItems: number | null }).cartItems).toBeNull();
  });

  it("draws a category as SVG and refuses unknown categories and units with 404", async () => {
    const ok = await run(artLoader, get("/art/category/I.6?unit=tui"), { code: "I.6" });
    expect(ok.status).toBe(200);
    expect(await ok.response!.text()).toMatch(/^<svg /);
    expect((await run(artLoader, get("/art/category/I.9.z"), { code: "<script>" })).status).toBe(404);
    expect((await run(artLoader, get("/art/category/I.6?unit=ton"), { code: "I.6" })).status).toBe(404);
  });

  it("counts what waits for the cooperative, and shows a buyer none of it", async () => {
    const before = await run(homeLoader, get("/dashboard", cookieFor(demo.cooperative)));
    const placed = (before.data as { home: { newOrders: number } }).home.newOrders;
    await placeOrder();
    const after = await run(homeLoader, get("/dashboard", cookieFor(demo.cooperative)));
    const home = (after.data as { home: { newOrders: number; monthOrders: number } }).home;
    expect(home.newOrders).toBe(placed + 1);
    expect(home.monthOrders).toBeGreaterThan(0);
    const buyer = await run(homeLoader, get("/dashboard", cookieFor(demo.buyer)));
    expect((buyer.data as { home: unknown }).home).toBeNull();
  });
});

describe("pictures beside cart lines", () => {
  it("are each product's own first photo", async () => {
    const { firstPhotos } = await import("~/models/commerce.server");
    const rows = db.select({ productId: schema.productPhotos.productId, path: schema.productPhotos.path }).from(schema.productPhotos).limit(400).all();
    const distinct = [...new Map(rows.map((r) => [r.path, r])).values()].slice(0, 3);
    expect(distinct.length).toBeGreaterThan(1);
    const pictures = firstPhotos({ productIds: distinct.map((r) => r.productId) });
    for (const r of distinct) expect(pictures[r.productId]?.path).toBe(r.path);
  });
});

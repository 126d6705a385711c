import { beforeEach, describe, expect, it } from "vitest";
import { and, count, eq } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { action as cartAction, loader as cartLoader } from "~/routes/cart";
import { action as orderAction, loader as orderLoader } from "~/routes/dashboard.orders.$orderId";
import { loader as ordersLoader } from "~/routes/dashboard.orders._index";
import { loader as exportLoader } from "~/routes/dashboard.orders.export";
import { loader as pdfLoader } from "~/routes/dashboard.orders.$orderId_.pdf";
import { action as quoteAction } from "~/routes/dashboard.quotes.$quoteId";
import { action as requestQuoteAction } from "~/routes/products.$productId_.quote";
import { expireUnpaidOrders, transitionOrder } from "~/models/order.server";
import { clearCart, cookieFor, delivery, demo, get, orgOf, otherBuyerEmail, otherCooperativeEmail, post, prepareProduct, run, stockOf, userId } from "./helpers/orders";

const outboxCount = () => db.select({ n: count() }).from(schema.outbox).get()!.n;
const orderCount = () => db.select({ n: count() }).from(schema.orders).get()!.n;

async function placeOrder(productId: number, quantity: number, extra: Record<string, string | number> = {}) {
  const buyer = cookieFor(demo.buyer);
  clearCart(demo.buyer);
  const added = await run(cartAction, post("/cart", { intent: "add", productId, quantity }, buyer));
  expect(added.status).toBe(200);
  const placed = await run(cartAction, post("/cart", { intent: "checkout", ...delivery, ...extra }, buyer));
  expect(placed.status).toBe(302);
  const id = Number(placed.location!.match(/\/dashboard\/orders\/(\d+)/)![1]);
  return db.select().from(schema.orders).where(eq(schema.orders.id, id)).get()!;
}

function step(orderId: number, intent: string, cookie: string, fields: Record<string, string> = {}) {
  return run(orderAction, post(`/dashboard/orders/${orderId}`, { intent, ...fields }, cookie), { orderId: String(orderId) });
}

describe("cart and checkout", () => {
  beforeEach(() => clearCart(demo.buyer));

  it("prices from the server's tiers and ignores a price or total sent by the client", async () => {
    const product = prepareProduct({ price: 100_000, minOrderQty: 10, tiers: [{ minQty: 100, unitPrice: 90_000 }] });
    const order = await placeOrder(product.id, 120, { unitPrice: 1, price: 1, total: 5, lineTotal: 5 });
    expect(order.total).toBe(120 * 90_000);
    const line = db.select().from(schema.orderLines).where(eq(schema.orderLines.orderId, order.id)).get()!;
    expect(line).toMatchObject({ unitPrice: 90_000, lineTotal: 10_800_000, priceSource: "tier", quantity: 120 });
    expect(order.number).toMatch(/^CHX-\d{4}-\d{6}$/);
    expect(stockOf(product.id)).toBe(1_000 - 120);
  });

  it("refuses a quantity below MOQ with 409 and the minimum, writing nothing", async () => {
    const product = prepareProduct({ minOrderQty: 50, stock: 500 });
    const buyer = cookieFor(demo.buyer);
    const r = await run(cartAction, post("/cart", { intent: "add", productId: product.id, quantity: 20 }, buyer));
    expect(r.status).toBe(409);
    expect(JSON.stringify(r.data)).toContain("50");
    expect(db.select({ n: count() }).from(schema.cartItems).where(eq(schema.cartItems.buyerId, orgOf(demo.buyer).id)).get()!.n).toBe(0);
  });

  it("refuses more than the stock with 409 and the quantity available, at add and at checkout", async () => {
    const product = prepareProduct({ minOrderQty: 1, stock: 30 });
    const buyer = cookieFor(demo.buyer);
    const tooMany = await run(cartAction, post("/cart", { intent: "add", productId: product.id, quantity: 31 }, buyer));
    expect(tooMany.status).toBe(409);
    expect(JSON.stringify(tooMany.data)).toMatch(new RegExp(`chỉ còn 30 ${{ kg: "kg", tan: "tấn", thung: "thùng", hop: "hộp", chai: "chai", tui: "túi", qua: "quả", bo: "bó", lit: "lít", goi: "gói" }[product.unit]}`));

    // Stock drops after the line went into the cart: checkout refuses and nothing is written.
    expect((await run(cartAction, post("/cart", { intent: "add", productId: product.id, quantity: 25 }, buyer))).status).toBe(200);
    db.update(schema.products).set({ stock: 12 }).where(eq(schema.products.id, product.id)).run();
    const before = orderCount();
    const r = await run(cartAction, post("/cart", { intent: "checkout", ...delivery }, buyer));
    expect(r.status).toBe(409);
    expect(JSON.stringify(r.data)).toMatch(/chỉ còn 12/);
    expect(orderCount()).toBe(before);
    expect(stockOf(product.id)).toBe(12);
  });

  it("creates one order per cooperative in one checkout", async () => {
    const mine = prepareProduct({ index: 1, minOrderQty: 1, stock: 100 });
    const otherCoop = orgOf(otherCooperativeEmail()).id;
    const theirs = db.select().from(schema.products).where(and(eq(schema.products.cooperativeId, otherCoop), eq(schema.products.status, "published"))).get()!;
    db.update(schema.products).set({ minOrderQty: 1, stock: 100 }).where(eq(schema.products.id, theirs.id)).run();
    if (!db.select().from(schema.organisations).where(eq(schema.organisations.id, otherCoop)).get()!.bankAccount) {
      db.update(schema.organisations).set({ bankBin: "970436", bankAccount: "0011001234567", bankHolder: "HTX THU" }).where(eq(schema.organisations.id, otherCoop)).run();
    }
    const buyer = cookieFor(demo.buyer);
    await run(cartAction, post("/cart", { intent: "add", productId: mine.id, quantity: 3 }, buyer));
    await run(cartAction, post("/cart", { intent: "add", productId: theirs.id, quantity: 4 }, buyer));
    const cart = await run(cartLoader, get("/cart", buyer));
    expect((cart.data as { groups: unknown[] }).groups).toHaveLength(2);
    const before = orderCount();
    const mails = outboxCount();
    const r = await run(cartAction, post("/cart", { intent: "checkout", ...delivery }, buyer));
    expect(r.status).toBe(302);
    expect(r.location).toBe("/dashboard/orders?placed=2");
    expect(orderCount()).toBe(before + 2);
    expect(outboxCount()).toBeGreaterThan(mails);
  });

  it("rejects a malformed delivery address with 400 and writes nothing", async () => {
    const product = prepareProduct({ minOrderQty: 1 });
    const buyer = cookieFor(demo.buyer);
    await run(cartAction, post("/cart", { intent: "add", productId: product.id, quantity: 2 }, buyer));
    const before = orderCount();
    const r = await run(cartAction, post("/cart", { intent: "checkout", ...delivery, provinceCode: "X", commune: "" }, buyer));
    expect(r.status).toBe(400);
    expect(orderCount()).toBe(before);
  });

  it("offers cash on delivery only to a trusted buyer", async () => {
    const product = prepareProduct({ minOrderQty: 1 });
    const coop = orgOf(demo.cooperative).id;
    db.delete(schema.trustedBuyers).where(eq(schema.trustedBuyers.cooperativeId, coop)).run();
    const buyer = cookieFor(demo.buyer);
    await run(cartAction, post("/cart", { intent: "add", productId: product.id, quantity: 2 }, buyer));
    const r = await run(cartAction, post("/cart", { intent: "checkout", ...delivery, [`payment_${coop}`]: "cod" }, buyer));
    expect(r.status).toBe(409);
    db.insert(schema.trustedBuyers).values({ cooperativeId: coop, buyerId: orgOf(demo.buyer).id }).run();
    const ok = await run(cartAction, post("/cart", { intent: "checkout", ...delivery, [`payment_${coop}`]: "cod" }, buyer));
    expect(ok.status).toBe(302);
  });
});

describe("order lifecycle", () => {
  it("walks placed → confirmed → paid (transfer) → packed → shipped → delivered → completed, each by its party", async () => {
    const product = prepareProduct({ minOrderQty: 1, stock: 100 });
    const order = await placeOrder(product.id, 5);
    const buyer = cookieFor(demo.buyer);
    const coop = cookieFor(demo.cooperative);
    const staff = cookieFor(demo.staff);

    // The buyer cannot confirm their own order; the cooperative can.
    expect((await step(order.id, "confirm", buyer)).status).toBe(403);
    const mails = outboxCount();
    expect((await step(order.id, "confirm", coop)).status).toBe(302);
    expect(outboxCount()).toBeGreaterThan(mails);
    // The buyer's people are told, in their language, with the status translated.
    const buyerMail = db.select().from(schema.outbox).where(eq(schema.outbox.subject, `Đơn ${order.number}: Đã xác nhận`)).get();
    expect(buyerMail?.to).toBe(demo.buyer);
    // Confirming twice is not a step from "confirmed".
    expect((await step(order.id, "confirm", coop)).status).toBe(409);
    // Shipping before payment and packing: 409.
    expect((await step(order.id, "ship", coop, { carrier: "GHN", trackingNumber: "X1" })).status).toBe(409);
    // Only the cooperative confirms the transfer (staff may).
    expect((await step(order.id, "markPaid", buyer)).status).toBe(403);
    expect((await step(order.id, "markPaid", staff)).status).toBe(302);
    expect((await step(order.id, "pack", coop)).status).toBe(302);
    expect((await step(order.id, "ship", coop)).status).toBe(400);
    expect((await step(order.id, "ship", coop, { carrier: "Giao Hàng Nhanh", trackingNumber: "GHN123" })).status).toBe(302);
    // Too late to cancel once shipped.
    expect((await step(order.id, "cancel", buyer)).status).toBe(409);
    expect((await step(order.id, "deliver", coop)).status).toBe(302);
    expect((await step(order.id, "complete", coop)).status).toBe(403);
    expect((await step(order.id, "complete", buyer)).status).toBe(302);

    const events = db.select().from(schema.orderEvents).where(eq(schema.orderEvents.orderId, order.id)).orderBy(schema.orderEvents.id).all();
    expect(events.map((e) => e.toStatus)).toEqual(["placed", "confirmed", "paid", "packed", "shipped", "delivered", "completed"]);
    expect(events.every((e) => e.actorUserId !== null && e.at)).toBe(true);
    const final = db.select().from(schema.orders).where(eq(schema.orders.id, order.id)).get()!;
    expect(final).toMatchObject({ status: "completed", carrier: "Giao Hàng Nhanh", trackingNumber: "GHN123" });
    expect(db.select().from(schema.payments).where(eq(schema.payments.orderId, order.id)).get()).toMatchObject({ method: "bank_transfer", status: "paid", amount: order.total });
  });

  it("returns the stock when the buyer cancels or the cooperative rejects, and needs a reason to reject", async () => {
    const product = prepareProduct({ minOrderQty: 1, stock: 50 });
    const buyer = cookieFor(demo.buyer);
    const coop = cookieFor(demo.cooperative);
    const a = await placeOrder(product.id, 20);
    expect(stockOf(product.id)).toBe(30);
    expect((await step(a.id, "cancel", buyer, { note: "Đổi kế hoạch" })).status).toBe(302);
    expect(stockOf(product.id)).toBe(50);
    expect((await step(a.id, "cancel", buyer)).status).toBe(409);
    expect(stockOf(product.id)).toBe(50);

    const b = await placeOrder(product.id, 10);
    expect((await step(b.id, "reject", coop)).status).toBe(400);
    expect((await step(b.id, "reject", coop, { note: "Hết hàng loại 1" })).status).toBe(302);
    expect(stockOf(product.id)).toBe(50);
    expect(db.select().from(schema.orders).where(eq(schema.orders.id, b.id)).get()!.rejectionReason).toBe("Hết hàng loại 1");
  });

  it("releases the stock of unpaid orders past their hold, once", async () => {
    const product = prepareProduct({ minOrderQty: 1, stock: 40 });
    const order = await placeOrder(product.id, 15);
    expect(stockOf(product.id)).toBe(25);
    db.update(schema.orders).set({ expiresAt: "2000-01-01T00:00:00.000Z" }).where(eq(schema.orders.id, order.id)).run();
    expect(expireUnpaidOrders()).toBeGreaterThanOrEqual(1);
    expect(expireUnpaidOrders()).toBe(0);
    expect(stockOf(product.id)).toBe(40);
    expect(db.select().from(schema.orders).where(eq(schema.orders.id, order.id)).get()!.status).toBe("expired");
  });

  it("answers 404 for another organisation's order and changes nothing", async () => {
    const product = prepareProduct({ minOrderQty: 1 });
    const order = await placeOrder(product.id, 2);
    for (const email of [otherBuyerEmail(), otherCooperativeEmail()]) {
      const cookie = cookieFor(email);
      expect((await run(orderLoader, get(`/dashboard/orders/${order.id}`, cookie), { orderId: String(order.id) })).status).toBe(404);
      expect((await step(order.id, "cancel", cookie)).status).toBe(404);
      expect((await step(order.id, "confirm", cookie)).status).toBe(404);
      expect((await run(pdfLoader, get(`/dashboard/orders/${order.id}/pdf`, cookie), { orderId: String(order.id) })).status).toBe(404);
    }
    expect(db.select().from(schema.orders).where(eq(schema.orders.id, order.id)).get()!.status).toBe("placed");
    expect(() => transitionOrder({ id: order.id, organisationId: orgOf(otherBuyerEmail()).id, userId: userId(otherBuyerEmail()), action: "cancel" })).toThrow();
  });

  it("shows the VietQR with amount and order number to the buyer, and a PDF with both parties", async () => {
    const product = prepareProduct({ minOrderQty: 1 });
    const order = await placeOrder(product.id, 3);
    const page = await run(orderLoader, get(`/dashboard/orders/${order.id}`, cookieFor(demo.buyer)), { orderId: String(order.id) });
    const transfer = (page.data as { transfer: { payload: string; note: string; image: string } }).transfer;
    expect(transfer.note).toBe(`${order.number} thanh toan don hang`);
    expect(transfer.payload).toContain(`54${String(String(order.total).length).padStart(2, "0")}${order.total}`);
    expect(transfer.image).toMatch(/^data:image\/png;base64,/);
    const pdf = await run(pdfLoader, get(`/dashboard/orders/${order.id}/pdf`, cookieFor(demo.cooperative)), { orderId: String(order.id) });
    expect(pdf.status).toBe(200);
    expect(pdf.response!.headers.get("Content-Type")).toBe("application/pdf");
    const bytes = Buffer.from(await pdf.response!.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    // The Vietnamese font is embedded, so diacritics render.
    expect(bytes.toString("latin1")).toMatch(/DejaVuSans/);
  });

  it("lists, filters and exports orders for each side", async () => {
    const product = prepareProduct({ minOrderQty: 1 });
    const order = await placeOrder(product.id, 4);
    const coopList = await run(ordersLoader, get(`/dashboard/orders?status=placed&q=${order.number}`, cookieFor(demo.cooperative)));
    const rows = (coopList.data as { orders: { id: number; status: string }[] }).orders;
    expect(rows.map((r) => r.id)).toEqual([order.id]);
    const buyerList = await run(ordersLoader, get(`/dashboard/orders?status=completed`, cookieFor(demo.buyer)));
    expect((buyerList.data as { orders: { status: string }[] }).orders.every((o) => o.status === "completed")).toBe(true);
    const csv = await run(exportLoader, get(`/dashboard/orders/export?q=${order.number}`, cookieFor(demo.buyer)));
    const text = await csv.response!.text();
    expect(csv.response!.headers.get("Content-Type")).toMatch(/text\/csv/);
    expect(text).toContain(order.number);
    expect(text).toContain("HTX Nông nghiệp Phú Ngãi");
    expect(text.split("\n").filter(Boolean)).toHaveLength(2);
  });
});

describe("quotes", () => {
  it("request → answer → accept makes an order at the quoted price; a wrong party gets 403", async () => {
    const product = prepareProduct({ price: 100_000, minOrderQty: 10, stock: 500 });
    const buyer = cookieFor(demo.buyer);
    const coop = cookieFor(demo.cooperative);
    const requested = await run(
      requestQuoteAction,
      post(`/products/${product.id}/quote`, { quantity: 200, deliveryProvinceCode: "79", deliveryDate: "2099-01-10", note: "Đóng thùng 10 kg" }, buyer),
      { productId: String(product.id) },
    );
    expect(requested.status).toBe(302);
    const quoteId = Number(requested.location!.match(/quotes\/(\d+)/)![1]);
    const params = { quoteId: String(quoteId) };
    expect((await run(quoteAction, post(`/dashboard/quotes/${quoteId}`, { intent: "answer", unitPrice: 70_000, validUntil: "2099-01-01" }, buyer), params)).status).toBe(403);
    expect((await run(quoteAction, post(`/dashboard/quotes/${quoteId}`, { intent: "answer", unitPrice: -5, validUntil: "2099-01-01" }, coop), params)).status).toBe(400);
    expect((await run(quoteAction, post(`/dashboard/quotes/${quoteId}`, { intent: "answer", unitPrice: 70_000, validUntil: "2099-01-01", terms: "Giao trong 5 ngày" }, coop), params)).status).toBe(302);
    // Another buyer cannot see or accept it.
    expect((await run(quoteAction, post(`/dashboard/quotes/${quoteId}`, { intent: "accept", commune: "X", address: "Y", paymentMethod: "bank_transfer" }, cookieFor(otherBuyerEmail())), params)).status).toBe(404);
    const accepted = await run(quoteAction, post(`/dashboard/quotes/${quoteId}`, { intent: "accept", commune: "Phường Thủ Đức", address: "Kho 3", paymentMethod: "bank_transfer", unitPrice: 1 }, buyer), params);
    expect(accepted.status).toBe(302);
    const orderId = Number(accepted.location!.match(/orders\/(\d+)/)![1]);
    const order = db.select().from(schema.orders).where(eq(schema.orders.id, orderId)).get()!;
    expect(order.total).toBe(200 * 70_000);
    expect(order.requestedDate).toBe("2099-01-10");
    expect(stockOf(product.id)).toBe(300);
    expect(db.select().from(schema.quotes).where(eq(schema.quotes.id, quoteId)).get()).toMatchObject({ status: "accepted", orderId });
    // Accepting twice: 409, no second order.
    const again = await run(quoteAction, post(`/dashboard/quotes/${quoteId}`, { intent: "accept", commune: "X", address: "Y", paymentMethod: "bank_transfer" }, buyer), params);
    expect(again.status).toBe(409);
  });

  it("refuses to accept a lapsed quote", async () => {
    const product = prepareProduct({ minOrderQty: 1 });
    const q = db
      .insert(schema.quotes)
      .values({ buyerId: orgOf(demo.buyer).id, cooperativeId: product.cooperativeId, productId: product.id, quantity: 5, deliveryProvinceCode: "79", deliveryDate: "2026-01-01", unitPrice: 1000, validUntil: "2020-01-01", status: "answered" })
      .returning()
      .get();
    const r = await run(quoteAction, post(`/dashboard/quotes/${q.id}`, { intent: "accept", commune: "X", address: "Y", paymentMethod: "bank_transfer" }, cookieFor(demo.buyer)), { quoteId: String(q.id) });
    expect(r.status).toBe(409);
  });
});

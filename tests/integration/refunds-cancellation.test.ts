import { afterAll, describe, expect, it } from "vitest";
import { and, count, eq } from "drizzle-orm";
// The fake must be listening, and STRIPE_API_BASE set, before the app's env is parsed: app modules are imported after.
import { startStripeFake } from "../fakes/stripe-fake.mjs";

const fake = await startStripeFake({ port: 0, webhookUrl: null, secret: "whsec_local_fake_secret" });
process.env.STRIPE_API_BASE = fake.url;
process.env.STRIPE_WEBHOOK_SECRET = "whsec_local_fake_secret";

const { db, schema } = await import("~/db.server");
const { action: orderAction, loader: orderLoader } = await import("~/routes/dashboard.orders.$orderId");
const { action: webhookAction } = await import("~/routes/webhooks.stripe");
const { action: cartAction } = await import("~/routes/cart");
const { recordStripeRefund, setRefundPaymentIntent } = await import("~/models/refund.server");
const { clearCart, cookieFor, delivery, demo, orgOf, otherBuyerEmail, post, prepareProduct, run, stockOf } = await import("./helpers/orders");

afterAll(() => fake.close());

type Signed = { event: { type: string; id: string }; payload: string; header: string };
const buyer = () => cookieFor(demo.buyer);
const coop = () => cookieFor(demo.cooperative);
const step = (orderId: number, cookie: string, fields: Record<string, string>) => run(orderAction, post(`/dashboard/orders/${orderId}`, fields, cookie), { orderId: String(orderId) });
const webhook = (s: Signed) =>
  run(webhookAction, new Request("http://localhost:3000/webhooks/stripe", { method: "POST", body: s.payload, headers: { "Content-Type": "application/json", "Stripe-Signature": s.header } }));
const orderOf = (id: number) => db.select().from(schema.orders).where(eq(schema.orders.id, id)).get()!;
const refundOf = (id: number) => db.select().from(schema.refunds).where(eq(schema.refunds.orderId, id)).all();
const requestsOf = (id: number) => db.select().from(schema.cancellationRequests).where(eq(schema.cancellationRequests.orderId, id)).all();
const eventsOf = (id: number) => db.select({ n: count() }).from(schema.orderEvents).where(eq(schema.orderEvents.orderId, id)).get()!.n;
const outbox = () => db.select({ n: count() }).from(schema.outbox).get()!.n;
const refundCalls = () => fake.requests.filter((r: { method: string; path: string }) => r.method === "POST" && r.path === "/v1/refunds");

async function placedOrder(method: "card" | "bank_transfer", index: number, quantity = 4) {
  const product = prepareProduct({ index, minOrderQty: 1, stock: 100, price: 50_000, tiers: [] });
  clearCart(demo.buyer);
  await run(cartAction, post("/cart", { intent: "add", productId: product.id, quantity }, buyer()));
  const placed = await run(cartAction, post("/cart", { intent: "checkout", ...delivery, [`payment_${orgOf(demo.cooperative).id}`]: method }, buyer()));
  const id = Number(placed.location!.match(/orders\/(\d+)/)![1]);
  expect((await step(id, coop(), { intent: "confirm" })).status).toBe(302);
  return { id, product };
}

/** A confirmed card order paid through Checkout and the verified webhook. */
async function paidCardOrder(index = 0, quantity = 4) {
  const { id, product } = await placedOrder("card", index, quantity);
  const pay = await step(id, buyer(), { intent: "pay" });
  const signed = fake.pay(pay.location!.split("/").at(-1)!)!;
  expect((await webhook(signed)).data).toMatchObject({ outcome: "paid" });
  expect(orderOf(id).status).toBe("paid");
  return { id, product };
}

async function paidTransferOrder(index = 1) {
  const { id, product } = await placedOrder("bank_transfer", index);
  expect((await step(id, coop(), { intent: "markPaid" })).status).toBe(302);
  return { id, product };
}

describe("a paid order is cancelled only by agreement", () => {
  it("the buyer can no longer cancel a paid order alone; asking needs a reason; the ask is recorded and mailed", async () => {
    const { id, product } = await paidCardOrder();
    const stock = stockOf(product.id);
    expect((await step(id, buyer(), { intent: "cancel", note: "x" })).status).toBe(409);
    const events = eventsOf(id);
    const noReason = await step(id, buyer(), { intent: "requestCancel", reason: "  " });
    expect(noReason.status).toBe(400);
    expect(requestsOf(id)).toHaveLength(0);
    expect(eventsOf(id)).toBe(events);

    const mails = outbox();
    expect((await step(id, buyer(), { intent: "requestCancel", reason: "Khách hủy hợp đồng" })).status).toBe(302);
    expect(requestsOf(id)).toMatchObject([{ status: "requested", reason: "Khách hủy hợp đồng" }]);
    expect(eventsOf(id)).toBe(events + 1);
    expect(outbox()).toBeGreaterThan(mails);
    expect(orderOf(id).status).toBe("paid");
    expect(stockOf(product.id)).toBe(stock);

    // A second ask while one waits is a conflict; the cooperative cannot ask; the buyer cannot decide.
    expect((await step(id, buyer(), { intent: "requestCancel", reason: "Lần nữa" })).status).toBe(409);
    expect((await step(id, coop(), { intent: "requestCancel", reason: "x" })).status).toBe(403);
    expect((await step(id, buyer(), { intent: "acceptCancel" })).status).toBe(403);
    // Another buyer cannot see or touch it.
    expect((await step(id, cookieFor(otherBuyerEmail()), { intent: "requestCancel", reason: "x" })).status).toBe(404);
    expect(requestsOf(id)).toHaveLength(1);
  });

  it("refused: the order goes on, paid, with its stock taken; both steps in the history; the buyer is mailed", async () => {
    const { id, product } = await paidCardOrder(2);
    const stock = stockOf(product.id);
    await step(id, buyer(), { intent: "requestCancel", reason: "Đổi ý" });
    const mails = outbox();
    expect((await step(id, coop(), { intent: "refuseCancel", note: "Hàng đã chuẩn bị" })).status).toBe(302);
    expect(orderOf(id).status).toBe("paid");
    expect(requestsOf(id)).toMatchObject([{ status: "refused", decisionNote: "Hàng đã chuẩn bị" }]);
    expect(refundOf(id)).toHaveLength(0);
    expect(stockOf(product.id)).toBe(stock);
    expect(outbox()).toBeGreaterThan(mails);
    // Nothing left to decide; the buyer may ask again.
    expect((await step(id, coop(), { intent: "acceptCancel" })).status).toBe(409);
    expect((await step(id, buyer(), { intent: "requestCancel", reason: "Vẫn muốn hủy" })).status).toBe(302);
  });

  it("accepted card payment: cancelled, stock back once, refunded through Stripe with an idempotency key; the webhook and its replays change nothing more", async () => {
    const { id, product } = await paidCardOrder(2, 6);
    const stock = stockOf(product.id);
    await step(id, buyer(), { intent: "requestCancel", reason: "Sai quy cách" });
    const calls = refundCalls().length;
    expect((await step(id, coop(), { intent: "acceptCancel" })).status).toBe(302);
    expect(orderOf(id).status).toBe("cancelled");
    expect(stockOf(product.id)).toBe(stock + 6);
    const [refund] = refundOf(id);
    expect(refund).toMatchObject({ method: "card", amount: 300_000, status: "succeeded", idempotencyKey: `chohtx-order-${id}-refund` });
    expect(refundCalls().length).toBe(calls + 1);
    expect(refundCalls().at(-1)!.idempotencyKey).toBe(`chohtx-order-${id}-refund`);
    const stripeRefund = fake.refunds.get(refund!.stripeRefundId!)!;
    expect(stripeRefund).toMatchObject({ amount: 300_000, payment_intent: refund!.stripePaymentIntent, status: "succeeded" });

    // charge.refunded, signed like the others, delivered twice: the refund is already done, nothing changes.
    const event = fake.events.filter((e: Signed) => e.event.type === "charge.refunded").at(-1)! as Signed;
    const events = eventsOf(id);
    expect((await webhook(event)).data).toMatchObject({ outcome: "duplicate" });
    expect((await webhook(event)).data).toMatchObject({ outcome: "duplicate" });
    expect(eventsOf(id)).toBe(events);
    expect(stockOf(product.id)).toBe(stock + 6);
    // The buyer cannot cancel again or ask again: it is over.
    expect((await step(id, buyer(), { intent: "requestCancel", reason: "x" })).status).toBe(409);
    expect((await step(id, coop(), { intent: "acceptCancel" })).status).toBe(409);
    expect(refundOf(id)).toHaveLength(1);
  });

  it("two accepts at once: one wins, one refund, one Stripe call, stock back once", async () => {
    const { id, product } = await paidCardOrder(1, 5);
    const stock = stockOf(product.id);
    await step(id, buyer(), { intent: "requestCancel", reason: "Trùng đơn" });
    const calls = refundCalls().length;
    const results = await Promise.all([step(id, coop(), { intent: "acceptCancel" }), step(id, coop(), { intent: "acceptCancel" })]);
    expect(results.map((r) => r.status).sort()).toEqual([302, 409]);
    expect(refundOf(id)).toHaveLength(1);
    expect(refundCalls().length).toBe(calls + 1);
    expect(stockOf(product.id)).toBe(stock + 5);
    expect(requestsOf(id)).toMatchObject([{ status: "accepted" }]);
  });

  it("the webhook may arrive before Stripe's answer is stored: applied once, and the late answer changes nothing", async () => {
    const { id } = await paidCardOrder(0);
    // The refund row as it is between the commit and Stripe's answer: pending, payment intent known.
    const order = orderOf(id);
    db.update(schema.orders).set({ status: "cancelled" }).where(eq(schema.orders.id, id)).run();
    const payment = db.select().from(schema.payments).where(and(eq(schema.payments.orderId, id), eq(schema.payments.status, "paid"))).get()!;
    const session = fake.sessions.get(payment.stripeSessionId!)!;
    const refund = db.insert(schema.refunds).values({ orderId: id, method: "card", amount: order.total, status: "pending", idempotencyKey: `test-${id}`, stripeSessionId: payment.stripeSessionId }).returning().get();
    setRefundPaymentIntent({ refundId: refund.id, paymentIntent: session.payment_intent });
    const charge = [...fake.charges.values()].find((c: { payment_intent: string }) => c.payment_intent === session.payment_intent);
    const payload = JSON.stringify({ id: `evt_test_early_${id}`, object: "event", type: "charge.refunded", data: { object: { ...charge, refunded: true, amount_refunded: order.total } } });
    const { signPayload } = await import("../fakes/stripe-fake.mjs");
    const signed = { event: { type: "charge.refunded", id: "x" }, payload, header: signPayload(payload, "whsec_local_fake_secret") };
    const events = eventsOf(id);
    expect((await webhook(signed)).data).toMatchObject({ outcome: "refunded" });
    expect((await webhook(signed)).data).toMatchObject({ outcome: "duplicate" });
    expect(refundOf(id)[0]!.status).toBe("succeeded");
    recordStripeRefund({ refundId: refund.id, stripeRefundId: `re_test_late_${id}`, stripeStatus: "succeeded" });
    expect(refundOf(id)[0]!.status).toBe("succeeded");
    expect(eventsOf(id)).toBe(events + 1);
  });

  it("Stripe failing: the cancellation stands, the refund stays pending with the error, and 'try again' sends it once", async () => {
    const { id } = await paidCardOrder(1);
    await step(id, buyer(), { intent: "requestCancel", reason: "Thử lỗi" });
    // Stripe loses the charge for a moment: the refund call answers 404.
    const payment = db.select().from(schema.payments).where(and(eq(schema.payments.orderId, id), eq(schema.payments.status, "paid"))).get()!;
    const session = fake.sessions.get(payment.stripeSessionId!)!;
    const pi = session.payment_intent;
    const charge = [...fake.charges.values()].find((c: { payment_intent: string }) => c.payment_intent === pi) as { payment_intent: string };
    charge.payment_intent = "pi_test_hidden";
    expect((await step(id, coop(), { intent: "acceptCancel" })).status).toBe(302);
    expect(orderOf(id).status).toBe("cancelled");
    expect(refundOf(id)[0]).toMatchObject({ status: "pending" });
    expect(refundOf(id)[0]!.lastError).toBeTruthy();
    const page = (await orderLoader({ request: new Request(`http://localhost:3000/dashboard/orders/${id}`, { headers: { Cookie: coop() } }), params: { orderId: String(id) }, context: {} })) as { cancellation: { refund: { status: string } } };
    expect(page.cancellation.refund.status).toBe("pending");
    charge.payment_intent = pi;
    expect((await step(id, buyer(), { intent: "retryRefund" })).status).toBe(403);
    expect((await step(id, coop(), { intent: "retryRefund" })).status).toBe(302);
    expect(refundOf(id)[0]).toMatchObject({ status: "succeeded", lastError: null });
    expect((await step(id, coop(), { intent: "retryRefund" })).status).toBe(409);
    expect([...fake.refunds.values()].filter((r: { payment_intent: string }) => r.payment_intent === pi)).toHaveLength(1);
  });

  it("bank transfer: an accepted cancellation records the refund owed until the cooperative marks it returned, once", async () => {
    const { id, product } = await paidTransferOrder();
    const stock = stockOf(product.id);
    await step(id, buyer(), { intent: "requestCancel", reason: "Không cần nữa" });
    const calls = refundCalls().length;
    expect((await step(id, coop(), { intent: "acceptCancel" })).status).toBe(302);
    expect(refundOf(id)).toMatchObject([{ method: "bank_transfer", status: "owed", amount: orderOf(id).total }]);
    expect(refundCalls().length).toBe(calls);
    expect(stockOf(product.id)).toBe(stock + 4);
    expect((await step(id, buyer(), { intent: "markReturned" })).status).toBe(403);
    const mails = outbox();
    expect((await step(id, coop(), { intent: "markReturned" })).status).toBe(302);
    expect(refundOf(id)[0]).toMatchObject({ status: "returned" });
    expect(outbox()).toBeGreaterThan(mails);
    expect((await step(id, coop(), { intent: "markReturned" })).status).toBe(409);
  });

  it("a packed order needs agreement too; before payment the buyer still cancels alone", async () => {
    const { id } = await paidCardOrder(0);
    expect((await step(id, coop(), { intent: "pack" })).status).toBe(302);
    expect((await step(id, buyer(), { intent: "cancel" })).status).toBe(409);
    expect((await step(id, buyer(), { intent: "requestCancel", reason: "Đóng gói sai" })).status).toBe(302);
    const unpaid = await placedOrder("card", 1);
    expect((await step(unpaid.id, buyer(), { intent: "cancel" })).status).toBe(302);
    expect(orderOf(unpaid.id).status).toBe("cancelled");
  });
});

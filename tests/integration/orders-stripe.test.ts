import { afterAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
// The fake must be listening, and STRIPE_API_BASE set, before the app's env is parsed: app modules are imported after.
import { signPayload, startStripeFake } from "../fakes/stripe-fake.mjs";

const fake = await startStripeFake({ port: 0, webhookUrl: null, secret: "whsec_local_fake_secret" });
process.env.STRIPE_API_BASE = fake.url;
process.env.STRIPE_WEBHOOK_SECRET = "whsec_local_fake_secret";

const { db, schema } = await import("~/db.server");
const { action: orderAction } = await import("~/routes/dashboard.orders.$orderId");
const { action: webhookAction } = await import("~/routes/webhooks.stripe");
const { action: cartAction } = await import("~/routes/cart");
const { clearCart, cookieFor, delivery, demo, orgOf, post, prepareProduct, run } = await import("./helpers/orders");

afterAll(() => fake.close());

async function cardOrder(quantity = 3) {
  const product = prepareProduct({ minOrderQty: 1, stock: 100, price: 125_000, tiers: [] });
  const buyer = cookieFor(demo.buyer);
  clearCart(demo.buyer);
  await run(cartAction, post("/cart", { intent: "add", productId: product.id, quantity }, buyer));
  const coop = orgOf(demo.cooperative).id;
  const placed = await run(cartAction, post("/cart", { intent: "checkout", ...delivery, [`payment_${coop}`]: "card" }, buyer));
  const id = Number(placed.location!.match(/orders\/(\d+)/)![1]);
  const confirm = await run(orderAction, post(`/dashboard/orders/${id}`, { intent: "confirm" }, cookieFor(demo.cooperative)), { orderId: String(id) });
  expect(confirm.status).toBe(302);
  return db.select().from(schema.orders).where(eq(schema.orders.id, id)).get()!;
}

async function startCheckout(orderId: number) {
  const r = await run(orderAction, post(`/dashboard/orders/${orderId}`, { intent: "pay" }, cookieFor(demo.buyer)), { orderId: String(orderId) });
  expect(r.status).toBe(302);
  expect(r.location).toMatch(new RegExp(`^${fake.url}/pay/cs_test_`));
  const sessionId = r.location!.split("/").at(-1)!;
  return sessionId;
}

function webhook(payload: string, signature: string | null) {
  return new Request("http://localhost:3000/webhooks/stripe", {
    method: "POST",
    body: payload,
    headers: { "Content-Type": "application/json", ...(signature ? { "Stripe-Signature": signature } : {}) },
  });
}

const statusOf = (id: number) => db.select().from(schema.orders).where(eq(schema.orders.id, id)).get()!.status;
const eventsOf = (id: number) => db.select({ n: count() }).from(schema.orderEvents).where(eq(schema.orderEvents.orderId, id)).get()!.n;

describe("card payments through Stripe Checkout (real stripe library, local fake)", () => {
  it("creates a VND session for the order's total with an idempotency key; a retry returns the same session", async () => {
    const order = await cardOrder(4);
    const first = await startCheckout(order.id);
    const second = await startCheckout(order.id);
    expect(second).toBe(first);
    const session = fake.sessions.get(first)!;
    expect(session).toMatchObject({ amount_total: 500_000, currency: "vnd", client_reference_id: String(order.id) });
    const creates = fake.requests.filter((r: { method: string; path: string }) => r.method === "POST" && r.path === "/v1/checkout/sessions");
    expect(creates.length).toBeGreaterThanOrEqual(2);
    expect(creates.every((r: { idempotencyKey: string | null }) => r.idempotencyKey === `chohtx-order-${order.id}-checkout-500000`)).toBe(true);
    // Not paid until the webhook says so, whatever the redirect back says.
    expect(statusOf(order.id)).toBe("confirmed");
  });

  it("marks the order paid only from a verified checkout.session.completed, once, however often it is replayed", async () => {
    const order = await cardOrder();
    const sessionId = await startCheckout(order.id);
    const signed = fake.pay(sessionId)!;
    const before = eventsOf(order.id);
    const first = await run(webhookAction, webhook(signed.payload, signed.header));
    expect(first.status).toBe(200);
    expect(first.data).toMatchObject({ outcome: "paid" });
    expect(statusOf(order.id)).toBe("paid");
    expect(eventsOf(order.id)).toBe(before + 1);

    // The same event again, and a different event id for the same session: nothing changes twice.
    const replay = await run(webhookAction, webhook(signed.payload, signed.header));
    expect(replay).toMatchObject({ status: 200, data: { outcome: "duplicate" } });
    const other = JSON.parse(signed.payload);
    other.id = `${other.id}_again`;
    const payload = JSON.stringify(other);
    const again = await run(webhookAction, webhook(payload, signPayload(payload, "whsec_local_fake_secret")));
    expect(again).toMatchObject({ status: 200, data: { outcome: "duplicate" } });
    expect(eventsOf(order.id)).toBe(before + 1);
    expect(db.select().from(schema.payments).where(eq(schema.payments.stripeSessionId, sessionId)).all()).toHaveLength(1);
  });

  it("rejects a forged, unsigned or tampered webhook with 400 and changes nothing", async () => {
    const order = await cardOrder();
    const sessionId = await startCheckout(order.id);
    const signed = fake.pay(sessionId)!;
    const processed = () => db.select({ n: count() }).from(schema.processedWebhookEvents).get()!.n;
    const before = processed();
    expect((await run(webhookAction, webhook(signed.payload, null))).status).toBe(400);
    expect((await run(webhookAction, webhook(signed.payload, signPayload(signed.payload, "whsec_wrong_secret")))).status).toBe(400);
    const tampered = signed.payload.replace(`"amount_total":${order.total}`, `"amount_total":1`);
    expect((await run(webhookAction, webhook(tampered, signed.header))).status).toBe(400);
    expect((await run(webhookAction, webhook(signed.payload, "t=1,v1=deadbeef"))).status).toBe(400);
    expect(statusOf(order.id)).toBe("confirmed");
    expect(processed()).toBe(before);
  });

  it("keeps a payment that arrives after the buyer cancelled, without reviving the order", async () => {
    const order = await cardOrder();
    const sessionId = await startCheckout(order.id);
    const cancel = await run(orderAction, post(`/dashboard/orders/${order.id}`, { intent: "cancel" }, cookieFor(demo.buyer)), { orderId: String(order.id) });
    expect(cancel.status).toBe(302);
    const signed = fake.pay(sessionId)!;
    const r = await run(webhookAction, webhook(signed.payload, signed.header));
    expect(r).toMatchObject({ status: 200, data: { outcome: "late" } });
    expect(statusOf(order.id)).toBe("cancelled");
    expect(db.select().from(schema.payments).where(eq(schema.payments.stripeSessionId, sessionId)).get()!.status).toBe("paid");
  });

  it("ignores other event types and unknown sessions, and the buyer cannot mark a card order paid", async () => {
    const order = await cardOrder();
    const payload = JSON.stringify({ id: "evt_test_other", object: "event", type: "checkout.session.expired", data: { object: { id: "cs_test_unknown" } } });
    const r = await run(webhookAction, webhook(payload, signPayload(payload, "whsec_local_fake_secret")));
    expect(r).toMatchObject({ status: 200, data: { outcome: "ignored" } });
    const mark = await run(orderAction, post(`/dashboard/orders/${order.id}`, { intent: "markPaid" }, cookieFor(demo.cooperative)), { orderId: String(order.id) });
    expect(mark.status).toBe(409);
    expect(statusOf(order.id)).toBe("confirmed");
  });
});

import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, schema } from "~/db.server";
import { action as cartAction } from "~/routes/cart";
import { action as orderAction } from "~/routes/dashboard.orders.$orderId";
import { action as certificatesAction } from "~/routes/dashboard.certificates._index";
import { action as cooperativeDecisionAction } from "~/routes/alliance.cooperatives.$cooperativeId";
import { args, call, cookieFor, postForm } from "./catalogue-helpers";

const cartRows = (buyerId: number) => db.select({ n: count() }).from(schema.cartItems).where(eq(schema.cartItems.buyerId, buyerId)).get()!.n;

describe("audit: a repeated field is refused, never read two ways", () => {
  it("refuses an order step whose intent is sent twice (one value checked, another applied) and changes nothing", async () => {
    const coopOrg = db.select().from(schema.organisations).where(eq(schema.organisations.slug, "htx-nong-nghiep-phu-ngai")).get()!;
    const order = db.select().from(schema.orders).where(eq(schema.orders.cooperativeId, coopOrg.id)).all().find((o) => o.status === "placed" || o.status === "confirmed")!;
    expect(order).toBeDefined();
    const events = () => db.select({ n: count() }).from(schema.orderEvents).where(eq(schema.orderEvents.orderId, order.id)).get()!.n;
    const before = events();
    const r = await call(() =>
      orderAction(args(postForm(`/dashboard/orders/${order.id}`, { intent: ["trust", "cancel"], note: "x" }, cookieFor("htx@demo.chohtx.vn")), { orderId: String(order.id) })),
    );
    expect(r.status).toBe(400);
    expect(db.select().from(schema.orders).where(eq(schema.orders.id, order.id)).get()!.status).toBe(order.status);
    expect(events()).toBe(before);
  });

  it("refuses a cart line with two product ids and adds nothing", async () => {
    const cookie = cookieFor("buyer@demo.chohtx.vn");
    const buyerOrg = db
      .select({ id: schema.memberships.organisationId })
      .from(schema.memberships)
      .innerJoin(schema.users, eq(schema.users.id, schema.memberships.userId))
      .where(eq(schema.users.email, "buyer@demo.chohtx.vn"))
      .get()!;
    const products = db.select().from(schema.products).where(eq(schema.products.status, "published")).limit(2).all();
    const before = cartRows(buyerOrg.id);
    const r = await call(() =>
      cartAction(args(postForm("/cart", { intent: "add", productId: [String(products[0]!.id), String(products[1]!.id)], quantity: String(products[0]!.minOrderQty) }, cookie))),
    );
    expect(r.status).toBe(400);
    expect(cartRows(buyerOrg.id)).toBe(before);
  });

  it("refuses a repeated decision or certificate id", async () => {
    const coop = db.select().from(schema.organisations).where(eq(schema.organisations.slug, "htx-nong-nghiep-phu-ngai")).get()!;
    const decision = await call(() =>
      cooperativeDecisionAction(
        args(postForm(`/alliance/cooperatives/${coop.id}`, { decision: ["reject", "verify"], reason: "" }, cookieFor("lienminh@demo.chohtx.vn")), { cooperativeId: String(coop.id) }),
      ),
    );
    expect(decision.status).toBe(400);
    const certs = db.select().from(schema.certificates).where(eq(schema.certificates.cooperativeId, coop.id)).limit(2).all();
    const before = db.select({ n: count() }).from(schema.certificates).get()!.n;
    const deleted = await call(() =>
      certificatesAction(args(postForm("/dashboard/certificates", { intent: "delete", certificateId: [String(certs[0]!.id), String(certs[1]!.id)] }, cookieFor("htx@demo.chohtx.vn")))),
    );
    expect(deleted.status).toBe(400);
    expect(db.select({ n: count() }).from(schema.certificates).get()!.n).toBe(before);
  });
});

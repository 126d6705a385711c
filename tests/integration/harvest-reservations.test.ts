import { describe, expect, it } from "vitest";
import { and, desc, eq } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { action as reserveAction, loader as pageLoader } from "~/routes/harvests.$harvestId";
import { action as reservationAction, loader as reservationLoader } from "~/routes/dashboard.reservations.$reservationId";
import { loader as orderLoader } from "~/routes/dashboard.orders.$orderId";
import { createLot } from "~/models/trace.server";
import { cookieFor, demo, get, orgOf, otherBuyerEmail, otherCooperativeEmail, post, run } from "./helpers/orders";
import { demoProduct, inDays, openAnnouncement, reservationFields, rows } from "./harvest-helpers";

const remaining = (id: number) => db.select().from(schema.harvestAnnouncements).where(eq(schema.harvestAnnouncements.id, id)).get()!.remainingQuantity;
const reservation = (id: number) => db.select().from(schema.harvestReservations).where(eq(schema.harvestReservations.id, id)).get()!;

async function reserve(announcementId: number, quantity: string | number, cookie = cookieFor(demo.buyer)) {
  return run(reserveAction, post(`/harvests/${announcementId}`, { ...reservationFields, quantity }, cookie), { harvestId: String(announcementId) });
}

async function reserved(announcementId: number, quantity: number) {
  const r = await reserve(announcementId, quantity);
  expect(r.status).toBe(302);
  return Number(r.location!.match(/reservations\/(\d+)/)![1]);
}

function act(id: number, fields: Record<string, string | number>, cookie: string) {
  return run(reservationAction, post(`/dashboard/reservations/${id}`, fields, cookie), { reservationId: String(id) });
}

describe("reserving part of an announced harvest", () => {
  it("takes the quantity off what is left and tells the cooperative", async () => {
    const a = openAnnouncement({ quantity: 1000 });
    const mails = rows.outbox();
    const id = await reserved(a.id, 400);
    expect(remaining(a.id)).toBe(600);
    expect(reservation(id)).toMatchObject({ status: "requested", quantity: 400, buyerId: orgOf(demo.buyer).id, cooperativeId: a.cooperativeId });
    expect(rows.outbox()).toBeGreaterThan(mails);
    const mail = db.select().from(schema.outbox).where(eq(schema.outbox.to, demo.cooperative)).orderBy(desc(schema.outbox.id)).get()!;
    expect(mail.subject).toContain("Yêu cầu đặt trước mới");
  });

  it("refuses more than remains with 409 and the quantity left, writing nothing", async () => {
    const a = openAnnouncement({ quantity: 1000 });
    await reserved(a.id, 700);
    const before = rows.reservations();
    const r = await reserve(a.id, 301, cookieFor(otherBuyerEmail()));
    expect(r.status).toBe(409);
    expect(JSON.stringify(r.data)).toContain("Chỉ còn 300");
    expect(rows.reservations()).toBe(before);
    expect(remaining(a.id)).toBe(300);
  });

  it("refuses a closed or cancelled announcement with 409", async () => {
    for (const status of ["closed", "cancelled"] as const) {
      const a = openAnnouncement({ status });
      const before = rows.reservations();
      const r = await reserve(a.id, 10);
      expect(r.status).toBe(409);
      expect(rows.reservations()).toBe(before);
      expect(remaining(a.id)).toBe(1000);
      const page = await run(pageLoader, get(`/harvests/${a.id}`, cookieFor(demo.buyer)), { harvestId: String(a.id) });
      expect((page.data as { open: boolean }).open).toBe(false);
    }
  });

  it("refuses bad quantities with 400 and keeps the note typed", async () => {
    const a = openAnnouncement();
    for (const q of ["-3", "0", "2.5", "1e3", "10000000000", ""]) {
      const before = rows.reservations();
      const r = await run(reserveAction, post(`/harvests/${a.id}`, { ...reservationFields, note: "giao sáng", quantity: q }, cookieFor(demo.buyer)), { harvestId: String(a.id) });
      expect(r.status).toBe(400);
      expect((r.data as { initialValue: Record<string, string> }).initialValue.note).toBe("giao sáng");
      expect(rows.reservations()).toBe(before);
    }
    expect(remaining(a.id)).toBe(1000);
  });

  it("is for buyers only, and 404 for an unknown announcement", async () => {
    const a = openAnnouncement();
    expect((await reserve(a.id, 10, cookieFor(demo.cooperative))).status).toBe(403);
    expect((await reserve(99_999_999, 10)).status).toBe(404);
    expect(remaining(a.id)).toBe(1000);
  });
});

describe("the cooperative's decision", () => {
  it("another cooperative confirming the reservation gets 404 and nothing changes; the buyer cannot confirm (403)", async () => {
    const a = openAnnouncement();
    const id = await reserved(a.id, 100);
    const other = cookieFor(otherCooperativeEmail());
    expect((await run(reservationLoader, get(`/dashboard/reservations/${id}`, other), { reservationId: String(id) })).status).toBe(404);
    expect((await act(id, { intent: "confirm", unitPrice: "41000" }, other)).status).toBe(404);
    expect((await act(id, { intent: "confirm", unitPrice: "41000" }, cookieFor(demo.buyer))).status).toBe(403);
    expect(reservation(id)).toMatchObject({ status: "requested", unitPrice: null });
    // Another buyer cannot read it either.
    expect((await run(reservationLoader, get(`/dashboard/reservations/${id}`, cookieFor(otherBuyerEmail())), { reservationId: String(id) })).status).toBe(404);
  });

  it("confirms once with the agreed price (a second confirm is 409), and a bad price is 400", async () => {
    const a = openAnnouncement();
    const id = await reserved(a.id, 100);
    const coop = cookieFor(demo.cooperative);
    expect((await act(id, { intent: "confirm", unitPrice: "41.000" }, coop)).status).toBe(400);
    expect(reservation(id).status).toBe("requested");
    expect((await act(id, { intent: "confirm", unitPrice: "41000" }, coop)).status).toBe(302);
    expect(reservation(id)).toMatchObject({ status: "confirmed", unitPrice: 41000 });
    expect((await act(id, { intent: "confirm", unitPrice: "42000" }, coop)).status).toBe(409);
    expect(reservation(id).unitPrice).toBe(41000);
  });

  it("declining gives the quantity back", async () => {
    const a = openAnnouncement();
    const id = await reserved(a.id, 250);
    expect(remaining(a.id)).toBe(750);
    expect((await act(id, { intent: "decline", reason: "Hết hàng loại 1" }, cookieFor(demo.cooperative))).status).toBe(302);
    expect(reservation(id)).toMatchObject({ status: "declined", declineReason: "Hết hàng loại 1" });
    expect(remaining(a.id)).toBe(1000);
  });
});

describe("a confirmed reservation becomes an order with its lot", () => {
  function lotFor(productId: number, code: string) {
    const coop = orgOf(demo.cooperative).id;
    return createLot({
      cooperativeId: coop,
      input: { productId, code, harvestDate: inDays(-2), packingDate: inDays(-1), bestBeforeDate: inDays(30), quantity: 5000, unit: "kg", serialised: false, notes: null, contributions: [] },
    });
  }

  it("places one order at the agreed price with the lot linked, leaving the listed stock as it was", async () => {
    const a = openAnnouncement({ productIndex: 0 });
    const product = demoProduct(0);
    const id = await reserved(a.id, Math.max(product.minOrderQty, 100));
    const coop = cookieFor(demo.cooperative);
    const wrongState = lotFor(product.id, `HV-${Date.now()}`);
    // Not confirmed yet: 409, nothing placed.
    const orders = rows.orders();
    expect((await act(id, { intent: "order", lotId: wrongState }, coop)).status).toBe(409);
    expect(rows.orders()).toBe(orders);
    expect((await act(id, { intent: "confirm", unitPrice: "39500" }, coop)).status).toBe(302);
    const stock = db.select().from(schema.products).where(eq(schema.products.id, product.id)).get()!.stock;
    // A lot of another product: 422; someone else's / unknown lot: 404.
    const other = lotFor(demoProduct(1).id, `HV-O-${Date.now()}`);
    expect((await act(id, { intent: "order", lotId: other }, coop)).status).toBe(422);
    expect((await act(id, { intent: "order", lotId: 99_999_999 }, coop)).status).toBe(404);
    expect(rows.orders()).toBe(orders);

    const r = await act(id, { intent: "order", lotId: wrongState }, coop);
    expect(r.status).toBe(302);
    const orderId = Number(r.location!.match(/orders\/(\d+)/)![1]);
    const line = db.select().from(schema.orderLines).where(eq(schema.orderLines.orderId, orderId)).get()!;
    expect(line).toMatchObject({ productId: product.id, unitPrice: 39500, quantity: reservation(id).quantity, priceSource: "quote" });
    expect(reservation(id)).toMatchObject({ status: "ordered", orderId, lotId: wrongState });
    expect(db.select().from(schema.orderLots).where(and(eq(schema.orderLots.orderId, orderId), eq(schema.orderLots.lotId, wrongState))).get()).toBeTruthy();
    expect(db.select().from(schema.products).where(eq(schema.products.id, product.id)).get()!.stock).toBe(stock);
    // The buyer sees the order, with the lot (the order page links it to /t/{lotId}).
    const seen = await run(orderLoader, get(`/dashboard/orders/${orderId}`, cookieFor(demo.buyer)), { orderId: String(orderId) });
    expect(JSON.stringify(seen.data)).toContain(`"lotId":${wrongState}`);
    // A second click places no second order.
    expect((await act(id, { intent: "order", lotId: wrongState }, coop)).status).toBe(409);
    expect(rows.orders()).toBe(orders + 1);
  });
});

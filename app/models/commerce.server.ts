import { and, desc, eq, gte, inArray, lte, sql } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { todayInVietnam } from "~/lib/certificates";
import { addDaysToDate } from "~/lib/dates";
import { activeCertificateWhere } from "./badges.server";
import { OrderError } from "./order.server";

import { TRANSFER_REPORTED } from "~/lib/order-notes";

export { TRANSFER_REPORTED };

/**
 * The buyer reports that the bank transfer is made: recorded once as an order event (status unchanged: only the
 * cooperative, which sees its account, marks the order paid). 404 for another organisation's order, 409 when the
 * order is not waiting for a transfer. Idempotent: a second report returns the first with `created: false`.
 */
export function reportTransfer({ orderId, buyerId, userId }: { orderId: number; buyerId: number; userId: number }) {
  return db.transaction(
    (tx) => {
      const order = tx.select().from(schema.orders).where(and(eq(schema.orders.id, orderId), eq(schema.orders.buyerId, buyerId))).get();
      if (!order) throw new OrderError(404, "orders.errors.orderNotFound");
      if (order.paymentMethod !== "bank_transfer" || !["placed", "confirmed"].includes(order.status)) {
        throw new OrderError(409, "commerce.vietqr.notNow");
      }
      const existing = tx
        .select({ at: schema.orderEvents.at })
        .from(schema.orderEvents)
        .where(and(eq(schema.orderEvents.orderId, orderId), eq(schema.orderEvents.note, TRANSFER_REPORTED)))
        .get();
      if (existing) return { order, at: existing.at, created: false };
      const at = new Date().toISOString();
      tx.insert(schema.orderEvents)
        .values({ orderId, fromStatus: order.status, toStatus: order.status, actorUserId: userId, actorOrgId: buyerId, note: TRANSFER_REPORTED, at })
        .run();
      return { order, at, created: true };
    },
    { behavior: "immediate" },
  );
}

/** A buyer's card orders the cooperative has confirmed and that wait for payment: the in-app "pay now" notice. */
export function cardOrdersAwaitingPayment({ buyerId }: { buyerId: number }) {
  return db
    .select({ id: schema.orders.id, number: schema.orders.number, total: schema.orders.total, expiresAt: schema.orders.expiresAt, cooperativeName: schema.organisations.name })
    .from(schema.orders)
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.orders.cooperativeId))
    .where(and(eq(schema.orders.buyerId, buyerId), eq(schema.orders.status, "confirmed"), eq(schema.orders.paymentMethod, "card")))
    .orderBy(desc(schema.orders.createdAt))
    .limit(20)
    .all();
}

/** The first instant of the current month in Viet Nam (UTC+7, no daylight saving), as an ISO timestamp. */
export function monthStartInVietnam(today = todayInVietnam()) {
  return new Date(`${today.slice(0, 8)}01T00:00:00+07:00`).toISOString();
}

/**
 * What waits for a cooperative and how this month goes, for its dashboard home: a handful of counts, each on an
 * index (orders by cooperative, quotes by cooperative and status, certificates by cooperative, scans by lot and time).
 */
export function cooperativeHome({ cooperativeId, today = todayInVietnam() }: { cooperativeId: number; today?: string }) {
  const since = monthStartInVietnam(today);
  const orders = db
    .select({
      placed: sql<number>`coalesce(sum(${schema.orders.status} = 'placed'), 0)`,
      transfers: sql<number>`coalesce(sum(${schema.orders.status} = 'confirmed' and ${schema.orders.paymentMethod} = 'bank_transfer'), 0)`,
      monthOrders: sql<number>`coalesce(sum(${schema.orders.createdAt} >= ${since}), 0)`,
      monthSales: sql<number>`coalesce(sum(case when ${schema.orders.paidAt} >= ${since} then ${schema.orders.total} else 0 end), 0)`,
    })
    .from(schema.orders)
    .where(eq(schema.orders.cooperativeId, cooperativeId))
    .get();
  const quotes =
    db
      .select({ n: sql<number>`count(*)` })
      .from(schema.quotes)
      .where(and(eq(schema.quotes.cooperativeId, cooperativeId), eq(schema.quotes.status, "requested")))
      .get()?.n ?? 0;
  const expiring =
    db
      .select({ n: sql<number>`count(*)` })
      .from(schema.certificates)
      .where(
        and(
          eq(schema.certificates.cooperativeId, cooperativeId),
          eq(schema.certificates.status, "verified"),
          gte(schema.certificates.expiryDate, today),
          lte(schema.certificates.expiryDate, addDaysToDate(today, 90)),
        ),
      )
      .get()?.n ?? 0;
  const lotIds = db.select({ id: schema.lots.id }).from(schema.lots).where(eq(schema.lots.cooperativeId, cooperativeId));
  const scans =
    db
      .select({ n: sql<number>`count(*)` })
      .from(schema.scans)
      .where(and(inArray(schema.scans.lotId, lotIds), gte(schema.scans.at, since)))
      .get()?.n ?? 0;
  return {
    monthStart: today.slice(0, 8) + "01",
    newOrders: orders?.placed ?? 0,
    transfers: orders?.transfers ?? 0,
    quotes,
    expiring,
    scans,
    monthOrders: orders?.monthOrders ?? 0,
    monthSales: orders?.monthSales ?? 0,
  };
}

/**
 * The active certificates that cover a product, with what stands behind each badge: number, issuer, dates, scope
 * and the evidence scan (served under an unguessable name, as on the trace page). Verified and unexpired only.
 */
export function activeCertificatesForProduct({ productId, today = todayInVietnam() }: { productId: number; today?: string }) {
  return db
    .select({
      id: schema.certificates.id,
      type: schema.certificates.type,
      ocopStars: schema.certificates.ocopStars,
      number: schema.certificates.number,
      issuer: schema.certificates.issuer,
      issueDate: schema.certificates.issueDate,
      expiryDate: schema.certificates.expiryDate,
      scope: schema.certificates.scope,
      evidencePath: schema.certificates.evidencePath,
      decidedAt: schema.certificates.decidedAt,
    })
    .from(schema.certificateProducts)
    .innerJoin(schema.certificates, eq(schema.certificates.id, schema.certificateProducts.certificateId))
    .where(and(eq(schema.certificateProducts.productId, productId), activeCertificateWhere(today)))
    .orderBy(schema.certificates.type, desc(schema.certificates.issueDate))
    .all()
    .map(({ evidencePath, ...c }) => ({ ...c, evidenceUrl: evidenceUrl(evidencePath) }));
}

/** Seeded evidence lives in public/ ("/demo/…"); uploaded evidence under /uploads/. */
function evidenceUrl(path: string | null) {
  if (!path) return null;
  return path.startsWith("/") ? path : `/uploads/${path}`;
}

/** The first photo of each product (or none), for small pictures beside cart and order lines. One indexed query. */
export function firstPhotos({ productIds }: { productIds: number[] }) {
  if (!productIds.length) return {} as Record<number, { path: string; categoryCode: string; unit: string } | undefined>;
  const rows = db
    .select({
      productId: schema.products.id,
      categoryCode: schema.products.categoryCode,
      unit: schema.products.unit,
      path: sql<string | null>`(select ph.path from product_photos ph where ph.product_id = "products"."id" order by ph.position, ph.id limit 1)`,
    })
    .from(schema.products)
    .where(inArray(schema.products.id, productIds))
    .all();
  return Object.fromEntries(rows.map((r) => [r.productId, r])) as Record<number, { path: string | null; categoryCode: string; unit: string } | undefined>;
}

import { and, asc, desc, eq, gte, inArray, sql } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { todayInVietnam } from "~/lib/certificates";
import {
  announcementTarget,
  canAnnouncement,
  canReservation,
  certificatesForWindow,
  holdingStatuses,
  releasesQuantity,
  reservationRules,
  type ReservationAction,
} from "~/lib/harvest-rules";
import type { PaymentMethod } from "~/lib/order-states";
import { addOrderLot, OrderError, placeOrder } from "./order.server";
import { parseQueryText } from "./search.server";

/*
 * Harvest announcements and reservations. Every function is scoped by its owner: another cooperative's
 * announcement or reservation is a 404, exactly like a missing one. Rule breaks are OrderErrors (status and
 * catalogue key), so routes answer them like any order rule.
 */

const A = schema.harvestAnnouncements;
const R = schema.harvestReservations;

export type AnnouncementInput = { quantity: number; harvestFrom: string; harvestTo: string; priceMin: number; priceMax: number | null; notes: string | null };

/** The cooperative's published products, for the announcement form. */
export function listAnnounceableProducts({ cooperativeId }: { cooperativeId: number }) {
  return db
    .select({ id: schema.products.id, nameVi: schema.products.nameVi, nameEn: schema.products.nameEn, unit: schema.products.unit, price: schema.products.price })
    .from(schema.products)
    .where(and(eq(schema.products.cooperativeId, cooperativeId), eq(schema.products.status, "published")))
    .orderBy(asc(schema.products.nameVi))
    .all();
}

/** The product, only if it is this cooperative's own and published. */
export function getOwnPublishedProduct({ productId, cooperativeId }: { productId: number; cooperativeId: number }) {
  return (
    db
      .select()
      .from(schema.products)
      .where(and(eq(schema.products.id, productId), eq(schema.products.cooperativeId, cooperativeId), eq(schema.products.status, "published")))
      .get() ?? null
  );
}

export function createAnnouncement({ cooperativeId, userId, productId, input }: { cooperativeId: number; userId: number; productId: number; input: AnnouncementInput }) {
  const product = getOwnPublishedProduct({ productId, cooperativeId });
  if (!product) throw new OrderError(404, "harvest.errors.productNotFound");
  return db
    .insert(A)
    .values({ cooperativeId, productId, unit: product.unit, remainingQuantity: input.quantity, createdBy: userId, ...input })
    .returning()
    .get();
}

function held(tx: Pick<typeof db, "select">, announcementId: number): number {
  return (
    tx
      .select({ n: sql<number>`coalesce(sum(${R.quantity}), 0)` })
      .from(R)
      .where(and(eq(R.announcementId, announcementId), inArray(R.status, [...holdingStatuses])))
      .get()?.n ?? 0
  );
}

/** Edits an open announcement; the quantity may not drop below what reservations already hold. */
export function updateAnnouncement({ id, cooperativeId, input }: { id: number; cooperativeId: number; input: AnnouncementInput }) {
  return db.transaction(
    (tx) => {
      const a = tx.select().from(A).where(and(eq(A.id, id), eq(A.cooperativeId, cooperativeId))).get();
      if (!a) throw new OrderError(404, "harvest.errors.announcementNotFound");
      if (!canAnnouncement("edit", a.status)) throw new OrderError(409, "harvest.errors.announcementState", { status: `harvest.status.${a.status}` });
      const taken = held(tx, id);
      if (input.quantity < taken) throw new OrderError(409, "harvest.errors.belowReserved", { reserved: taken, unit: `units.${a.unit}` });
      tx.update(A)
        .set({ ...input, remainingQuantity: input.quantity - taken, updatedAt: new Date().toISOString() })
        .where(and(eq(A.id, id), eq(A.status, "open")))
        .run();
      return a;
    },
    { behavior: "immediate" },
  );
}

/**
 * Closes, reopens or cancels. Cancelling an announced harvest declines the reservations still waiting or confirmed
 * (their buyers are returned so the route can tell them).
 */
export function transitionAnnouncement({ id, cooperativeId, action }: { id: number; cooperativeId: number; action: "close" | "reopen" | "cancel" }) {
  return db.transaction(
    (tx) => {
      const a = tx.select().from(A).where(and(eq(A.id, id), eq(A.cooperativeId, cooperativeId))).get();
      if (!a) throw new OrderError(404, "harvest.errors.announcementNotFound");
      if (!canAnnouncement(action, a.status)) throw new OrderError(409, "harvest.errors.announcementState", { status: `harvest.status.${a.status}` });
      const now = new Date().toISOString();
      const to = announcementTarget(action);
      const changed = tx
        .update(A)
        .set({ status: to, closedAt: to === "open" ? null : now, updatedAt: now })
        .where(and(eq(A.id, id), eq(A.status, a.status)))
        .run();
      if (changed.changes !== 1) throw new OrderError(409, "harvest.errors.announcementState", { status: `harvest.status.${a.status}` });
      let declined: { id: number; buyerId: number; quantity: number }[] = [];
      if (action === "cancel") {
        declined = tx
          .update(R)
          .set({ status: "declined", declineReason: "harvest.reservations.announcementCancelled", decidedAt: now, updatedAt: now })
          .where(and(eq(R.announcementId, id), inArray(R.status, ["requested", "confirmed"])))
          .returning({ id: R.id, buyerId: R.buyerId, quantity: R.quantity })
          .all();
      }
      return { announcement: { ...a, status: to }, declined };
    },
    { behavior: "immediate" },
  );
}

const announcementColumns = {
  id: A.id,
  cooperativeId: A.cooperativeId,
  productId: A.productId,
  quantity: A.quantity,
  unit: A.unit,
  remainingQuantity: A.remainingQuantity,
  harvestFrom: A.harvestFrom,
  harvestTo: A.harvestTo,
  priceMin: A.priceMin,
  priceMax: A.priceMax,
  notes: A.notes,
  status: A.status,
  createdAt: A.createdAt,
  productName: schema.products.nameVi,
  productNameEn: schema.products.nameEn,
  productSlug: schema.products.slug,
  categoryCode: schema.products.categoryCode,
  provinceCode: schema.products.originProvinceCode,
  provinceName: schema.provinces.shortName,
  cooperativeName: schema.organisations.name,
  cooperativeSlug: schema.organisations.slug,
  cooperativeVerifiedAt: schema.organisations.verifiedAt,
};

function announcementQuery() {
  return db
    .select(announcementColumns)
    .from(A)
    .innerJoin(schema.products, eq(schema.products.id, A.productId))
    .innerJoin(schema.organisations, eq(schema.organisations.id, A.cooperativeId))
    .innerJoin(schema.provinces, eq(schema.provinces.code, schema.products.originProvinceCode));
}

export type AnnouncementRow = ReturnType<ReturnType<typeof announcementQuery>["all"]>[number];

/** The certificates that will be valid through each announcement's window, computed from verified certificates of the product. */
export function windowCertificates(rows: readonly { id: number; productId: number; harvestFrom: string; harvestTo: string }[]) {
  const out = new Map<number, { type: string; ocopStars: number | null; expiryDate: string | null }[]>();
  if (!rows.length) return out;
  const certs = db
    .select({
      productId: schema.certificateProducts.productId,
      type: schema.certificates.type,
      ocopStars: schema.certificates.ocopStars,
      status: schema.certificates.status,
      issueDate: schema.certificates.issueDate,
      expiryDate: schema.certificates.expiryDate,
    })
    .from(schema.certificateProducts)
    .innerJoin(schema.certificates, eq(schema.certificates.id, schema.certificateProducts.certificateId))
    .where(and(inArray(schema.certificateProducts.productId, [...new Set(rows.map((r) => r.productId))]), eq(schema.certificates.status, "verified")))
    .all();
  for (const r of rows) {
    const valid = certificatesForWindow(
      certs.filter((c) => c.productId === r.productId),
      { from: r.harvestFrom, to: r.harvestTo },
    );
    out.set(r.id, valid.map((c) => ({ type: c.type, ocopStars: c.ocopStars, expiryDate: c.expiryDate })));
  }
  return out;
}

export function listCooperativeAnnouncements({ cooperativeId }: { cooperativeId: number }) {
  const rows = announcementQuery().where(eq(A.cooperativeId, cooperativeId)).orderBy(desc(A.createdAt), desc(A.id)).limit(200).all();
  const waiting = new Map(
    db
      .select({ id: R.announcementId, n: sql<number>`count(*)` })
      .from(R)
      .where(and(eq(R.cooperativeId, cooperativeId), eq(R.status, "requested")))
      .groupBy(R.announcementId)
      .all()
      .map((r) => [r.id, r.n]),
  );
  return rows.map((r) => ({ ...r, waiting: waiting.get(r.id) ?? 0 }));
}

export function getAnnouncementForCooperative({ id, cooperativeId }: { id: number; cooperativeId: number }) {
  const a = announcementQuery()
    .where(and(eq(A.id, id), eq(A.cooperativeId, cooperativeId)))
    .get();
  if (!a) return null;
  return { announcement: a, certificates: windowCertificates([a]).get(a.id) ?? [], reservations: listReservations({ organisationId: cooperativeId, side: "cooperative", announcementId: id }) };
}

/** A public announcement (any status, so an old link still explains itself), with its window certificates. */
export function getPublicAnnouncement({ id }: { id: number }) {
  const a = announcementQuery()
    .where(and(eq(A.id, id), eq(schema.organisations.status, "active")))
    .get();
  if (!a) return null;
  return { announcement: a, certificates: windowCertificates([a]).get(a.id) ?? [] };
}

export type BoardFilters = { q?: string; category?: string; province?: string; certification?: string; cooperativeId?: number; page?: number };
export const BOARD_PAGE = 24;

/**
 * Open announcements whose window has not ended, soonest harvest first. The text goes through the product
 * search index (the same Vietnamese folding), one rowid probe per candidate; the certificate filter asks for a
 * verified certificate of that type valid through the whole window.
 */
export function listBoard(filters: BoardFilters, today = todayInVietnam()) {
  const conditions = [eq(A.status, "open"), gte(A.harvestTo, today), eq(schema.organisations.status, "active")];
  if (filters.category) conditions.push(eq(schema.products.categoryCode, filters.category));
  if (filters.province) conditions.push(eq(schema.products.originProvinceCode, filters.province));
  if (filters.cooperativeId) conditions.push(eq(A.cooperativeId, filters.cooperativeId));
  if (filters.certification) {
    conditions.push(
      sql`exists (select 1 from certificate_products cp join certificates c on c.id = cp.certificate_id
        where cp.product_id = ${A.productId} and c.type = ${filters.certification} and c.status = 'verified'
        and c.issue_date <= ${A.harvestTo} and (c.expiry_date is null or c.expiry_date >= ${A.harvestTo}))`,
    );
  }
  const text = parseQueryText(filters.q);
  if (text.folded) conditions.push(sql`exists (select 1 from product_fts where product_fts match ${text.folded} and product_fts.rowid = ${A.productId})`);
  const where = and(...conditions);
  const total =
    db
      .select({ n: sql<number>`count(*)` })
      .from(A)
      .innerJoin(schema.products, eq(schema.products.id, A.productId))
      .innerJoin(schema.organisations, eq(schema.organisations.id, A.cooperativeId))
      .where(where)
      .get()?.n ?? 0;
  const page = Math.max(1, Math.min(filters.page ?? 1, Math.max(1, Math.ceil(total / BOARD_PAGE))));
  const rows = announcementQuery()
    .where(where)
    .orderBy(asc(A.harvestFrom), asc(A.id))
    .limit(BOARD_PAGE)
    .offset((page - 1) * BOARD_PAGE)
    .all();
  const certs = windowCertificates(rows);
  return { items: rows.map((r) => ({ ...r, certificates: certs.get(r.id) ?? [] })), total, page, pageCount: Math.max(1, Math.ceil(total / BOARD_PAGE)) };
}

/* ---------------------------------------------------------------- reservations */

export type ReservationInput = {
  quantity: number;
  note: string | null;
  deliveryProvinceCode: string;
  deliveryCommune: string;
  deliveryAddress: string;
  paymentMethod: PaymentMethod;
};

/**
 * A buyer reserves part of an open announcement. The remaining quantity is taken with a conditional UPDATE in an
 * immediate transaction, so two buyers racing for the last tonnes can never both get them.
 */
export function createReservation({ announcementId, buyerId, userId, input, today = todayInVietnam() }: { announcementId: number; buyerId: number; userId: number; input: ReservationInput; today?: string }) {
  return db.transaction(
    (tx) => {
      const a = tx
        .select({ a: A, coopStatus: schema.organisations.status })
        .from(A)
        .innerJoin(schema.organisations, eq(schema.organisations.id, A.cooperativeId))
        .where(eq(A.id, announcementId))
        .get();
      if (!a || a.coopStatus !== "active") throw new OrderError(404, "harvest.errors.announcementNotFound");
      if (!canAnnouncement("reserve", a.a.status) || a.a.harvestTo < today) throw new OrderError(409, "harvest.errors.notOpen");
      if (a.a.cooperativeId === buyerId) throw new OrderError(403, "errors.forbidden");
      const taken = tx
        .update(A)
        .set({ remainingQuantity: sql`${A.remainingQuantity} - ${input.quantity}` })
        .where(and(eq(A.id, announcementId), eq(A.status, "open"), gte(A.remainingQuantity, input.quantity)))
        .run();
      if (taken.changes !== 1) {
        const left = tx.select({ n: A.remainingQuantity }).from(A).where(eq(A.id, announcementId)).get()?.n ?? 0;
        throw new OrderError(409, "harvest.errors.overRemaining", { remaining: left, unit: `units.${a.a.unit}` });
      }
      return tx
        .insert(R)
        .values({ announcementId, buyerId, cooperativeId: a.a.cooperativeId, requestedBy: userId, ...input })
        .returning()
        .get();
    },
    { behavior: "immediate" },
  );
}

const buyerOrg = schema.organisations;

function reservationQuery() {
  return db
    .select({
      id: R.id,
      announcementId: R.announcementId,
      buyerId: R.buyerId,
      cooperativeId: R.cooperativeId,
      quantity: R.quantity,
      unitPrice: R.unitPrice,
      note: R.note,
      deliveryProvinceCode: R.deliveryProvinceCode,
      deliveryCommune: R.deliveryCommune,
      deliveryAddress: R.deliveryAddress,
      paymentMethod: R.paymentMethod,
      status: R.status,
      declineReason: R.declineReason,
      orderId: R.orderId,
      lotId: R.lotId,
      createdAt: R.createdAt,
      decidedAt: R.decidedAt,
      buyerName: buyerOrg.name,
      productId: A.productId,
      productName: schema.products.nameVi,
      unit: A.unit,
      harvestFrom: A.harvestFrom,
      harvestTo: A.harvestTo,
      priceMin: A.priceMin,
      priceMax: A.priceMax,
      announcementStatus: A.status,
    })
    .from(R)
    .innerJoin(A, eq(A.id, R.announcementId))
    .innerJoin(buyerOrg, eq(buyerOrg.id, R.buyerId))
    .innerJoin(schema.products, eq(schema.products.id, A.productId));
}

export function listReservations({ organisationId, side, announcementId }: { organisationId: number; side: "buyer" | "cooperative"; announcementId?: number }) {
  const owner = side === "buyer" ? eq(R.buyerId, organisationId) : eq(R.cooperativeId, organisationId);
  const rows = reservationQuery()
    .where(announcementId ? and(owner, eq(R.announcementId, announcementId)) : owner)
    .orderBy(desc(R.createdAt), desc(R.id))
    .limit(200)
    .all();
  const coops = new Map(
    rows.length
      ? db
          .select({ id: schema.organisations.id, name: schema.organisations.name })
          .from(schema.organisations)
          .where(inArray(schema.organisations.id, [...new Set(rows.map((r) => r.cooperativeId))]))
          .all()
          .map((o) => [o.id, o.name])
      : [],
  );
  return rows.map((r) => ({ ...r, cooperativeName: coops.get(r.cooperativeId) ?? "" }));
}

/** The reservation, only for its buyer or its cooperative; with the lots of its product the cooperative may ship. */
export function getReservationForOrganisation({ id, organisationId }: { id: number; organisationId: number }) {
  const r = reservationQuery().where(eq(R.id, id)).get();
  if (!r || (r.buyerId !== organisationId && r.cooperativeId !== organisationId)) return null;
  const side = r.cooperativeId === organisationId ? ("cooperative" as const) : ("buyer" as const);
  const cooperative = db.select({ name: schema.organisations.name, slug: schema.organisations.slug }).from(schema.organisations).where(eq(schema.organisations.id, r.cooperativeId)).get()!;
  const lots =
    side === "cooperative"
      ? db
          .select({ id: schema.lots.id, code: schema.lots.code, packingDate: schema.lots.packingDate, quantity: schema.lots.quantity, unit: schema.lots.unit })
          .from(schema.lots)
          .where(and(eq(schema.lots.cooperativeId, r.cooperativeId), eq(schema.lots.productId, r.productId)))
          .orderBy(desc(schema.lots.packingDate), desc(schema.lots.id))
          .all()
      : [];
  const lot = r.lotId ? db.select({ id: schema.lots.id, code: schema.lots.code }).from(schema.lots).where(eq(schema.lots.id, r.lotId)).get() ?? null : null;
  const order = r.orderId ? db.select({ id: schema.orders.id, number: schema.orders.number, status: schema.orders.status }).from(schema.orders).where(eq(schema.orders.id, r.orderId)).get() ?? null : null;
  return { reservation: r, side, cooperative, lots, lot, order };
}

/**
 * Confirm (with the agreed unit price), decline (with a reason) or cancel (the buyer). Wrong party: 404 for a
 * stranger, 403 for the other party; wrong state: 409. The status update is conditional on the status read.
 */
export function transitionReservation({
  id,
  organisationId,
  userId,
  action,
  unitPrice,
  reason,
}: {
  id: number;
  organisationId: number;
  userId: number;
  action: Exclude<ReservationAction, "order">;
  unitPrice?: number;
  reason?: string | null;
}) {
  return db.transaction(
    (tx) => {
      const r = tx.select().from(R).where(eq(R.id, id)).get();
      if (!r || (r.buyerId !== organisationId && r.cooperativeId !== organisationId)) throw new OrderError(404, "harvest.errors.reservationNotFound");
      const rule = reservationRules[action];
      const party = r.cooperativeId === organisationId ? "cooperative" : "buyer";
      if (rule.by !== party) throw new OrderError(403, "errors.forbidden");
      if (!canReservation(action, r.status)) throw new OrderError(409, "harvest.errors.reservationState", { status: `harvest.reservation.${r.status}` });
      const now = new Date().toISOString();
      const set: Partial<typeof R.$inferInsert> = { status: rule.to, updatedAt: now, decidedAt: now, decidedBy: userId };
      if (action === "confirm") set.unitPrice = unitPrice ?? null;
      if (action === "decline") set.declineReason = reason ?? null;
      const changed = tx.update(R).set(set).where(and(eq(R.id, id), eq(R.status, r.status))).run();
      if (changed.changes !== 1) throw new OrderError(409, "harvest.errors.reservationState", { status: `harvest.reservation.${r.status}` });
      if (releasesQuantity(rule.to)) {
        tx.update(A).set({ remainingQuantity: sql`${A.remainingQuantity} + ${r.quantity}` }).where(eq(A.id, r.announcementId)).run();
      }
      return { ...r, ...set };
    },
    { behavior: "immediate" },
  );
}

/**
 * A confirmed reservation becomes an order once its lot is packed: through the normal order pipeline, priced
 * from the agreed unit price (never from the client), with the lot linked to the order so the buyer's order page
 * leads to the trace page. The reserved quantity was promised out of the announced harvest, not out of the
 * listed stock, so the packed quantity enters stock and the order takes it in the same transaction: the stock
 * other buyers see is unchanged. Everything happens in one transaction, and the reservation's status moves from
 * confirmed to ordered conditionally, so a double click places one order.
 */
export function orderFromReservation({ id, cooperativeId, userId, lotId, today = todayInVietnam() }: { id: number; cooperativeId: number; userId: number; lotId: number; today?: string }) {
  const r = db.select().from(R).where(and(eq(R.id, id), eq(R.cooperativeId, cooperativeId))).get();
  if (!r) throw new OrderError(404, "harvest.errors.reservationNotFound");
  if (!canReservation("order", r.status) || r.unitPrice === null) throw new OrderError(409, "harvest.errors.reservationState", { status: `harvest.reservation.${r.status}` });
  const a = db.select().from(A).where(eq(A.id, r.announcementId)).get()!;
  const lot = db
    .select()
    .from(schema.lots)
    .where(and(eq(schema.lots.id, lotId), eq(schema.lots.cooperativeId, cooperativeId)))
    .get();
  if (!lot) throw new OrderError(404, "harvest.errors.lotNotFound");
  if (lot.productId !== a.productId) throw new OrderError(422, "harvest.errors.lotOtherProduct");
  return placeOrder({
    buyerId: r.buyerId,
    cooperativeId,
    // The buyer committed to this order by reserving; the cooperative's user is recorded on the lot link.
    userId: r.requestedBy ?? userId,
    paymentMethod: r.paymentMethod,
    delivery: {
      provinceCode: r.deliveryProvinceCode,
      commune: r.deliveryCommune,
      address: r.deliveryAddress,
      notes: r.note,
      requestedDate: lot.packingDate >= today ? lot.packingDate : today,
    },
    lines: [{ productId: a.productId, quantity: r.quantity, quote: { id: 0, quantity: r.quantity, unitPrice: r.unitPrice, validUntil: today, status: "accepted" } }],
    before: (tx) => {
      tx.update(schema.products).set({ stock: sql`${schema.products.stock} + ${r.quantity}` }).where(eq(schema.products.id, a.productId)).run();
    },
    after: (tx, order) => {
      const moved = tx
        .update(R)
        .set({ status: "ordered", orderId: order.id, lotId: lot.id, updatedAt: new Date().toISOString() })
        .where(and(eq(R.id, id), eq(R.status, "confirmed")))
        .run();
      if (moved.changes !== 1) throw new OrderError(409, "harvest.errors.reservationState", { status: "harvest.reservation.ordered" });
      addOrderLot({ orderId: order.id, cooperativeId, lotCode: lot.code, userId });
    },
  });
}

/* ---------------------------------------------------------------- follows */

export type FollowTarget = { kind: "cooperative" | "category" | "province"; value: string };

export function follow({ buyerId, userId, target }: { buyerId: number; userId: number; target: FollowTarget }) {
  db.insert(schema.harvestFollows).values({ buyerId, createdBy: userId, ...target }).onConflictDoNothing().run();
}

export function unfollow({ buyerId, target }: { buyerId: number; target: FollowTarget }) {
  db.delete(schema.harvestFollows)
    .where(and(eq(schema.harvestFollows.buyerId, buyerId), eq(schema.harvestFollows.kind, target.kind), eq(schema.harvestFollows.value, target.value)))
    .run();
}

export function isFollowing({ buyerId, target }: { buyerId: number; target: FollowTarget }) {
  return !!db
    .select({ id: schema.harvestFollows.id })
    .from(schema.harvestFollows)
    .where(and(eq(schema.harvestFollows.buyerId, buyerId), eq(schema.harvestFollows.kind, target.kind), eq(schema.harvestFollows.value, target.value)))
    .get();
}

export function listFollows({ buyerId }: { buyerId: number }) {
  const rows = db.select().from(schema.harvestFollows).where(eq(schema.harvestFollows.buyerId, buyerId)).orderBy(asc(schema.harvestFollows.kind), asc(schema.harvestFollows.id)).all();
  const coopIds = rows.filter((r) => r.kind === "cooperative").map((r) => Number(r.value));
  const coops = new Map(
    coopIds.length
      ? db
          .select({ id: schema.organisations.id, name: schema.organisations.name, slug: schema.organisations.slug })
          .from(schema.organisations)
          .where(inArray(schema.organisations.id, coopIds))
          .all()
          .map((c) => [String(c.id), c])
      : [],
  );
  return rows.map((r) => ({ id: r.id, kind: r.kind, value: r.value, cooperative: r.kind === "cooperative" ? coops.get(r.value) ?? null : null }));
}

/** Buyer organisations that follow the announcement's cooperative, category or province (each once). */
export function followersOf({ cooperativeId, categoryCode, provinceCode }: { cooperativeId: number; categoryCode: string; provinceCode: string }) {
  const f = schema.harvestFollows;
  return db
    .selectDistinct({ buyerId: f.buyerId })
    .from(f)
    .where(
      sql`(${f.kind} = 'cooperative' and ${f.value} = ${String(cooperativeId)}) or (${f.kind} = 'category' and ${f.value} = ${categoryCode}) or (${f.kind} = 'province' and ${f.value} = ${provinceCode})`,
    )
    .all()
    .map((r) => r.buyerId);
}

/** Whether the cooperative can be paid by VietQR transfer (it has a bank account on file). */
export function acceptsBankTransfer({ cooperativeId }: { cooperativeId: number }) {
  const c = db.select({ bin: schema.organisations.bankBin, account: schema.organisations.bankAccount }).from(schema.organisations).where(eq(schema.organisations.id, cooperativeId)).get();
  return !!(c?.bin && c.account);
}

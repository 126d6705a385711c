import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { todayInVietnam } from "~/lib/certificates";
import { acceptanceCheck, acceptsOffers, canReviseOffer, checkRequirements, distanceKm, unitFactor, type HeldCertificate } from "~/lib/market-rules";
import type { PaymentMethod } from "~/lib/order-states";
import { tierUnitPrice } from "~/lib/pricing";
import { provinceCentres } from "~/lib/province-geo";
import { OrderError, placeOrder, type Delivery } from "~/models/order.server";
import { acceptedQuantities, transitionRequest, type Viewer } from "~/models/request.server";
import { openThread, typicalResponseHours } from "~/models/thread.server";
import type { OfferInput } from "~/lib/market-forms";

/*
 * Offers: a cooperative's answer to a request, revised until the request closes (every revision kept), compared
 * side by side by the buyer and accepted into orders through the order pipeline (app/models/order.server.ts).
 */

function isInvited(requestId: number, cooperativeId: number) {
  return !!db
    .select({ r: schema.requestInvitations.requestId })
    .from(schema.requestInvitations)
    .where(and(eq(schema.requestInvitations.requestId, requestId), eq(schema.requestInvitations.cooperativeId, cooperativeId)))
    .get();
}

/** The request a cooperative may answer: 404 when it may not see it (invited and not invited), 409 when closed. */
export function requestForOffer({ requestId, cooperativeId }: { requestId: number; cooperativeId: number }) {
  const request = db.select().from(schema.requests).where(eq(schema.requests.id, requestId)).get();
  if (!request || request.state === "draft" || request.state === "cancelled") throw new OrderError(404, "market.errors.requestNotFound");
  if (request.visibility === "invited" && !isInvited(requestId, cooperativeId)) throw new OrderError(404, "market.errors.requestNotFound");
  return request;
}

/** The cooperative's published products it may offer for this request (a unit comparable with the request's). */
export function offerableProducts({ cooperativeId, requestUnit }: { cooperativeId: number; requestUnit: (typeof schema.saleUnits)[number] }) {
  return db
    .select({ id: schema.products.id, nameVi: schema.products.nameVi, unit: schema.products.unit, price: schema.products.price, stock: schema.products.stock, categoryCode: schema.products.categoryCode })
    .from(schema.products)
    .where(and(eq(schema.products.cooperativeId, cooperativeId), eq(schema.products.status, "published")))
    .orderBy(asc(schema.products.nameVi))
    .all()
    .filter((p) => unitFactor(p.unit, requestUnit) !== null);
}

export function lotsFor({ cooperativeId }: { cooperativeId: number }) {
  return db
    .select({ id: schema.lots.id, code: schema.lots.code, productId: schema.lots.productId, harvestDate: schema.lots.harvestDate })
    .from(schema.lots)
    .where(eq(schema.lots.cooperativeId, cooperativeId))
    .orderBy(desc(schema.lots.id))
    .limit(100)
    .all();
}

export function getOwnOffer({ requestId, cooperativeId }: { requestId: number; cooperativeId: number }) {
  const offer = db.select().from(schema.offers).where(and(eq(schema.offers.requestId, requestId), eq(schema.offers.cooperativeId, cooperativeId))).get();
  if (!offer) return null;
  const revisions = db.select().from(schema.offerRevisions).where(eq(schema.offerRevisions.offerId, offer.id)).orderBy(desc(schema.offerRevisions.revision)).all();
  return { offer, revisions };
}

/** Every check of an offer that needs no write, so an attachment is stored only once the offer will be taken. */
export function validateOffer({ requestId, cooperativeId, values }: { requestId: number; cooperativeId: number; values: OfferInput }) {
  const today = todayInVietnam();
  const request = requestForOffer({ requestId, cooperativeId });
  if (!acceptsOffers(request, today)) throw new OrderError(409, "market.errors.requestClosed");
  const product = db
    .select()
    .from(schema.products)
    .where(and(eq(schema.products.id, values.productId), eq(schema.products.cooperativeId, cooperativeId), eq(schema.products.status, "published")))
    .get();
  if (!product) throw new OrderError(422, "market.errors.product");
  if (unitFactor(product.unit, request.unit) === null) throw new OrderError(422, "market.errors.unitMismatch", { unit: `units.${request.unit}` });
  if (values.validUntil < today) throw new OrderError(422, "market.errors.validPast");
  if (values.lotId) {
    const lot = db.select().from(schema.lots).where(and(eq(schema.lots.id, values.lotId), eq(schema.lots.cooperativeId, cooperativeId), eq(schema.lots.productId, product.id))).get();
    if (!lot) throw new OrderError(422, "market.errors.lot");
  }
  const existing = db.select().from(schema.offers).where(and(eq(schema.offers.requestId, requestId), eq(schema.offers.cooperativeId, cooperativeId))).get();
  if (existing && !canReviseOffer(existing, request, today)) throw new OrderError(409, existing.state === "accepted" ? "market.errors.offerAccepted" : "market.errors.offerClosed");
  return { request, product, today };
}

/**
 * Sends a first offer or a revision. All checks (request open and visible, the product the cooperative's own and in
 * a comparable unit, the lot its own) happen before anything is written; the write is one immediate transaction
 * whose updates are conditional on the request still being open and the offer still submitted, so a revision
 * racing an acceptance or a close gets 409 and writes nothing.
 */
export function submitOffer({
  requestId,
  cooperativeId,
  userId,
  values,
  attachment,
}: {
  requestId: number;
  cooperativeId: number;
  userId: number;
  values: OfferInput;
  attachment?: { path: string; mime: string; filename: string } | null;
}) {
  const { request, product, today } = validateOffer({ requestId, cooperativeId, values });
  const terms = {
    productId: product.id,
    quantity: values.quantity,
    unitPrice: values.unitPrice,
    tiers: values.tiers,
    harvestFrom: values.harvestFrom ?? null,
    harvestTo: values.harvestTo ?? null,
    packingDate: values.packingDate ?? null,
    lotId: values.lotId ?? null,
    validUntil: values.validUntil,
    notes: values.notes ?? null,
  };
  return db.transaction(
    (tx) => {
      const now = new Date().toISOString();
      const open = tx
        .select({ id: schema.requests.id })
        .from(schema.requests)
        .where(and(eq(schema.requests.id, requestId), eq(schema.requests.state, "open")))
        .get();
      if (!open) throw new OrderError(409, "market.errors.requestClosed");
      const existing = tx.select().from(schema.offers).where(and(eq(schema.offers.requestId, requestId), eq(schema.offers.cooperativeId, cooperativeId))).get();
      let offerId: number;
      let revision: number;
      if (!existing) {
        const row = tx.insert(schema.offers).values({ requestId, cooperativeId, ...terms, revision: 1, createdAt: now }).returning().get();
        offerId = row.id;
        revision = 1;
      } else {
        if (!canReviseOffer(existing, request, today)) throw new OrderError(409, existing.state === "accepted" ? "market.errors.offerAccepted" : "market.errors.offerClosed");
        revision = existing.revision + 1;
        const changed = tx
          .update(schema.offers)
          .set({ ...terms, revision, updatedAt: now })
          .where(and(eq(schema.offers.id, existing.id), eq(schema.offers.state, "submitted"), eq(schema.offers.revision, existing.revision)))
          .run();
        if (changed.changes !== 1) throw new OrderError(409, "market.errors.offerAccepted");
        offerId = existing.id;
      }
      tx.insert(schema.offerRevisions)
        .values({
          offerId,
          revision,
          ...terms,
          attachmentPath: attachment?.path ?? null,
          attachmentMime: attachment?.mime ?? null,
          attachmentName: attachment?.filename ?? null,
          createdBy: userId,
          createdAt: now,
        })
        .run();
      return { offerId, revision, created: !existing, buyerId: request.buyerId };
    },
    { behavior: "immediate" },
  );
}

export function withdrawOffer({ requestId, cooperativeId }: { requestId: number; cooperativeId: number }) {
  const offer = db.select().from(schema.offers).where(and(eq(schema.offers.requestId, requestId), eq(schema.offers.cooperativeId, cooperativeId))).get();
  if (!offer) throw new OrderError(404, "market.errors.offerNotFound");
  const changed = db
    .update(schema.offers)
    .set({ state: "withdrawn", decidedAt: new Date().toISOString() })
    .where(and(eq(schema.offers.id, offer.id), eq(schema.offers.state, "submitted")))
    .run();
  if (changed.changes !== 1) throw new OrderError(409, "market.errors.offerClosed");
}

/** An offer on one of the buyer's requests; 404 for anyone else's (the request or the offer). */
function buyerOffer({ requestId, offerId, buyerId }: { requestId: number; offerId: number; buyerId: number }) {
  const row = db
    .select({ offer: schema.offers, request: schema.requests })
    .from(schema.offers)
    .innerJoin(schema.requests, eq(schema.requests.id, schema.offers.requestId))
    .where(and(eq(schema.offers.id, offerId), eq(schema.offers.requestId, requestId), eq(schema.requests.buyerId, buyerId)))
    .get();
  if (!row) throw new OrderError(404, "market.errors.offerNotFound");
  return row;
}

export function setShortlisted({ requestId, offerId, buyerId, on }: { requestId: number; offerId: number; buyerId: number; on: boolean }) {
  buyerOffer({ requestId, offerId, buyerId });
  db.update(schema.offers).set({ shortlistedAt: on ? new Date().toISOString() : null }).where(eq(schema.offers.id, offerId)).run();
}

/** The buyer's question about an offer: the offer's thread (an inquiry thread), opened on first use. */
export function askAboutOffer({ requestId, offerId, buyerId, userId, body }: { requestId: number; offerId: number; buyerId: number; userId: number; body: string }) {
  const { offer, request } = buyerOffer({ requestId, offerId, buyerId });
  if (offer.threadId) return { threadId: offer.threadId, created: false, cooperativeId: offer.cooperativeId };
  const { threadId } = openThread({ buyerId, cooperativeId: offer.cooperativeId, productId: offer.productId, subject: `#${request.id} ${request.title}`.slice(0, 200), body, userId });
  db.update(schema.offers).set({ threadId }).where(and(eq(schema.offers.id, offerId), sql`${schema.offers.threadId} is null`)).run();
  return { threadId, created: true, cooperativeId: offer.cooperativeId };
}

/* ---------------------------------------------------------------- Comparison */

/** Every live offer on a request with what the buyer compares, for the request's buyer only. */
export function compareOffers({ requestId, buyerId, viewer }: { requestId: number; buyerId: number; viewer?: Viewer }) {
  const request = db.select().from(schema.requests).where(and(eq(schema.requests.id, requestId), eq(schema.requests.buyerId, buyerId))).get();
  if (!request || (viewer && viewer.organisationId !== buyerId)) throw new OrderError(404, "market.errors.requestNotFound");
  const required = db.select().from(schema.requestCertifications).where(eq(schema.requestCertifications.requestId, requestId)).all();
  const rows = db
    .select({
      offer: schema.offers,
      productName: schema.products.nameVi,
      unit: schema.products.unit,
      stock: schema.products.stock,
      harvestMonths: schema.products.harvestMonths,
      cooperativeName: schema.organisations.name,
      cooperativeSlug: schema.organisations.slug,
      provinceCode: schema.organisations.provinceCode,
      verifiedAt: schema.organisations.verifiedAt,
      orderNumber: schema.orders.number,
    })
    .from(schema.offers)
    .innerJoin(schema.products, eq(schema.products.id, schema.offers.productId))
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.offers.cooperativeId))
    .leftJoin(schema.orders, eq(schema.orders.id, schema.offers.orderId))
    .where(and(eq(schema.offers.requestId, requestId), inArray(schema.offers.state, ["submitted", "accepted", "declined"])))
    .orderBy(asc(schema.offers.unitPrice), asc(schema.offers.id))
    .all();
  const productIds = rows.map((r) => r.offer.productId);
  const certs = productIds.length
    ? (db
        .select({ productId: schema.certificateProducts.productId, type: schema.certificates.type, status: schema.certificates.status, expiryDate: schema.certificates.expiryDate, issueDate: schema.certificates.issueDate, ocopStars: schema.certificates.ocopStars })
        .from(schema.certificateProducts)
        .innerJoin(schema.certificates, eq(schema.certificates.id, schema.certificateProducts.certificateId))
        .where(inArray(schema.certificateProducts.productId, productIds))
        .all() as (HeldCertificate & { productId: number })[])
    : [];
  const coopIds = [...new Set(rows.map((r) => r.offer.cooperativeId))];
  const completed = new Map(
    coopIds.length
      ? db
          .select({ id: schema.orders.cooperativeId, n: sql<number>`count(*)` })
          .from(schema.orders)
          .where(and(inArray(schema.orders.cooperativeId, coopIds), eq(schema.orders.status, "completed")))
          .groupBy(schema.orders.cooperativeId)
          .all()
          .map((c) => [c.id, c.n])
      : [],
  );
  const revisionCounts = new Map(rows.map((r) => [r.offer.id, r.offer.revision]));
  const deliveryDate = request.deliveryTo;
  const destination = provinceCentres[request.deliveryProvinceCode];
  const accepted = acceptedQuantities(requestId, request.unit);
  return {
    request,
    accepted,
    offers: rows.map((r) => {
      const factor = unitFactor(r.unit, request.unit) ?? 0;
      const held = certs.filter((c) => c.productId === r.offer.productId);
      const origin = provinceCentres[r.provinceCode];
      const priced = tierUnitPrice({ price: r.offer.unitPrice }, r.offer.tiers, r.offer.quantity);
      return {
        ...r,
        quantityInRequestUnit: Math.round(r.offer.quantity * factor * 1000) / 1000,
        priceForQuantity: priced.unitPrice,
        total: priced.lineTotal,
        certificates: checkRequirements(held, required.map((q) => ({ type: q.type, minStars: q.minStars })), deliveryDate),
        responseHours: typicalResponseHours({ cooperativeId: r.offer.cooperativeId }),
        completedOrders: completed.get(r.offer.cooperativeId) ?? 0,
        distanceKm: origin && destination ? distanceKm(origin, destination) : null,
        revisions: revisionCounts.get(r.offer.id) ?? 1,
        stockShort: r.stock < r.offer.quantity,
      };
    }),
  };
}

/* ---------------------------------------------------------------- Acceptance */

/**
 * Accepts one offer: an order at the offer's prices (its tiers applied to the offered quantity) through placeOrder,
 * which takes the stock and checks the payment method, all in one immediate transaction together with marking the
 * offer accepted (conditional on it still being submitted at the revision the buyer saw) and closing the request
 * as fulfilled once accepted offers cover it. Two acceptances of one offer, or an acceptance racing a revision,
 * leave exactly one order or none.
 */
export function acceptOffer({
  requestId,
  offerId,
  revision,
  buyerId,
  userId,
  delivery,
  paymentMethod,
  confirmOver,
}: {
  requestId: number;
  offerId: number;
  revision: number;
  buyerId: number;
  userId: number;
  delivery: Omit<Delivery, "provinceCode" | "requestedDate">;
  paymentMethod: PaymentMethod;
  confirmOver: boolean;
}) {
  const { offer, request } = buyerOffer({ requestId, offerId, buyerId });
  const today = todayInVietnam();
  if (request.state !== "open") throw new OrderError(409, "market.errors.requestState", { state: `market.state.${request.state}` });
  if (offer.state !== "submitted") throw new OrderError(409, offer.state === "accepted" ? "market.errors.offerAccepted" : "market.errors.offerClosed");
  if (offer.revision !== revision) throw new OrderError(409, "market.errors.offerRevised", { revision: offer.revision });
  if (offer.validUntil < today) throw new OrderError(409, "market.errors.offerLapsed");
  const product = db.select().from(schema.products).where(eq(schema.products.id, offer.productId)).get()!;
  const factor = unitFactor(product.unit, request.unit) ?? 0;
  const check = acceptanceCheck(request.quantity, acceptedQuantities(requestId, request.unit), offer.quantity * factor);
  if (check.needsConfirmation && !confirmOver) {
    throw new OrderError(409, "market.errors.overAccept", { over: check.over, remaining: check.remaining, unit: `units.${request.unit}` });
  }
  const priced = tierUnitPrice({ price: offer.unitPrice }, offer.tiers, offer.quantity);
  let fulfilled = false;
  const order = placeOrder({
    buyerId,
    cooperativeId: offer.cooperativeId,
    userId,
    paymentMethod,
    delivery: { ...delivery, provinceCode: request.deliveryProvinceCode, requestedDate: request.deliveryFrom, notes: delivery.notes ?? `#${request.id} ${request.title}`.slice(0, 1000) },
    // The offer binds like an accepted quote: its price, for its quantity, through its validity date.
    lines: [{ productId: offer.productId, quantity: offer.quantity, quote: { id: offer.id, quantity: offer.quantity, unitPrice: priced.unitPrice, validUntil: offer.validUntil, status: "accepted" } }],
    after: (tx, placed) => {
      const now = new Date().toISOString();
      const stillOpen = tx.select({ id: schema.requests.id }).from(schema.requests).where(and(eq(schema.requests.id, requestId), eq(schema.requests.state, "open"))).get();
      if (!stillOpen) throw new OrderError(409, "market.errors.requestClosed");
      const took = tx
        .update(schema.offers)
        .set({ state: "accepted", orderId: placed.id, acceptedAt: now, decidedAt: now, updatedAt: now })
        .where(and(eq(schema.offers.id, offerId), eq(schema.offers.state, "submitted"), eq(schema.offers.revision, revision), sql`${schema.offers.orderId} is null`))
        .run();
      if (took.changes !== 1) throw new OrderError(409, "market.errors.offerAccepted");
      const after = acceptedQuantities(requestId, request.unit, tx);
      if (after.reduce((s, q) => s + q, 0) >= request.quantity - 1e-9) {
        transitionRequest({ id: requestId, buyerId, action: "fulfil" }, tx);
        fulfilled = true;
      }
    },
  });
  return { order, fulfilled, offer, request };
}

/** Offerers of a request whose offers ended unaccepted, for the polite notice. */
export function declinedOfferers({ requestId }: { requestId: number }) {
  return db
    .select({ offerId: schema.offers.id, cooperativeId: schema.offers.cooperativeId })
    .from(schema.offers)
    .where(and(eq(schema.offers.requestId, requestId), eq(schema.offers.state, "declined")))
    .all();
}

import { and, asc, desc, eq, gte, inArray, lt, lte, ne, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { db, schema } from "~/db.server";
import { todayInVietnam } from "~/lib/certificates";
import {
  canTransition,
  orderRules,
  releasingStatuses,
  unpaidStatuses,
  type OrderAction,
  type OrderStatus,
  type Party,
  type PaymentMethod,
} from "~/lib/order-states";
import { orderTotals, priceLine, type AcceptableQuote, type PriceProblem } from "~/lib/pricing";
import { saleBlock } from "./safety.server";

type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];

/** How long reserved stock waits for payment before it goes back on sale. */
export const ORDER_HOLD_HOURS = 72;

/**
 * A rule the order broke, carried to the route as a status and a catalogue key with parameters
 * (e.g. 409 `orders.errors.stock` with the quantity available).
 */
export class OrderError extends Error {
  constructor(
    public status: 400 | 403 | 404 | 409 | 422,
    public messageKey: string,
    public params: Record<string, string | number> = {},
  ) {
    super(messageKey);
  }
}

export function orderNumber(id: number, createdAt: string): string {
  return `CHX-${createdAt.slice(0, 4)}-${String(id).padStart(6, "0")}`;
}

/* ---------------------------------------------------------------- Cart */

export function addToCart({ buyerId, productId, quantity, userId }: { buyerId: number; productId: number; quantity: number; userId: number }) {
  const product = db
    .select({ id: schema.products.id })
    .from(schema.products)
    .where(and(eq(schema.products.id, productId), eq(schema.products.status, "published")))
    .get();
  if (!product) throw new OrderError(404, "orders.errors.productNotFound");
  db.insert(schema.cartItems)
    .values({ buyerId, productId, quantity, addedBy: userId })
    .onConflictDoUpdate({
      target: [schema.cartItems.buyerId, schema.cartItems.productId],
      set: { quantity: sql`${schema.cartItems.quantity} + ${quantity}` },
    })
    .run();
}

export function setCartQuantity({ buyerId, productId, quantity }: { buyerId: number; productId: number; quantity: number }) {
  const where = and(eq(schema.cartItems.buyerId, buyerId), eq(schema.cartItems.productId, productId));
  if (quantity <= 0) db.delete(schema.cartItems).where(where).run();
  else db.update(schema.cartItems).set({ quantity }).where(where).run();
}

export function removeFromCart({ buyerId, productId }: { buyerId: number; productId: number }) {
  db.delete(schema.cartItems)
    .where(and(eq(schema.cartItems.buyerId, buyerId), eq(schema.cartItems.productId, productId)))
    .run();
}

export function cartQuantity({ buyerId, productId }: { buyerId: number; productId: number }): number {
  return (
    db
      .select({ q: schema.cartItems.quantity })
      .from(schema.cartItems)
      .where(and(eq(schema.cartItems.buyerId, buyerId), eq(schema.cartItems.productId, productId)))
      .get()?.q ?? 0
  );
}

/** MOQ and stock for a line about to go into a cart, so the buyer hears about it at once (checkout checks again). */
export function checkAddable({ productId, quantity }: { productId: number; quantity: number }) {
  const product = db.select().from(schema.products).where(eq(schema.products.id, productId)).get();
  if (!product || product.status !== "published") throw new OrderError(404, "orders.errors.productNotFound");
  const tiers = db.select().from(schema.priceTiers).where(eq(schema.priceTiers.productId, productId)).all();
  const result = priceLine({ product, tiers, quantity, today: todayInVietnam() });
  if (result.ok) return;
  const p = result.problem;
  if (p.code === "moq") throw new OrderError(409, "orders.errors.moq", { product: product.nameVi, min: p.minOrderQty, unit: `units.${product.unit}` });
  if (p.code === "stock") throw new OrderError(409, "orders.errors.stock", { product: product.nameVi, available: p.available, unit: `units.${product.unit}` });
  throw new OrderError(400, "orders.errors.quantity");
}

export function cartCount({ buyerId }: { buyerId: number }): number {
  return db.select({ n: sql<number>`count(*)` }).from(schema.cartItems).where(eq(schema.cartItems.buyerId, buyerId)).get()?.n ?? 0;
}

function tiersFor(productIds: number[], tx: Pick<Tx, "select"> = db) {
  if (!productIds.length) return new Map<number, { minQty: number; unitPrice: number }[]>();
  const rows = tx.select().from(schema.priceTiers).where(inArray(schema.priceTiers.productId, productIds)).all();
  const map = new Map<number, { minQty: number; unitPrice: number }[]>();
  for (const r of rows) map.set(r.productId, [...(map.get(r.productId) ?? []), r]);
  return map;
}

/** The cart grouped by cooperative, each line priced by the server with any MOQ or stock problem attached. */
export function getCart({ buyerId }: { buyerId: number }) {
  const rows = db
    .select({
      productId: schema.products.id,
      name: schema.products.nameVi,
      nameEn: schema.products.nameEn,
      unit: schema.products.unit,
      price: schema.products.price,
      minOrderQty: schema.products.minOrderQty,
      stock: schema.products.stock,
      status: schema.products.status,
      quantity: schema.cartItems.quantity,
      cooperativeId: schema.organisations.id,
      cooperativeName: schema.organisations.name,
      cooperativeSlug: schema.organisations.slug,
    })
    .from(schema.cartItems)
    .innerJoin(schema.products, eq(schema.products.id, schema.cartItems.productId))
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.products.cooperativeId))
    .where(eq(schema.cartItems.buyerId, buyerId))
    .orderBy(asc(schema.organisations.name), asc(schema.cartItems.id))
    .all();
  const tiers = tiersFor(rows.map((r) => r.productId));
  const trusted = new Set(
    db
      .select({ c: schema.trustedBuyers.cooperativeId })
      .from(schema.trustedBuyers)
      .where(eq(schema.trustedBuyers.buyerId, buyerId))
      .all()
      .map((r) => r.c),
  );
  const today = todayInVietnam();
  const groups = new Map<
    number,
    {
      cooperativeId: number;
      cooperativeName: string;
      cooperativeSlug: string;
      codAllowed: boolean;
      lines: (Omit<(typeof rows)[number], "cooperativeId" | "cooperativeName" | "cooperativeSlug"> & {
        unitPrice: number;
        lineTotal: number;
        source: string;
        problem: PriceProblem | null;
      })[];
      total: number;
    }
  >();
  for (const r of rows) {
    const group = groups.get(r.cooperativeId) ?? {
      cooperativeId: r.cooperativeId,
      cooperativeName: r.cooperativeName,
      cooperativeSlug: r.cooperativeSlug,
      codAllowed: trusted.has(r.cooperativeId),
      lines: [],
      total: 0,
    };
    groups.set(r.cooperativeId, group);
    const result =
      r.status === "published"
        ? priceLine({ product: r, tiers: tiers.get(r.productId) ?? [], quantity: r.quantity, today })
        : ({ ok: false, problem: { code: "stock", available: 0 } } as const);
    const fallback = priceLine({ product: { ...r, stock: Number.MAX_SAFE_INTEGER, minOrderQty: 1 }, tiers: tiers.get(r.productId) ?? [], quantity: r.quantity, today });
    const price = result.ok ? result.price : fallback.ok ? fallback.price : { unitPrice: r.price, lineTotal: r.price * r.quantity, source: "base" as const };
    const { cooperativeId: _c, cooperativeName: _n, cooperativeSlug: _s, ...line } = r;
    group.lines.push({ ...line, ...price, problem: result.ok ? null : result.problem });
    group.total += price.lineTotal;
  }
  return [...groups.values()];
}

/* ---------------------------------------------------------------- Placing orders */

export type Delivery = {
  provinceCode: string;
  commune: string;
  address: string;
  contactPhone?: string | null;
  requestedDate?: string | null;
  notes?: string | null;
};

type LineRequest = { productId: number; quantity: number; quote?: (AcceptableQuote & { id: number }) | null };

/**
 * Takes the stock of one line inside the caller's transaction. The UPDATE only matches while enough stock is left,
 * so two buyers racing for the last units can never both succeed, whatever the interleaving.
 */
function reserveLine(tx: Tx, { productId, quantity, cooperativeId, quote, today }: LineRequest & { cooperativeId: number; today: string }) {
  const product = tx
    .select()
    .from(schema.products)
    .where(and(eq(schema.products.id, productId), eq(schema.products.cooperativeId, cooperativeId), eq(schema.products.status, "published")))
    .get();
  if (!product) throw new OrderError(404, "orders.errors.productNotFound");
  const tiers = tx.select().from(schema.priceTiers).where(eq(schema.priceTiers.productId, productId)).all();
  const priced = priceLine({ product, tiers, quantity, quote, today });
  if (!priced.ok) {
    const p = priced.problem;
    if (p.code === "moq") throw new OrderError(409, "orders.errors.moq", { product: product.nameVi, min: p.minOrderQty, unit: `units.${product.unit}` });
    if (p.code === "stock") throw new OrderError(409, "orders.errors.stock", { product: product.nameVi, available: p.available, unit: `units.${product.unit}` });
    throw new OrderError(400, "orders.errors.quantity");
  }
  const taken = tx
    .update(schema.products)
    .set({ stock: sql`${schema.products.stock} - ${quantity}` })
    .where(and(eq(schema.products.id, productId), gte(schema.products.stock, quantity)))
    .run();
  if (taken.changes !== 1) {
    const left = tx.select({ stock: schema.products.stock }).from(schema.products).where(eq(schema.products.id, productId)).get();
    throw new OrderError(409, "orders.errors.stock", { product: product.nameVi, available: left?.stock ?? 0, unit: `units.${product.unit}` });
  }
  return { product, ...priced.price };
}

function insertOrder(
  tx: Tx,
  {
    buyerId,
    cooperativeId,
    userId,
    paymentMethod,
    delivery,
    lines,
    quoteId,
  }: {
    buyerId: number;
    cooperativeId: number;
    userId: number;
    paymentMethod: PaymentMethod;
    delivery: Delivery;
    lines: LineRequest[];
    quoteId?: number | null;
  },
) {
  const today = todayInVietnam();
  const coop = tx
    .select()
    .from(schema.organisations)
    .where(and(eq(schema.organisations.id, cooperativeId), eq(schema.organisations.kind, "cooperative"), eq(schema.organisations.status, "active")))
    .get();
  if (!coop) throw new OrderError(404, "orders.errors.productNotFound");
  if (paymentMethod === "cod") {
    const trusted = tx
      .select()
      .from(schema.trustedBuyers)
      .where(and(eq(schema.trustedBuyers.cooperativeId, cooperativeId), eq(schema.trustedBuyers.buyerId, buyerId)))
      .get();
    if (!trusted) throw new OrderError(409, "orders.errors.codNotAllowed", { cooperative: coop.name });
  }
  if (paymentMethod === "bank_transfer" && !(coop.bankBin && coop.bankAccount)) {
    throw new OrderError(409, "orders.errors.noBankAccount", { cooperative: coop.name });
  }
  const priced = lines.map((l) => reserveLine(tx, { ...l, cooperativeId, today }));
  const totals = orderTotals(priced);
  const now = new Date().toISOString();
  const expiresAt = paymentMethod === "cod" ? null : new Date(Date.now() + ORDER_HOLD_HOURS * 3_600_000).toISOString();
  const row = tx
    .insert(schema.orders)
    .values({
      number: `pending-${now}-${Math.random()}`,
      buyerId,
      cooperativeId,
      status: "placed",
      paymentMethod,
      ...totals,
      deliveryProvinceCode: delivery.provinceCode,
      deliveryCommune: delivery.commune,
      deliveryAddress: delivery.address,
      contactPhone: delivery.contactPhone ?? null,
      requestedDate: delivery.requestedDate ?? null,
      notes: delivery.notes ?? null,
      quoteId: quoteId ?? null,
      placedBy: userId,
      expiresAt,
      createdAt: now,
    })
    .returning({ id: schema.orders.id })
    .get();
  const number = orderNumber(row.id, now);
  tx.update(schema.orders).set({ number }).where(eq(schema.orders.id, row.id)).run();
  tx.insert(schema.orderLines)
    .values(
      priced.map((p, i) => ({
        orderId: row.id,
        productId: p.product.id,
        productName: p.product.nameVi,
        unit: p.product.unit,
        quantity: lines[i]!.quantity,
        unitPrice: p.unitPrice,
        lineTotal: p.lineTotal,
        priceSource: p.source,
      })),
    )
    .run();
  tx.insert(schema.orderEvents).values({ orderId: row.id, fromStatus: null, toStatus: "placed", actorUserId: userId, actorOrgId: buyerId }).run();
  return { id: row.id, number, cooperativeId, total: totals.total };
}

/**
 * Checkout: one order per cooperative in the cart, all in one immediate transaction (the write lock is taken at
 * BEGIN, so concurrent checkouts queue instead of failing midway). Any line over stock or under MOQ aborts all.
 */
export function checkoutCart({
  buyerId,
  userId,
  delivery,
  paymentMethods,
}: {
  buyerId: number;
  userId: number;
  delivery: Delivery;
  /** Per cooperative id; bank transfer when missing. */
  paymentMethods: Record<number, PaymentMethod>;
}) {
  return db.transaction(
    (tx) => {
      const items = tx
        .select({ productId: schema.cartItems.productId, quantity: schema.cartItems.quantity, cooperativeId: schema.products.cooperativeId })
        .from(schema.cartItems)
        .innerJoin(schema.products, eq(schema.products.id, schema.cartItems.productId))
        .where(eq(schema.cartItems.buyerId, buyerId))
        .orderBy(asc(schema.cartItems.id))
        .all();
      if (!items.length) throw new OrderError(409, "orders.errors.cartEmpty");
      const byCoop = new Map<number, LineRequest[]>();
      for (const i of items) byCoop.set(i.cooperativeId, [...(byCoop.get(i.cooperativeId) ?? []), i]);
      const placed = [...byCoop.entries()].map(([cooperativeId, lines]) =>
        insertOrder(tx, { buyerId, cooperativeId, userId, paymentMethod: paymentMethods[cooperativeId] ?? "bank_transfer", delivery, lines }),
      );
      tx.delete(schema.cartItems).where(eq(schema.cartItems.buyerId, buyerId)).run();
      return placed;
    },
    { behavior: "immediate" },
  );
}

/** Places one order directly (no cart), e.g. from an accepted quote or a "buy now" of a single product. */
export function placeOrder(args: {
  buyerId: number;
  cooperativeId: number;
  userId: number;
  paymentMethod: PaymentMethod;
  delivery: Delivery;
  lines: LineRequest[];
  quoteId?: number | null;
  /** Runs inside the same transaction before the order is placed (e.g. a packed harvest lot entering stock). */
  before?: (tx: Tx) => void;
  /** Runs inside the same transaction after the order exists (e.g. marking the quote accepted). */
  after?: (tx: Tx, order: { id: number; number: string }) => void;
}) {
  return db.transaction(
    (tx) => {
      args.before?.(tx);
      const order = insertOrder(tx, args);
      args.after?.(tx, order);
      return order;
    },
    { behavior: "immediate" },
  );
}

/* ---------------------------------------------------------------- Reading orders */

const buyerOrg = alias(schema.organisations, "buyer_org");
const coopOrg = alias(schema.organisations, "coop_org");

export type OrderFilters = { status?: OrderStatus; q?: string; from?: string; to?: string };

/** One side's orders, newest first. `side` decides whose orders: the buyer's purchases or the cooperative's sales. */
export function listOrders({ organisationId, side, filters = {}, limit = 200 }: { organisationId: number; side: "buyer" | "cooperative"; filters?: OrderFilters; limit?: number }) {
  const conditions = [side === "buyer" ? eq(schema.orders.buyerId, organisationId) : eq(schema.orders.cooperativeId, organisationId)];
  if (filters.status) conditions.push(eq(schema.orders.status, filters.status));
  if (filters.from) conditions.push(gte(schema.orders.createdAt, filters.from));
  if (filters.to) conditions.push(lt(schema.orders.createdAt, `${filters.to}T23:59:59.999Z`));
  if (filters.q) {
    const like = `%${filters.q.replace(/[%_]/g, "")}%`;
    conditions.push(or(sql`${schema.orders.number} like ${like}`, sql`${side === "buyer" ? coopOrg.name : buyerOrg.name} like ${like}`)!);
  }
  return db
    .select({
      id: schema.orders.id,
      number: schema.orders.number,
      status: schema.orders.status,
      paymentMethod: schema.orders.paymentMethod,
      total: schema.orders.total,
      createdAt: schema.orders.createdAt,
      requestedDate: schema.orders.requestedDate,
      deliveryProvinceCode: schema.orders.deliveryProvinceCode,
      trackingNumber: schema.orders.trackingNumber,
      buyerName: buyerOrg.name,
      cooperativeName: coopOrg.name,
    })
    .from(schema.orders)
    .innerJoin(buyerOrg, eq(buyerOrg.id, schema.orders.buyerId))
    .innerJoin(coopOrg, eq(coopOrg.id, schema.orders.cooperativeId))
    .where(and(...conditions))
    .orderBy(desc(schema.orders.createdAt), desc(schema.orders.id))
    .limit(limit)
    .all();
}

/** The order with everything its page shows, only if `organisationId` is its buyer or its cooperative. */
export function getOrderForOrganisation({ id, organisationId }: { id: number; organisationId: number }) {
  const order = db
    .select()
    .from(schema.orders)
    .where(and(eq(schema.orders.id, id), or(eq(schema.orders.buyerId, organisationId), eq(schema.orders.cooperativeId, organisationId))))
    .get();
  if (!order) return null;
  const buyer = db.select().from(schema.organisations).where(eq(schema.organisations.id, order.buyerId)).get()!;
  const cooperative = db.select().from(schema.organisations).where(eq(schema.organisations.id, order.cooperativeId)).get()!;
  const lines = db.select().from(schema.orderLines).where(eq(schema.orderLines.orderId, id)).orderBy(asc(schema.orderLines.id)).all();
  const events = db
    .select({
      id: schema.orderEvents.id,
      fromStatus: schema.orderEvents.fromStatus,
      toStatus: schema.orderEvents.toStatus,
      note: schema.orderEvents.note,
      at: schema.orderEvents.at,
      actorName: schema.users.name,
      actorOrgId: schema.orderEvents.actorOrgId,
    })
    .from(schema.orderEvents)
    .leftJoin(schema.users, eq(schema.users.id, schema.orderEvents.actorUserId))
    .where(eq(schema.orderEvents.orderId, id))
    .orderBy(asc(schema.orderEvents.id))
    .all();
  const lots = db.select().from(schema.orderLots).where(eq(schema.orderLots.orderId, id)).orderBy(asc(schema.orderLots.id)).all();
  const payments = db.select().from(schema.payments).where(eq(schema.payments.orderId, id)).orderBy(asc(schema.payments.id)).all();
  const province = db.select().from(schema.provinces).where(eq(schema.provinces.code, order.deliveryProvinceCode)).get();
  const party: Party = order.cooperativeId === organisationId ? "cooperative" : "buyer";
  const trusted = !!db
    .select()
    .from(schema.trustedBuyers)
    .where(and(eq(schema.trustedBuyers.cooperativeId, order.cooperativeId), eq(schema.trustedBuyers.buyerId, order.buyerId)))
    .get();
  return { order, buyer, cooperative, lines, events, lots, payments, province: province ?? null, party, trusted };
}

/* ---------------------------------------------------------------- Lifecycle */

/** Puts an order's reserved quantities back on the shelf; only inside the transaction that leaves a stock-holding status. */
export function releaseStock(tx: Tx, orderId: number) {
  const lines = tx.select().from(schema.orderLines).where(eq(schema.orderLines.orderId, orderId)).all();
  for (const l of lines) {
    tx.update(schema.products).set({ stock: sql`${schema.products.stock} + ${l.quantity}` }).where(eq(schema.products.id, l.productId)).run();
  }
}

/**
 * Moves an order one step. 404 when the organisation is neither party; 403 when the step is the other party's;
 * 409 when the step is not allowed from the current status. The status update is conditional on the status read,
 * so two clicks at once record one step.
 */
export function transitionOrder({
  id,
  organisationId,
  userId,
  action,
  note,
  carrier,
  trackingNumber,
  system = false,
}: {
  id: number;
  organisationId: number | null;
  userId: number | null;
  action: OrderAction;
  note?: string | null;
  carrier?: string | null;
  trackingNumber?: string | null;
  /** The payment provider or the expiry job: no organisation, the party is "system". */
  system?: boolean;
}) {
  return db.transaction(
    (tx) => {
      const order = tx
        .select()
        .from(schema.orders)
        .where(
          system || organisationId === null
            ? eq(schema.orders.id, id)
            : and(eq(schema.orders.id, id), or(eq(schema.orders.buyerId, organisationId), eq(schema.orders.cooperativeId, organisationId))),
        )
        .get();
      if (!order) throw new OrderError(404, "orders.errors.orderNotFound");
      const party: Party = system ? "system" : order.cooperativeId === organisationId ? "cooperative" : "buyer";
      const rule = orderRules[action];
      if (!rule.by.includes(party)) throw new OrderError(403, "orders.errors.notYourStep");
      if (!canTransition({ action, status: order.status, party, paymentMethod: order.paymentMethod })) {
        throw new OrderError(409, "orders.errors.transition", { status: order.status });
      }
      const now = new Date().toISOString();
      const set: Partial<typeof schema.orders.$inferInsert> = { status: rule.to, updatedAt: now };
      if (action === "reject") set.rejectionReason = note ?? null;
      if (action === "cancel") set.cancelReason = note ?? null;
      if (action === "ship") {
        set.carrier = carrier ?? null;
        set.trackingNumber = trackingNumber ?? null;
      }
      if (action === "markPaid") {
        set.paidAt = now;
        set.expiresAt = null;
      }
      const changed = tx
        .update(schema.orders)
        .set(set)
        .where(and(eq(schema.orders.id, id), eq(schema.orders.status, order.status)))
        .run();
      if (changed.changes !== 1) throw new OrderError(409, "orders.errors.transition", { status: order.status });
      if (releasingStatuses.includes(rule.to)) releaseStock(tx, id);
      if (action === "markPaid" && order.paymentMethod === "bank_transfer") {
        tx.insert(schema.payments).values({ orderId: id, method: "bank_transfer", amount: order.total, status: "paid", confirmedBy: userId, paidAt: now }).run();
      }
      tx.insert(schema.orderEvents)
        .values({ orderId: id, fromStatus: order.status, toStatus: rule.to, actorUserId: userId, actorOrgId: system ? null : organisationId, note: note ?? null, at: now })
        .run();
      return { ...order, ...set, previous: order.status, party };
    },
    { behavior: "immediate" },
  );
}

/** Releases the stock of unpaid orders past their hold; run when orders are listed and by `scripts/expire-orders.ts`. */
export function expireUnpaidOrders({ now = new Date().toISOString() }: { now?: string } = {}) {
  const due = db
    .select({ id: schema.orders.id, status: schema.orders.status })
    .from(schema.orders)
    .where(and(inArray(schema.orders.status, unpaidStatuses), ne(schema.orders.paymentMethod, "cod"), lte(schema.orders.expiresAt, now)))
    .all();
  let expired = 0;
  for (const o of due) {
    db.transaction(
      (tx) => {
        const changed = tx
          .update(schema.orders)
          .set({ status: "expired", updatedAt: now })
          .where(and(eq(schema.orders.id, o.id), eq(schema.orders.status, o.status)))
          .run();
        if (changed.changes !== 1) return;
        releaseStock(tx, o.id);
        tx.insert(schema.orderEvents).values({ orderId: o.id, fromStatus: o.status, toStatus: "expired", actorUserId: null, actorOrgId: null, note: null, at: now }).run();
        expired++;
      },
      { behavior: "immediate" },
    );
  }
  return expired;
}

/* ---------------------------------------------------------------- Lots, trust */

/** Records a lot shipped with the order. Only the cooperative; the lot code is kept as printed on the package. */
export function addOrderLot({ orderId, cooperativeId, lotCode, userId }: { orderId: number; cooperativeId: number; lotCode: string; userId: number }) {
  const order = db.select().from(schema.orders).where(and(eq(schema.orders.id, orderId), eq(schema.orders.cooperativeId, cooperativeId))).get();
  if (!order) throw new OrderError(404, "orders.errors.orderNotFound");
  if (["rejected", "cancelled", "expired"].includes(order.status)) throw new OrderError(409, "orders.errors.transition", { status: order.status });
  // A lot the cooperative recorded is linked, so the buyer can open its trace page; an unknown code is refused.
  const lot = db
    .select({ id: schema.lots.id })
    .from(schema.lots)
    .where(and(eq(schema.lots.cooperativeId, cooperativeId), eq(schema.lots.code, lotCode)))
    .get();
  if (!lot) throw new OrderError(422, "orders.errors.lotUnknown", { code: lotCode });
  // A lot flagged for a spray inside its pre-harvest interval (or withheld) is not sold until the cooperative decides.
  const blocked = saleBlock({ lotId: lot.id });
  if (blocked) throw new OrderError(409, blocked === "withheld" ? "safety.errors.saleWithheld" : "safety.errors.saleBlocked", { code: lotCode });
  db.insert(schema.orderLots).values({ orderId, lotCode, lotId: lot.id, addedBy: userId }).onConflictDoNothing().run();
}

export function setTrustedBuyer({ cooperativeId, buyerId, trusted, userId }: { cooperativeId: number; buyerId: number; trusted: boolean; userId: number }) {
  const where = and(eq(schema.trustedBuyers.cooperativeId, cooperativeId), eq(schema.trustedBuyers.buyerId, buyerId));
  if (trusted) db.insert(schema.trustedBuyers).values({ cooperativeId, buyerId, createdBy: userId }).onConflictDoNothing().run();
  else db.delete(schema.trustedBuyers).where(where).run();
}

/* ---------------------------------------------------------------- Card payments */

export function recordCheckoutSession({ orderId, sessionId, amount }: { orderId: number; sessionId: string; amount: number }) {
  db.insert(schema.payments).values({ orderId, method: "card", stripeSessionId: sessionId, amount, status: "pending" }).onConflictDoNothing().run();
}

export function pendingCardPayment({ orderId }: { orderId: number }) {
  return db
    .select()
    .from(schema.payments)
    .where(and(eq(schema.payments.orderId, orderId), eq(schema.payments.method, "card"), eq(schema.payments.status, "pending")))
    .orderBy(desc(schema.payments.id))
    .get();
}

export type StripeOutcome = "paid" | "duplicate" | "ignored" | "unknown_session" | "amount_mismatch" | "late";

/**
 * Applies a verified `checkout.session.completed`. The event id is stored in the same transaction as its effect,
 * so a replay finds it and changes nothing; a completed session for an order no longer awaiting payment is kept as
 * a paid payment (to refund) but does not move the order.
 */
export function applyStripeCheckoutCompleted({
  eventId,
  eventType,
  sessionId,
  amountTotal,
  currency,
  paymentStatus,
}: {
  eventId: string;
  eventType: string;
  sessionId: string | null;
  amountTotal: number | null;
  currency: string | null;
  paymentStatus: string | null;
}): StripeOutcome {
  return db.transaction(
    (tx) => {
      const fresh = tx.insert(schema.processedWebhookEvents).values({ eventId, type: eventType }).onConflictDoNothing().run();
      if (fresh.changes !== 1) return "duplicate";
      if (eventType !== "checkout.session.completed" || !sessionId || paymentStatus !== "paid") return "ignored";
      const payment = tx.select().from(schema.payments).where(eq(schema.payments.stripeSessionId, sessionId)).get();
      if (!payment) return "unknown_session";
      if (payment.status === "paid") return "duplicate";
      if (amountTotal !== payment.amount || currency?.toLowerCase() !== "vnd") return "amount_mismatch";
      const now = new Date().toISOString();
      tx.update(schema.payments).set({ status: "paid", paidAt: now }).where(eq(schema.payments.id, payment.id)).run();
      const order = tx.select().from(schema.orders).where(eq(schema.orders.id, payment.orderId)).get()!;
      if (!canTransition({ action: "markPaid", status: order.status, party: "system", paymentMethod: order.paymentMethod })) {
        tx.insert(schema.orderEvents).values({ orderId: order.id, fromStatus: order.status, toStatus: order.status, note: `stripe:${sessionId} paid after ${order.status}`, at: now }).run();
        return "late";
      }
      tx.update(schema.orders).set({ status: "paid", paidAt: now, expiresAt: null, updatedAt: now }).where(and(eq(schema.orders.id, order.id), eq(schema.orders.status, order.status))).run();
      tx.insert(schema.orderEvents).values({ orderId: order.id, fromStatus: order.status, toStatus: "paid", note: `stripe:${sessionId}`, at: now }).run();
      return "paid";
    },
    { behavior: "immediate" },
  );
}

export function getOrderIdForSession({ sessionId }: { sessionId: string }) {
  return db.select({ orderId: schema.payments.orderId }).from(schema.payments).where(eq(schema.payments.stripeSessionId, sessionId)).get()?.orderId ?? null;
}

/** Unscoped, for the payment provider's webhook, which acts for no organisation. */
export function getOrderSummary({ id }: { id: number }) {
  return (
    db
      .select({ id: schema.orders.id, number: schema.orders.number, buyerId: schema.orders.buyerId, cooperativeId: schema.orders.cooperativeId, status: schema.orders.status })
      .from(schema.orders)
      .where(eq(schema.orders.id, id))
      .get() ?? null
  );
}

import { and, desc, eq, or } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { db, schema } from "~/db.server";
import { todayInVietnam } from "~/lib/certificates";
import type { PaymentMethod } from "~/lib/order-states";
import { quoteIsUsable } from "~/lib/pricing";
import { OrderError, placeOrder, type Delivery } from "./order.server";

const buyerOrg = alias(schema.organisations, "buyer_org");
const coopOrg = alias(schema.organisations, "coop_org");

export function requestQuote(values: {
  buyerId: number;
  productId: number;
  quantity: number;
  deliveryProvinceCode: string;
  deliveryDate: string;
  note?: string | null;
  userId: number;
}) {
  const product = db
    .select({ id: schema.products.id, cooperativeId: schema.products.cooperativeId })
    .from(schema.products)
    .where(and(eq(schema.products.id, values.productId), eq(schema.products.status, "published")))
    .get();
  if (!product) throw new OrderError(404, "orders.errors.productNotFound");
  return db
    .insert(schema.quotes)
    .values({
      buyerId: values.buyerId,
      cooperativeId: product.cooperativeId,
      productId: product.id,
      quantity: values.quantity,
      deliveryProvinceCode: values.deliveryProvinceCode,
      deliveryDate: values.deliveryDate,
      note: values.note ?? null,
      requestedBy: values.userId,
    })
    .returning()
    .get();
}

const quoteColumns = {
  id: schema.quotes.id,
  status: schema.quotes.status,
  quantity: schema.quotes.quantity,
  deliveryProvinceCode: schema.quotes.deliveryProvinceCode,
  deliveryDate: schema.quotes.deliveryDate,
  note: schema.quotes.note,
  unitPrice: schema.quotes.unitPrice,
  validUntil: schema.quotes.validUntil,
  terms: schema.quotes.terms,
  orderId: schema.quotes.orderId,
  createdAt: schema.quotes.createdAt,
  answeredAt: schema.quotes.answeredAt,
  buyerId: schema.quotes.buyerId,
  cooperativeId: schema.quotes.cooperativeId,
  productId: schema.quotes.productId,
  productName: schema.products.nameVi,
  unit: schema.products.unit,
  basePrice: schema.products.price,
  buyerName: buyerOrg.name,
  cooperativeName: coopOrg.name,
  provinceName: schema.provinces.name,
};

function quoteQuery() {
  return db
    .select(quoteColumns)
    .from(schema.quotes)
    .innerJoin(schema.products, eq(schema.products.id, schema.quotes.productId))
    .innerJoin(buyerOrg, eq(buyerOrg.id, schema.quotes.buyerId))
    .innerJoin(coopOrg, eq(coopOrg.id, schema.quotes.cooperativeId))
    .innerJoin(schema.provinces, eq(schema.provinces.code, schema.quotes.deliveryProvinceCode));
}

export function listQuotes({ organisationId }: { organisationId: number }) {
  return quoteQuery()
    .where(or(eq(schema.quotes.buyerId, organisationId), eq(schema.quotes.cooperativeId, organisationId)))
    .orderBy(desc(schema.quotes.createdAt), desc(schema.quotes.id))
    .limit(200)
    .all();
}

export function getQuoteForOrganisation({ id, organisationId }: { id: number; organisationId: number }) {
  const quote = quoteQuery()
    .where(and(eq(schema.quotes.id, id), or(eq(schema.quotes.buyerId, organisationId), eq(schema.quotes.cooperativeId, organisationId))))
    .get();
  if (!quote) return null;
  const today = todayInVietnam();
  return {
    quote,
    side: quote.cooperativeId === organisationId ? ("cooperative" as const) : ("buyer" as const),
    usable: quote.status === "answered" && quoteIsUsable(quote, today),
    lapsed: quote.status === "answered" && !!quote.validUntil && quote.validUntil < today,
  };
}

/** The cooperative prices a requested quote (or revises its answer while the buyer has not decided). */
export function answerQuote({
  id,
  cooperativeId,
  userId,
  unitPrice,
  validUntil,
  terms,
}: {
  id: number;
  cooperativeId: number;
  userId: number;
  unitPrice: number;
  validUntil: string;
  terms?: string | null;
}) {
  const quote = db.select().from(schema.quotes).where(and(eq(schema.quotes.id, id), eq(schema.quotes.cooperativeId, cooperativeId))).get();
  if (!quote) throw new OrderError(404, "orders.errors.quoteNotFound");
  if (quote.status !== "requested" && quote.status !== "answered") throw new OrderError(409, "orders.errors.quoteClosed");
  db.update(schema.quotes)
    .set({ unitPrice, validUntil, terms: terms ?? null, status: "answered", answeredBy: userId, answeredAt: new Date().toISOString() })
    .where(and(eq(schema.quotes.id, id), eq(schema.quotes.status, quote.status)))
    .run();
  return quote;
}

export function declineQuote({ id, buyerId }: { id: number; buyerId: number }) {
  const quote = db.select().from(schema.quotes).where(and(eq(schema.quotes.id, id), eq(schema.quotes.buyerId, buyerId))).get();
  if (!quote) throw new OrderError(404, "orders.errors.quoteNotFound");
  if (quote.status !== "answered" && quote.status !== "requested") throw new OrderError(409, "orders.errors.quoteClosed");
  db.update(schema.quotes).set({ status: "declined", decidedAt: new Date().toISOString() }).where(eq(schema.quotes.id, id)).run();
  return quote;
}

/**
 * The buyer accepts an answered, still valid quote: an order at the quoted price for the quoted quantity, with the
 * stock reserved, and the quote closed, all in one transaction.
 */
export function acceptQuote({
  id,
  buyerId,
  userId,
  delivery,
  paymentMethod,
}: {
  id: number;
  buyerId: number;
  userId: number;
  delivery: Omit<Delivery, "provinceCode" | "requestedDate">;
  paymentMethod: PaymentMethod;
}) {
  const quote = db.select().from(schema.quotes).where(and(eq(schema.quotes.id, id), eq(schema.quotes.buyerId, buyerId))).get();
  if (!quote) throw new OrderError(404, "orders.errors.quoteNotFound");
  if (quote.status !== "answered") throw new OrderError(409, "orders.errors.quoteClosed");
  if (!quoteIsUsable(quote, todayInVietnam())) throw new OrderError(409, "orders.errors.quoteLapsed");
  return placeOrder({
    buyerId,
    cooperativeId: quote.cooperativeId,
    userId,
    paymentMethod,
    delivery: { ...delivery, provinceCode: quote.deliveryProvinceCode, requestedDate: quote.deliveryDate },
    lines: [{ productId: quote.productId, quantity: quote.quantity, quote: { ...quote, status: "accepted" } }],
    quoteId: quote.id,
    after: (tx, order) => {
      const closed = tx
        .update(schema.quotes)
        .set({ status: "accepted", decidedAt: new Date().toISOString(), orderId: order.id })
        .where(and(eq(schema.quotes.id, id), eq(schema.quotes.status, "answered")))
        .run();
      if (closed.changes !== 1) throw new OrderError(409, "orders.errors.quoteClosed");
    },
  });
}

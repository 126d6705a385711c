/**
 * Order pricing. Everything here works from the server's rows (product, tiers, quote); a price or total the
 * client sent never reaches these functions.
 */

export type PricedProduct = { price: number; minOrderQty: number; stock: number };
export type Tier = { minQty: number; unitPrice: number };
export type AcceptableQuote = { quantity: number; unitPrice: number | null; validUntil: string | null; status: string };

export type LinePrice = { unitPrice: number; lineTotal: number; source: "base" | "tier" | "quote" };
export type PriceProblem = { code: "moq"; minOrderQty: number } | { code: "stock"; available: number } | { code: "quantity" };

/** The tier with the largest threshold not above `quantity`; the base price when none applies. */
export function tierUnitPrice(product: Pick<PricedProduct, "price">, tiers: readonly Tier[], quantity: number): LinePrice {
  let best: Tier | undefined;
  for (const tier of tiers) {
    if (tier.minQty <= quantity && (!best || tier.minQty > best.minQty)) best = tier;
  }
  // A tier above the base price would punish volume; it is ignored.
  const unitPrice = best && best.unitPrice < product.price ? best.unitPrice : product.price;
  return { unitPrice, lineTotal: unitPrice * quantity, source: unitPrice === product.price ? "base" : "tier" };
}

/** A quote binds only once it has been answered with a price and accepted, and only through its validity date. */
export function quoteIsUsable(quote: AcceptableQuote, today: string): boolean {
  return (
    (quote.status === "answered" || quote.status === "accepted") &&
    quote.unitPrice !== null &&
    quote.unitPrice > 0 &&
    quote.validUntil !== null &&
    quote.validUntil >= today
  );
}

/** Checks quantity against MOQ and stock and prices the line from a usable quote or the volume tiers. */
export function priceLine({
  product,
  tiers,
  quantity,
  quote,
  today,
}: {
  product: PricedProduct;
  tiers: readonly Tier[];
  quantity: number;
  quote?: AcceptableQuote | null;
  today: string;
}): { ok: true; price: LinePrice } | { ok: false; problem: PriceProblem } {
  if (!Number.isInteger(quantity) || quantity <= 0) return { ok: false, problem: { code: "quantity" } };
  if (quote && quoteIsUsable(quote, today)) {
    // The quoted quantity is what the cooperative priced; MOQ was its call to make.
    if (quantity > product.stock) return { ok: false, problem: { code: "stock", available: Math.max(0, product.stock) } };
    const unitPrice = quote.unitPrice!;
    return { ok: true, price: { unitPrice, lineTotal: unitPrice * quantity, source: "quote" } };
  }
  if (quantity < product.minOrderQty) return { ok: false, problem: { code: "moq", minOrderQty: product.minOrderQty } };
  if (quantity > product.stock) return { ok: false, problem: { code: "stock", available: Math.max(0, product.stock) } };
  return { ok: true, price: tierUnitPrice(product, tiers, quantity) };
}

export function orderTotals(lines: readonly { lineTotal: number }[]): { subtotal: number; total: number } {
  const subtotal = lines.reduce((sum, l) => sum + l.lineTotal, 0);
  // Delivery is agreed with the cooperative and invoiced separately, so the total is the goods.
  return { subtotal, total: subtotal };
}

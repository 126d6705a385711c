import { describe, expect, it } from "vitest";
import { orderTotals, priceLine, quoteIsUsable, tierUnitPrice } from "./pricing";

const product = { price: 100_000, minOrderQty: 10, stock: 1_000 };
const tiers = [
  { minQty: 100, unitPrice: 93_000 },
  { minQty: 500, unitPrice: 86_000 },
];
const today = "2026-12-01";

describe("tierUnitPrice", () => {
  it("uses the base price below the first tier", () => {
    expect(tierUnitPrice(product, tiers, 99)).toEqual({ unitPrice: 100_000, lineTotal: 9_900_000, source: "base" });
  });
  it("uses the tier at its threshold and the highest matching tier above", () => {
    expect(tierUnitPrice(product, tiers, 100).unitPrice).toBe(93_000);
    expect(tierUnitPrice(product, tiers, 499).unitPrice).toBe(93_000);
    expect(tierUnitPrice(product, tiers, 500)).toEqual({ unitPrice: 86_000, lineTotal: 43_000_000, source: "tier" });
  });
  it("does not depend on the order of the tiers", () => {
    expect(tierUnitPrice(product, [...tiers].reverse(), 600).unitPrice).toBe(86_000);
  });
  it("ignores a tier priced above the base price", () => {
    expect(tierUnitPrice(product, [{ minQty: 20, unitPrice: 120_000 }], 30).unitPrice).toBe(100_000);
  });
});

describe("priceLine", () => {
  it("refuses a quantity below MOQ and says what the minimum is", () => {
    expect(priceLine({ product, tiers, quantity: 9, today })).toEqual({ ok: false, problem: { code: "moq", minOrderQty: 10 } });
  });
  it("refuses more than the stock and says how much is available", () => {
    expect(priceLine({ product: { ...product, stock: 40 }, tiers, quantity: 41, today })).toEqual({ ok: false, problem: { code: "stock", available: 40 } });
  });
  it("refuses zero, negative and fractional quantities", () => {
    for (const quantity of [0, -5, 10.5]) expect(priceLine({ product, tiers, quantity, today }).ok).toBe(false);
  });
  it("prices from an accepted quote inside its validity", () => {
    const quote = { quantity: 5, unitPrice: 80_000, validUntil: "2026-12-10", status: "accepted" };
    expect(priceLine({ product, tiers, quantity: 5, quote, today })).toEqual({ ok: true, price: { unitPrice: 80_000, lineTotal: 400_000, source: "quote" } });
  });
  it("falls back to tiers when the quote has lapsed or has no answer", () => {
    const lapsed = { quantity: 100, unitPrice: 50_000, validUntil: "2026-11-30", status: "accepted" };
    expect(priceLine({ product, tiers, quantity: 100, quote: lapsed, today })).toEqual({ ok: true, price: { unitPrice: 93_000, lineTotal: 9_300_000, source: "tier" } });
    const unanswered = { quantity: 100, unitPrice: null, validUntil: null, status: "requested" };
    expect(quoteIsUsable(unanswered, today)).toBe(false);
    expect(quoteIsUsable({ ...lapsed, validUntil: today }, today)).toBe(true);
    expect(quoteIsUsable({ ...lapsed, validUntil: today, status: "declined" }, today)).toBe(false);
  });
});

describe("orderTotals", () => {
  it("adds the line totals", () => {
    expect(orderTotals([{ lineTotal: 9_300_000 }, { lineTotal: 450_000 }])).toEqual({ subtotal: 9_750_000, total: 9_750_000 });
  });
});

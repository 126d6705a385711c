import { needsAgreement } from "./refund-rules";
import { describe, expect, it } from "vitest";
import { availableActions, canTransition } from "./order-states";

describe("order lifecycle rules", () => {
  it("lets only the cooperative confirm or reject a placed order", () => {
    expect(availableActions({ status: "placed", party: "cooperative", paymentMethod: "bank_transfer" })).toEqual(["confirm", "reject"]);
    expect(availableActions({ status: "placed", party: "buyer", paymentMethod: "bank_transfer" })).toEqual(["cancel"]);
  });
  it("marks a card payment only from the provider and a transfer only by the cooperative", () => {
    expect(canTransition({ action: "markPaid", status: "confirmed", party: "system", paymentMethod: "card" })).toBe(true);
    expect(canTransition({ action: "markPaid", status: "confirmed", party: "cooperative", paymentMethod: "card" })).toBe(false);
    expect(canTransition({ action: "markPaid", status: "confirmed", party: "cooperative", paymentMethod: "bank_transfer" })).toBe(true);
    expect(canTransition({ action: "markPaid", status: "confirmed", party: "buyer", paymentMethod: "bank_transfer" })).toBe(false);
    expect(canTransition({ action: "markPaid", status: "placed", party: "system", paymentMethod: "card" })).toBe(false);
  });
  it("packs an unpaid order only for cash on delivery", () => {
    expect(canTransition({ action: "pack", status: "confirmed", party: "cooperative", paymentMethod: "cod" })).toBe(true);
    expect(canTransition({ action: "pack", status: "confirmed", party: "cooperative", paymentMethod: "card" })).toBe(false);
    expect(canTransition({ action: "pack", status: "paid", party: "cooperative", paymentMethod: "card" })).toBe(true);
  });
  it("lets the buyer cancel alone before payment; a paid or packed order needs the cooperative's agreement", () => {
    for (const status of ["placed", "confirmed"] as const) {
      expect(canTransition({ action: "cancel", status, party: "buyer", paymentMethod: "card" })).toBe(true);
    }
    for (const status of ["paid", "packed"] as const) {
      expect(canTransition({ action: "cancel", status, party: "buyer", paymentMethod: "card" })).toBe(false);
      expect(needsAgreement(status)).toBe(true);
    }
    expect(needsAgreement("confirmed")).toBe(false);
    expect(needsAgreement("shipped")).toBe(false);
    for (const status of ["paid", "packed", "shipped", "delivered", "completed", "cancelled", "rejected", "expired"] as const) {
      expect(canTransition({ action: "cancel", status, party: "buyer", paymentMethod: "card" })).toBe(false);
    }
    expect(canTransition({ action: "cancel", status: "placed", party: "cooperative", paymentMethod: "card" })).toBe(false);
  });
  it("has no step out of a closed order", () => {
    for (const status of ["completed", "cancelled", "rejected", "expired"] as const) {
      for (const party of ["buyer", "cooperative", "system"] as const) {
        expect(availableActions({ status, party, paymentMethod: "bank_transfer" })).toEqual([]);
      }
    }
  });
});

import { describe, expect, it } from "vitest";
import {
  announcementNumbers,
  announcementSchema,
  canAnnouncement,
  canReservation,
  certificatesForWindow,
  parsePrice,
  parseQuantity,
  releasesQuantity,
  remainingQuantity,
  reservationProblem,
  reservationRules,
} from "./harvest-rules";

const today = "2026-12-02";
const valid = { productId: "5", quantity: "1200", harvestFrom: "2027-01-10", harvestTo: "2027-02-10", priceMin: "40000", priceMax: "", notes: "" };

describe("parseQuantity", () => {
  it("accepts plain digits from 1 to 10^9", () => {
    expect(parseQuantity("1", "kg")).toEqual({ ok: true, value: 1 });
    expect(parseQuantity(" 1000000000 ", "tan")).toEqual({ ok: true, value: 1_000_000_000 });
  });
  it("refuses empty, negative, zero, absurd and anything that is not plain digits", () => {
    expect(parseQuantity("", "kg")).toEqual({ ok: false, problem: "harvest.errors.quantityRequired" });
    expect(parseQuantity("-5", "kg")).toEqual({ ok: false, problem: "harvest.errors.quantityNegative" });
    expect(parseQuantity("0", "kg")).toEqual({ ok: false, problem: "harvest.errors.quantityZero" });
    expect(parseQuantity("1000000001", "kg")).toEqual({ ok: false, problem: "harvest.errors.quantityTooLarge" });
    expect(parseQuantity("99999999999999999999", "kg")).toEqual({ ok: false, problem: "harvest.errors.quantityTooLarge" });
    for (const bad of ["1e3", "12kg", "+4", "1 000", "0x10", "Infinity"]) expect(parseQuantity(bad, "kg")).toEqual({ ok: false, problem: "harvest.errors.quantityDigits" });
  });
  it("reads 1.000 as ambiguous (a thousand or one) and refuses it rather than guessing", () => {
    expect(parseQuantity("1.000", "kg")).toEqual({ ok: false, problem: "harvest.errors.quantityDigits" });
    expect(parseQuantity("1,000,000", "kg")).toEqual({ ok: false, problem: "harvest.errors.quantityDigits" });
  });
  it("refuses fractions, saying so in terms of whole units where the unit is counted", () => {
    expect(parseQuantity("2.5", "thung")).toEqual({ ok: false, problem: "harvest.errors.quantityFractionalWhole" });
    expect(parseQuantity("2,5", "qua")).toEqual({ ok: false, problem: "harvest.errors.quantityFractionalWhole" });
    expect(parseQuantity("2.5", "kg")).toEqual({ ok: false, problem: "harvest.errors.quantityFractional" });
  });
});

describe("parsePrice", () => {
  it("takes whole đồng only", () => {
    expect(parsePrice("45000")).toEqual({ ok: true, value: 45000 });
    expect(parsePrice("45000.5")).toEqual({ ok: false, problem: "harvest.errors.priceDigits" });
    expect(parsePrice("-1")).toEqual({ ok: false, problem: "harvest.errors.priceNegative" });
    expect(parsePrice("2000000000")).toEqual({ ok: false, problem: "harvest.errors.priceTooLarge" });
  });
});

describe("announcementSchema", () => {
  const issues = (v: Record<string, string>) => {
    const r = announcementSchema(today).safeParse(v);
    return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
  };
  it("accepts a well-formed announcement", () => {
    expect(announcementSchema(today).safeParse(valid).success).toBe(true);
  });
  it("refuses a reversed window, one that ended, one longer than a year, and impossible dates", () => {
    expect(issues({ ...valid, harvestFrom: "2027-02-10", harvestTo: "2027-01-10" })).toEqual({ harvestTo: "harvest.errors.windowOrder" });
    expect(issues({ ...valid, harvestFrom: "2026-10-01", harvestTo: "2026-11-30" })).toEqual({ harvestTo: "harvest.errors.windowPast" });
    expect(issues({ ...valid, harvestTo: "2028-03-01" })).toEqual({ harvestTo: "harvest.errors.windowLong" });
    expect(issues({ ...valid, harvestFrom: "2027-02-30" })).toMatchObject({ harvestFrom: "harvest.errors.date" });
  });
  it("refuses a price range upside down and a product id that is not a positive integer", () => {
    expect(issues({ ...valid, priceMax: "30000" })).toEqual({ priceMax: "harvest.errors.priceOrder" });
    expect(issues({ ...valid, productId: "-3" })).toEqual({ productId: "harvest.errors.product" });
    expect(issues({ ...valid, productId: "abc" })).toEqual({ productId: "harvest.errors.product" });
  });
  it("turns quantities and prices into numbers against the product's unit; a range of one price is a single price", () => {
    const v = announcementSchema(today).parse({ ...valid, priceMax: "40000" });
    expect(announcementNumbers(v, "kg")).toEqual({ ok: true, quantity: 1200, priceMin: 40000, priceMax: null });
    const frac = announcementSchema(today).parse({ ...valid, quantity: "10.5" });
    expect(announcementNumbers(frac, "thung")).toEqual({ ok: false, field: "quantity", problem: "harvest.errors.quantityFractionalWhole" });
  });
});

describe("remaining quantity", () => {
  it("subtracts requested, confirmed and ordered reservations, never declined or cancelled ones", () => {
    const rs = [
      { quantity: 100, status: "requested" },
      { quantity: 200, status: "confirmed" },
      { quantity: 50, status: "ordered" },
      { quantity: 999, status: "declined" },
      { quantity: 999, status: "cancelled" },
    ];
    expect(remainingQuantity(1000, rs)).toBe(650);
    expect(reservationProblem({ quantity: 650, remaining: 650 })).toBeNull();
    expect(reservationProblem({ quantity: 651, remaining: 650 })).toEqual({ status: 409, key: "harvest.errors.overRemaining", remaining: 650 });
  });
});

describe("state machines", () => {
  it("lets an announcement be edited and reserved only while open", () => {
    expect(canAnnouncement("reserve", "open")).toBe(true);
    expect(canAnnouncement("reserve", "closed")).toBe(false);
    expect(canAnnouncement("edit", "cancelled")).toBe(false);
    expect(canAnnouncement("reopen", "closed")).toBe(true);
    expect(canAnnouncement("reopen", "cancelled")).toBe(false);
    expect(canAnnouncement("cancel", "cancelled")).toBe(false);
  });
  it("moves a reservation requested → confirmed → ordered, with the right party at each step", () => {
    expect(canReservation("confirm", "requested")).toBe(true);
    expect(canReservation("confirm", "confirmed")).toBe(false);
    expect(canReservation("order", "requested")).toBe(false);
    expect(canReservation("order", "confirmed")).toBe(true);
    expect(canReservation("cancel", "ordered")).toBe(false);
    expect(canReservation("decline", "confirmed")).toBe(false);
    expect(reservationRules.confirm.by).toBe("cooperative");
    expect(reservationRules.cancel.by).toBe("buyer");
    expect(releasesQuantity("declined")).toBe(true);
    expect(releasesQuantity("ordered")).toBe(false);
  });
});

describe("certificatesForWindow", () => {
  const cert = (over: Partial<{ type: string; ocopStars: number | null; status: string; issueDate: string; expiryDate: string | null }>) => ({
    type: "vietgap",
    ocopStars: null,
    status: "verified",
    issueDate: "2025-01-01",
    expiryDate: "2027-12-31",
    ...over,
  });
  const window = { from: "2027-03-01", to: "2027-04-30" };
  it("keeps verified certificates valid through the last day of the window, once per kind", () => {
    const got = certificatesForWindow([cert({}), cert({ expiryDate: "2028-01-01" }), cert({ type: "ocop", ocopStars: 4, expiryDate: null })], window);
    expect(got.map((c) => c.type)).toEqual(["vietgap", "ocop"]);
  });
  it("drops one that lapses mid-harvest, one issued after the window, and unverified ones", () => {
    expect(certificatesForWindow([cert({ expiryDate: "2027-04-15" })], window)).toEqual([]);
    expect(certificatesForWindow([cert({ issueDate: "2027-05-01" })], window)).toEqual([]);
    expect(certificatesForWindow([cert({ status: "pending" }), cert({ status: "revoked" })], window)).toEqual([]);
  });
});

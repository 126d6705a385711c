import { describe, expect, it } from "vitest";
import {
  acceptanceCheck,
  acceptsOffers,
  canReviseOffer,
  canTransitionRequest,
  checkRequirements,
  coverage,
  distanceKm,
  isDueToClose,
  isWholeUnit,
  matchScore,
  monthRuns,
  nextRequestState,
  offerShare,
  parseAmount,
  provinceScore,
  seasonOverlap,
  unitFactor,
  validOn,
  windowMask,
  windowMonths,
} from "./market-rules";

describe("request state machine", () => {
  it("allows only the listed steps", () => {
    expect(nextRequestState("publish", "draft")).toBe("open");
    expect(nextRequestState("close", "open")).toBe("closed");
    expect(nextRequestState("expire", "open")).toBe("closed");
    expect(nextRequestState("fulfil", "open")).toBe("fulfilled");
    expect(nextRequestState("cancel", "draft")).toBe("cancelled");
    expect(nextRequestState("publish", "open")).toBeNull();
    expect(nextRequestState("close", "draft")).toBeNull();
    expect(nextRequestState("close", "fulfilled")).toBeNull();
    expect(nextRequestState("fulfil", "closed")).toBeNull();
    expect(nextRequestState("cancel", "closed")).toBeNull();
  });
  it("refuses to cancel once an offer was accepted (orders exist)", () => {
    expect(canTransitionRequest("cancel", "open", { acceptedOffers: 0 })).toBe(true);
    expect(canTransitionRequest("cancel", "open", { acceptedOffers: 1 })).toBe(false);
  });
  it("takes offers through the closing date and is due to close the day after", () => {
    expect(acceptsOffers({ state: "open", closingDate: "2026-12-10" }, "2026-12-10")).toBe(true);
    expect(acceptsOffers({ state: "open", closingDate: "2026-12-10" }, "2026-12-11")).toBe(false);
    expect(acceptsOffers({ state: "closed", closingDate: "2026-12-10" }, "2026-12-01")).toBe(false);
    expect(isDueToClose({ state: "open", closingDate: "2026-12-10" }, "2026-12-11")).toBe(true);
    expect(isDueToClose({ state: "open", closingDate: "2026-12-10" }, "2026-12-10")).toBe(false);
  });
  it("lets an offer be revised only while submitted on an open request", () => {
    const open = { state: "open" as const, closingDate: "2026-12-31" };
    expect(canReviseOffer({ state: "submitted" }, open, "2026-12-01")).toBe(true);
    expect(canReviseOffer({ state: "accepted" }, open, "2026-12-01")).toBe(false);
    expect(canReviseOffer({ state: "submitted" }, { state: "closed", closingDate: "2026-12-31" }, "2026-12-01")).toBe(false);
  });
});

describe("amounts as typed", () => {
  it("reads plain decimals with a dot or a comma", () => {
    expect(parseAmount("20")).toEqual({ ok: true, value: 20 });
    expect(parseAmount("2,5")).toEqual({ ok: true, value: 2.5 });
    expect(parseAmount(" 2.125 ")).toEqual({ ok: true, value: 2.125 });
  });
  it("refuses hex, exponents, signs, separators and words", () => {
    for (const raw of ["0x64", "1e3", "+5", "Infinity", "NaN", "1.000.000", "1 000", "abc", "١٢"]) expect(parseAmount(raw)).toEqual({ ok: false, problem: "format" });
  });
  it("names the problem: missing, negative, zero, absurd, fraction, precision", () => {
    expect(parseAmount("")).toEqual({ ok: false, problem: "required" });
    expect(parseAmount("-3")).toEqual({ ok: false, problem: "negative" });
    expect(parseAmount("0")).toEqual({ ok: false, problem: "zero" });
    expect(parseAmount("0", { allowZero: true })).toEqual({ ok: true, value: 0 });
    expect(parseAmount("1000000001")).toEqual({ ok: false, problem: "tooLarge" });
    expect(parseAmount("1000000000")).toEqual({ ok: true, value: 1e9 });
    expect(parseAmount("2.5", { whole: true })).toEqual({ ok: false, problem: "fraction" });
    expect(parseAmount("2.0", { whole: true })).toEqual({ ok: true, value: 2 });
    expect(parseAmount("1.2345")).toEqual({ ok: false, problem: "precision" });
  });
  it("knows which units are whole", () => {
    expect(isWholeUnit("thung")).toBe(true);
    expect(isWholeUnit("qua")).toBe(true);
    expect(isWholeUnit("kg")).toBe(false);
    expect(isWholeUnit("tan")).toBe(false);
  });
});

describe("units, partial quantities and coverage", () => {
  it("converts kg and tấn, refuses incomparable units", () => {
    expect(unitFactor("kg", "tan")).toBe(0.001);
    expect(unitFactor("tan", "kg")).toBe(1000);
    expect(unitFactor("thung", "kg")).toBeNull();
    expect(unitFactor("hop", "hop")).toBe(1);
  });
  it("says how much of the request a partial offer covers", () => {
    expect(offerShare(20, 8)).toEqual({ partial: true, share: 0.4 });
    expect(offerShare(20, 25)).toEqual({ partial: false, share: 1 });
  });
  it("is fulfilled when accepted offers cover the quantity", () => {
    expect(coverage(20, [8, 7])).toEqual({ covered: 15, remaining: 5, fulfilled: false });
    expect(coverage(20, [8, 12])).toEqual({ covered: 20, remaining: 0, fulfilled: true });
    expect(coverage(2.5, [1.2, 1.3])).toMatchObject({ fulfilled: true });
  });
  it("asks for confirmation only past what is still needed", () => {
    expect(acceptanceCheck(20, [8], 12)).toEqual({ remaining: 12, over: 0, needsConfirmation: false });
    expect(acceptanceCheck(20, [8], 15)).toEqual({ remaining: 12, over: 3, needsConfirmation: true });
    expect(acceptanceCheck(20, [20], 1).needsConfirmation).toBe(true);
  });
});

describe("seasons", () => {
  it("lists the months of a window, across the year end", () => {
    expect(windowMonths("2026-12-15", "2027-02-10")).toEqual([12, 1, 2]);
    expect(windowMonths("2027-03-01", "2027-03-31")).toEqual([3]);
    expect(windowMonths("2027-03-01", "2027-02-01")).toEqual([]);
    expect(windowMonths("2026-01-01", "2028-01-01")).toHaveLength(12);
    expect(windowMask("2026-12-15", "2027-01-10")).toBe((1 << 11) | 1);
  });
  it("overlaps harvest months with the delivery window", () => {
    const janToMar = 0b111;
    expect(seasonOverlap(janToMar, "2026-12-20", "2027-01-15")).toEqual([1]);
    expect(seasonOverlap(janToMar, "2027-05-01", "2027-06-30")).toEqual([]);
    expect(seasonOverlap(0, "2027-01-01", "2027-12-31")).toEqual([]);
  });
  it("writes month runs that wrap", () => {
    expect(monthRuns(0b111)).toEqual([{ from: 1, to: 3 }]);
    expect(monthRuns((1 << 10) | (1 << 11) | 1)).toEqual([{ from: 11, to: 1 }]);
    expect(monthRuns((1 << 0) | (1 << 5))).toEqual([{ from: 1, to: 1 }, { from: 6, to: 6 }]);
    expect(monthRuns(0xfff)).toEqual([{ from: 1, to: 12 }]);
  });
});

describe("certificates on the delivery date", () => {
  const vietgap = { type: "vietgap", status: "verified", expiryDate: "2027-01-31", issueDate: "2025-02-01" };
  it("counts a certificate only if valid on the delivery date, not merely today", () => {
    expect(validOn(vietgap, "2027-01-31")).toBe(true);
    expect(validOn(vietgap, "2027-02-01")).toBe(false);
    expect(validOn({ ...vietgap, status: "pending" }, "2026-12-01")).toBe(false);
    expect(validOn({ ...vietgap, expiryDate: null }, "2099-01-01")).toBe(true);
    expect(validOn(vietgap, "2025-01-01")).toBe(false);
  });
  it("tells met, lapsing, missing and too few stars apart", () => {
    const held = [vietgap, { type: "ocop", status: "verified", expiryDate: "2029-01-01", ocopStars: 3 }];
    expect(checkRequirements(held, [{ type: "vietgap" }], "2027-01-15")).toEqual([{ type: "vietgap", ok: true, until: "2027-01-31", stars: null }]);
    expect(checkRequirements(held, [{ type: "vietgap" }], "2027-03-01")).toEqual([{ type: "vietgap", ok: false, reason: "lapses", until: "2027-01-31" }]);
    expect(checkRequirements(held, [{ type: "organic" }], "2027-01-15")).toEqual([{ type: "organic", ok: false, reason: "missing" }]);
    expect(checkRequirements(held, [{ type: "ocop", minStars: 4 }], "2027-01-15")).toEqual([{ type: "ocop", ok: false, reason: "stars", stars: 3 }]);
    expect(checkRequirements(held, [{ type: "ocop", minStars: 3 }], "2027-01-15")[0]!.ok).toBe(true);
  });
});

describe("province preference and score", () => {
  it("prefers the listed provinces, is neutral without a list", () => {
    expect(provinceScore("86", ["86", "82"])).toBe(2);
    expect(provinceScore("01", ["86"])).toBe(0);
    expect(provinceScore("01", [])).toBe(1);
  });
  it("ranks a cooperative with the required certificate above one without", () => {
    const base = { textMatch: true, certsRequired: 1, seasonOverlap: true, stockCovers: true, stockSome: true, provinceScore: 1 as const, verified: true };
    expect(matchScore({ ...base, certsMet: 1 })).toBeGreaterThan(matchScore({ ...base, certsMet: 0 }));
    expect(matchScore({ ...base, certsMet: 1, provinceScore: 2 })).toBeGreaterThan(matchScore({ ...base, certsMet: 1, provinceScore: 0 }));
    expect(matchScore({ ...base, certsMet: 1, seasonOverlap: false })).toBeLessThan(matchScore({ ...base, certsMet: 1 }));
  });
  it("measures distance between centres", () => {
    expect(distanceKm({ lat: 10.78, lon: 106.7 }, { lat: 21.03, lon: 105.85 })).toBeGreaterThan(1100);
    expect(distanceKm({ lat: 10.78, lon: 106.7 }, { lat: 10.78, lon: 106.7 })).toBe(0);
  });
});

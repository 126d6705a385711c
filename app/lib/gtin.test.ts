import { describe, expect, it } from "vitest";
import { displayGtin, gtinCheckDigit, parseGtin, withCheckDigit } from "./gtin";

describe("GTIN check digits", () => {
  it("matches the examples in DOMAIN.md", () => {
    expect(gtinCheckDigit("893123456789")).toBe(7);
    expect(withCheckDigit("893460000001")).toBe("8934600000011");
  });
  it("accepts valid GTIN-8, -12, -13 and -14 and stores 14 digits", () => {
    expect(parseGtin("8931234567897")).toEqual({ ok: true, gtin14: "08931234567897", length: 13 });
    expect(parseGtin("96385074")).toMatchObject({ ok: true, gtin14: "00000096385074" });
    expect(parseGtin("036000291452")).toMatchObject({ ok: true, gtin14: "00036000291452" });
    expect(parseGtin("18931234567894")).toMatchObject({ ok: true, length: 14 });
  });
  it("says which check digit was expected", () => {
    expect(parseGtin("8931234567890")).toEqual({ ok: false, reason: "checkDigit", expected: 7 });
  });
  it("rejects wrong lengths and non-digits", () => {
    expect(parseGtin("89312345678")).toMatchObject({ ok: false, reason: "length" });
    expect(parseGtin("89312345678a7")).toMatchObject({ ok: false, reason: "format" });
  });
  it("prints the shortest standard form", () => {
    expect(displayGtin("08931234567897")).toBe("8931234567897");
    expect(displayGtin("00000096385074")).toBe("96385074");
  });
});

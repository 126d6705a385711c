import { describe, expect, it } from "vitest";
import {
  buildDigitalLink,
  buildDigitalLinkPath,
  encodeDlValue,
  fromYymmdd,
  isGs1Text,
  parseDigitalLink,
  parseDigitalLinkPath,
  toYymmdd,
} from "./digital-link";
import { gtinCheckDigit, withCheckDigit } from "./gtin";

const gtin14 = "08931234567897";

describe("GS1 character set 82", () => {
  it("accepts the set's punctuation and rejects space, #, non-ASCII and over 20 characters", () => {
    expect(isGs1Text("A/1%B!\"&'()*+,-.")).toBe(true);
    expect(isGs1Text(":;<=>?_z")).toBe(true);
    expect(isGs1Text("A 1")).toBe(false);
    expect(isGs1Text("A#1")).toBe(false);
    expect(isGs1Text("LÔ1")).toBe(false);
    expect(isGs1Text("")).toBe(false);
    expect(isGs1Text("x".repeat(20))).toBe(true);
    expect(isGs1Text("x".repeat(21))).toBe(false);
  });
});

describe("building", () => {
  it("builds the lot, serial and expiry in qualifier order, percent-encoded", () => {
    expect(buildDigitalLink("https://chohtx.vn/", { gtin14, lot: "A/1%", serial: "S(1)", expiry: "2027-06-30" })).toBe(
      "https://chohtx.vn/01/08931234567897/10/A%2F1%25/21/S%281%29?17=270630",
    );
    expect(buildDigitalLinkPath({ gtin14 })).toBe("/01/08931234567897");
  });

  it("refuses a lot outside the GS1 set instead of printing a code no scanner can read", () => {
    expect(() => buildDigitalLinkPath({ gtin14, lot: "A/1 B%" })).toThrow();
    expect(() => buildDigitalLinkPath({ gtin14: "8931234567897", lot: "A" })).toThrow();
  });

  it("encodes every reserved character", () => {
    expect(encodeDlValue("!\"%&'()*+,/:;<=>?")).toBe("%21%22%25%26%27%28%29%2A%2B%2C%2F%3A%3B%3C%3D%3E%3F");
    expect(encodeDlValue("Ab-1._")).toBe("Ab-1._");
  });
});

describe("parsing", () => {
  it("round-trips awkward lot and serial codes", () => {
    for (const lot of ["A/1%B", "LO-2026/11", "a&b=c?d", "100%", "X'(*)'", "<>;:,+", "_.-!\""]) {
      for (const serial of [null, "0001", "S/1%"]) {
        const uri = buildDigitalLink("https://chohtx.vn", { gtin14, lot, serial, expiry: "2027-02-28" });
        const parsed = parseDigitalLink(uri);
        expect(parsed).toEqual({ ok: true, value: { gtin14, gtinLength: 14, cpv: null, lot, serial, expiry: "2027-02-28" } });
      }
    }
  });

  it("percent-encodes `A/1 B%` so it survives a path, and the validating parser refuses its space", () => {
    const encoded = encodeDlValue("A/1 B%");
    expect(encoded).toBe("A%2F1%20B%25");
    expect(decodeURIComponent(encoded)).toBe("A/1 B%");
    expect(new URL(`https://x.vn/01/${gtin14}/10/${encoded}`).pathname.split("/")).toHaveLength(5);
  });

  it("reads a space sent as %20 as outside the set (the example code `A/1 B%`)", () => {
    expect(parseDigitalLinkPath(`/01/${gtin14}/10/${encodeURIComponent("A/1 B%")}`)).toEqual({ ok: false, reason: "value" });
  });

  it("ignores a trailing slash and reports a short GTIN's length", () => {
    expect(parseDigitalLinkPath(`/01/${gtin14}/10/L1/`)).toMatchObject({ ok: true, value: { lot: "L1" } });
    expect(parseDigitalLinkPath(`/01/8931234567897`)).toMatchObject({ ok: true, value: { gtin14, gtinLength: 13 } });
  });

  it("rejects malformed URIs with a reason", () => {
    expect(parseDigitalLinkPath(`/01/089312345`)).toEqual({ ok: false, reason: "gtin" });
    expect(parseDigitalLinkPath(`/01/08931234567890`)).toEqual({ ok: false, reason: "checkDigit" });
    expect(parseDigitalLinkPath(`/01/0893123456789x`)).toEqual({ ok: false, reason: "gtin" });
    expect(parseDigitalLinkPath(`/01/${gtin14}/21/S/10/L`)).toEqual({ ok: false, reason: "order" });
    expect(parseDigitalLinkPath(`/01/${gtin14}/10/L/10/M`)).toEqual({ ok: false, reason: "order" });
    expect(parseDigitalLinkPath(`/01/${gtin14}/99/x`)).toEqual({ ok: false, reason: "unknownSegment" });
    expect(parseDigitalLinkPath(`/01/${gtin14}/10`)).toEqual({ ok: false, reason: "syntax" });
    expect(parseDigitalLinkPath(`/01/${gtin14}/10/${"x".repeat(21)}`)).toEqual({ ok: false, reason: "value" });
    expect(parseDigitalLinkPath(`/01/${gtin14}/10/%E0%A4%A`)).toEqual({ ok: false, reason: "encoding" });
    expect(parseDigitalLink(`https://x.vn/01/${gtin14}/10/L?17=271340`)).toEqual({ ok: false, reason: "value" });
  });
});

describe("dates and check digits", () => {
  it("converts YYMMDD both ways, day 00 meaning the month's end", () => {
    expect(toYymmdd("2027-06-30")).toBe("270630");
    expect(fromYymmdd("270630")).toBe("2027-06-30");
    expect(fromYymmdd("280200")).toBe("2028-02-29");
    expect(fromYymmdd("270231")).toBeNull();
  });

  it("computes the GS1 check digit for GTIN-13 and GTIN-14", () => {
    expect(gtinCheckDigit("893123456789")).toBe(7);
    expect(withCheckDigit("893460000001")).toBe("8934600000011");
    expect(gtinCheckDigit("0893123456789")).toBe(7);
  });
});

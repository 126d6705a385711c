import { describe, expect, it } from "vitest";
import { barcodeSvg } from "./barcode.server";

// bwip-js draws bars as one path; the human-readable digits are drawn too, so different symbologies differ.
describe("barcodeSvg", () => {
  it("draws an EAN-13 for a GTIN-13 stored as 14 digits", () => {
    const svg = barcodeSvg("08931234567897");
    expect(svg).toMatch(/^<svg[^>]+viewBox/);
    expect(svg).not.toEqual(barcodeSvg("08934600000011"));
  });
  it("draws EAN-8 (narrower than EAN-13) and UPC-A for the shorter codes", () => {
    const width = (svg: string) => Number(/viewBox="0 0 (\d+)/.exec(svg)![1]);
    const ean8 = barcodeSvg("00000089312346");
    const upca = barcodeSvg("00036000291452");
    const ean13 = barcodeSvg("08931234567897");
    expect(width(ean8)).toBeLessThan(width(ean13));
    expect(upca).toMatch(/^<svg/);
    expect(width(upca)).toBeGreaterThan(width(ean8));
  });
  it("draws an ITF-14 for a GTIN-14", () => {
    expect(barcodeSvg("18931234567894")).toMatch(/^<svg/);
  });
});

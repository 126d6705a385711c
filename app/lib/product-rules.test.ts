import { describe, expect, it } from "vitest";
import { gtinMessage, monthsFromMask, parseMonthList, parseTierList, parseWholeNumber, productSchema, validateCsvRow, validateTiers } from "./product-rules";

const base = {
  nameVi: "Bưởi da xanh loại 1",
  categoryCode: "I.1.a",
  unit: "kg",
  originProvinceCode: "86",
  price: "45000",
  minOrderQty: "50",
  stock: "5000",
};

function errorsOf(input: Record<string, unknown>) {
  const r = productSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

describe("parseWholeNumber", () => {
  it("reads plain and Vietnamese-grouped integers", () => {
    expect(parseWholeNumber("42000")).toBe(42000);
    expect(parseWholeNumber("42.000", { grouped: true })).toBe(42000);
    expect(parseWholeNumber("1.250.000 ₫", { grouped: true })).toBe(1250000);
    expect(parseWholeNumber("42,000", { grouped: true })).toBe(42000);
  });
  it("refuses negatives, fractions and grouping where it is not allowed", () => {
    expect(parseWholeNumber("-5")).toBe("catalogue.errors.negative");
    expect(parseWholeNumber("42.5", { grouped: true })).toBe("catalogue.errors.wholeNumber");
    expect(parseWholeNumber("42.000")).toBe("catalogue.errors.wholeNumber");
    expect(parseWholeNumber("abc")).toBe("catalogue.errors.wholeNumber");
    expect(parseWholeNumber("  ")).toBe("errors.required");
  });
});

describe("validateTiers", () => {
  it("accepts tiers climbing in quantity and falling in price", () => {
    expect(validateTiers({ price: 45000, minOrderQty: 50, tiers: [{ minQty: 100, unitPrice: 42000 }, { minQty: 1000, unitPrice: 38000 }] })).toEqual([]);
  });
  it("flags quantities out of order", () => {
    const issues = validateTiers({ price: 45000, minOrderQty: 50, tiers: [{ minQty: 1000, unitPrice: 42000 }, { minQty: 100, unitPrice: 38000 }] });
    expect(issues).toContainEqual({ index: 1, field: "minQty", message: "catalogue.errors.tierOrder" });
  });
  it("flags a larger tier that is not cheaper, and a tier above the base price", () => {
    const issues = validateTiers({ price: 45000, minOrderQty: 50, tiers: [{ minQty: 100, unitPrice: 46000 }, { minQty: 200, unitPrice: 47000 }] });
    expect(issues).toContainEqual({ index: 0, field: "unitPrice", message: "catalogue.errors.tierPriceAboveBase" });
    const order = validateTiers({ price: 45000, minOrderQty: 50, tiers: [{ minQty: 100, unitPrice: 40000 }, { minQty: 200, unitPrice: 41000 }] });
    expect(order).toEqual([{ index: 1, field: "unitPrice", message: "catalogue.errors.tierPriceOrder" }]);
  });
  it("flags a tier that starts at or below the minimum order", () => {
    expect(validateTiers({ price: 45000, minOrderQty: 100, tiers: [{ minQty: 100, unitPrice: 42000 }] })).toEqual([
      { index: 0, field: "minQty", message: "catalogue.errors.tierBelowMoq" },
    ]);
  });
});

describe("productSchema", () => {
  it("parses a full product, dropping blank tier rows and storing the GTIN as 14 digits", () => {
    const r = productSchema.parse({
      ...base,
      price: "45.000",
      gtin: "8931234567897",
      harvestMonths: ["8", "9", "1"],
      tiers: [{ minQty: "100", unitPrice: "42.000" }, {}, { minQty: "1000", unitPrice: "38000" }, { minQty: "", unitPrice: "" }],
    });
    expect(r.price).toBe(45000);
    expect(r.gtin).toBe("08931234567897");
    expect(r.tiers).toEqual([{ minQty: 100, unitPrice: 42000 }, { minQty: 1000, unitPrice: 38000 }]);
    expect(monthsFromMask(r.harvestMonths)).toEqual([1, 8, 9]);
    expect(r.status).toBe("draft");
  });
  it("names the expected check digit of a wrong GTIN", () => {
    expect(errorsOf({ ...base, gtin: "8931234567890" })).toEqual([{ path: "gtin", message: "catalogue.errors.gtinCheck7" }]);
    expect(gtinMessage("8934600000012")).toBe("catalogue.errors.gtinCheck1");
    expect(errorsOf({ ...base, gtin: "89312345" })).toEqual([{ path: "gtin", message: "catalogue.errors.gtinCheck6" }]);
    expect(errorsOf({ ...base, gtin: "893123" })).toEqual([{ path: "gtin", message: "catalogue.errors.gtinLength" }]);
    expect(errorsOf({ ...base, gtin: "893ABC4567897" })).toEqual([{ path: "gtin", message: "catalogue.errors.gtinFormat" }]);
  });
  it("refuses a negative or fractional price", () => {
    expect(errorsOf({ ...base, price: "-45000" })).toEqual([{ path: "price", message: "catalogue.errors.negative" }]);
    expect(errorsOf({ ...base, price: "45000.5" })).toEqual([{ path: "price", message: "catalogue.errors.wholeNumber" }]);
    expect(errorsOf({ ...base, price: "0" })).toEqual([{ path: "price", message: "catalogue.errors.atLeastOne" }]);
  });
  it("refuses a minimum order above the stock, but allows a sold-out product", () => {
    expect(errorsOf({ ...base, minOrderQty: "500", stock: "100" })).toEqual([{ path: "minOrderQty", message: "catalogue.errors.moqAboveStock" }]);
    expect(errorsOf({ ...base, minOrderQty: "500", stock: "0" })).toEqual([]);
  });
  it("puts tier errors on the row that was typed, counting blank rows", () => {
    const errors = errorsOf({ ...base, tiers: [{}, { minQty: "1000", unitPrice: "42000" }, { minQty: "100", unitPrice: "38000" }] });
    expect(errors).toEqual([{ path: "tiers.2.minQty", message: "catalogue.errors.tierOrder" }]);
  });
  it("refuses a half-filled tier row", () => {
    expect(errorsOf({ ...base, tiers: [{ minQty: "100" }] })).toEqual([{ path: "tiers.0.unitPrice", message: "errors.required" }]);
  });
});

describe("CSV rows", () => {
  const row = {
    name_vi: "Gạo ST25",
    category_code: "I.2.a",
    unit: "kg",
    origin_province_code: "92",
    price: "32000",
    min_order_qty: "100",
    stock: "20000",
    gtin: "8934600000011",
    harvest_months: "1-3;11",
    tiers: "1000:30000;5000:28000",
    status: "published",
  };
  it("parses month ranges and tier lists", () => {
    expect(parseMonthList("1-3;8, 12")).toEqual(["1", "2", "3", "8", "12"]);
    expect(parseMonthList("13")).toEqual(["13"]);
    expect(parseTierList("100:42000; 1000:38000")).toEqual([
      { minQty: "100", unitPrice: "42000" },
      { minQty: "1000", unitPrice: "38000" },
    ]);
  });
  it("accepts a valid row with the form's rules", () => {
    const r = validateCsvRow(row, 2);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value).toMatchObject({ nameVi: "Gạo ST25", price: 32000, gtin: "08934600000011", status: "published", tiers: [{ minQty: 1000, unitPrice: 30000 }, { minQty: 5000, unitPrice: 28000 }] });
  });
  it("reports every problem of an invalid row by column", () => {
    const r = validateCsvRow({ ...row, name_vi: "", price: "-1", gtin: "8934600000012", tiers: "5000:30000;1000:28000", harvest_months: "14" }, 7);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.line).toBe(7);
      const columns = r.errors.map((e) => `${e.column}:${e.message}`);
      expect(columns).toContain("name_vi:errors.required");
      expect(columns).toContain("price:catalogue.errors.negative");
      expect(columns).toContain("gtin:catalogue.errors.gtinCheck1");
      expect(columns).toContain("harvest_months:catalogue.errors.month");
    }
  });
  it("reports tiers out of order in a row that is otherwise valid", () => {
    const r = validateCsvRow({ ...row, tiers: "5000:30000;1000:28000" }, 3);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toContainEqual({ column: "tiers", message: "catalogue.errors.tierOrder" });
  });
  it("reports an unknown unit", () => {
    const r = validateCsvRow({ ...row, unit: "bao" }, 4);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual([{ column: "unit", message: "catalogue.errors.unit" }]);
  });
});

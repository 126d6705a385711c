import { z } from "zod";
import { decimal } from "./validation";
import { parseGtin } from "./gtin";
import { productStatuses, saleUnits } from "./enums";

/*
 * The rules a product must satisfy, shared by the product form (browser and server) and the CSV import, so a row
 * in a file is refused for exactly the reasons the form would refuse it. No I/O here: whether a category or a
 * province exists, and whether a GTIN is taken, is checked by the model.
 */

export type IntegerError = "errors.required" | "catalogue.errors.negative" | "catalogue.errors.wholeNumber";

/**
 * A whole number typed by a person. Prices may carry thousands separators as Vietnamese write them ("42.000",
 * "42,000", "42 000"); anything with a fractional part ("42.5") is refused rather than guessed at.
 */
export function parseWholeNumber(input: string, { grouped = false }: { grouped?: boolean } = {}): number | IntegerError {
  const raw = input.trim().replace(/\s*₫$|\s*đ$/iu, "");
  if (!raw) return "errors.required";
  if (/^-/.test(raw)) return "catalogue.errors.negative";
  if (/^[0-9]+$/.test(raw)) return Number(raw);
  if (grouped && /^[0-9]{1,3}([., \u00a0][0-9]{3})+$/.test(raw)) return Number(raw.replace(/\D/g, ""));
  return "catalogue.errors.wholeNumber";
}

const MAX_INT = 1_000_000_000_000;

function checkWhole(value: string, ctx: z.RefinementCtx, { min, grouped }: { min: number; grouped: boolean }): number {
  const n = parseWholeNumber(value, { grouped });
  if (typeof n === "string") {
    ctx.addIssue({ code: "custom", message: n });
    return z.NEVER;
  }
  if (n < min) {
    ctx.addIssue({ code: "custom", message: min === 1 ? "catalogue.errors.atLeastOne" : "catalogue.errors.negative" });
    return z.NEVER;
  }
  if (n > MAX_INT) {
    ctx.addIssue({ code: "custom", message: "catalogue.errors.tooBig" });
    return z.NEVER;
  }
  return n;
}

function wholeNumber({ min = 0, grouped = false }: { min?: number; grouped?: boolean } = {}) {
  return z.string({ error: "errors.required" }).transform((value, ctx) => checkWhole(value, ctx, { min, grouped }));
}

function optionalWholeNumber({ min = 0 }: { min?: number } = {}) {
  return z
    .string()
    .optional()
    .transform((value, ctx) => (value === undefined || value.trim() === "" ? undefined : checkWhole(value, ctx, { min, grouped: false })));
}

const checkDigitMessages = [
  "catalogue.errors.gtinCheck0",
  "catalogue.errors.gtinCheck1",
  "catalogue.errors.gtinCheck2",
  "catalogue.errors.gtinCheck3",
  "catalogue.errors.gtinCheck4",
  "catalogue.errors.gtinCheck5",
  "catalogue.errors.gtinCheck6",
  "catalogue.errors.gtinCheck7",
  "catalogue.errors.gtinCheck8",
  "catalogue.errors.gtinCheck9",
] as const;

export type GtinMessage = "catalogue.errors.gtinFormat" | "catalogue.errors.gtinLength" | (typeof checkDigitMessages)[number];

/** The message for a GTIN that does not parse; a wrong check digit names the digit it should have been. */
export function gtinMessage(input: string): GtinMessage | null {
  const r = parseGtin(input);
  if (r.ok) return null;
  if (r.reason === "checkDigit") return checkDigitMessages[r.expected ?? 0] ?? "catalogue.errors.gtinFormat";
  return r.reason === "length" ? "catalogue.errors.gtinLength" : "catalogue.errors.gtinFormat";
}

export const gtinSchema = z
  .string()
  .trim()
  .max(20, { error: "catalogue.errors.gtinLength" })
  .optional()
  .transform((value, ctx) => {
    if (!value) return null;
    const message = gtinMessage(value);
    if (message) {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    const r = parseGtin(value);
    return r.ok ? r.gtin14 : null;
  });

export type Tier = { minQty: number; unitPrice: number };
export type TierIssue = { index: number; field: "minQty" | "unitPrice"; message: string };

/**
 * Volume tiers must climb in quantity and fall in price: each starts above the minimum order and above the tier
 * before it, and costs less per unit than the base price and the tier before it.
 */
export function validateTiers({ price, minOrderQty, tiers }: { price: number; minOrderQty: number; tiers: Tier[] }): TierIssue[] {
  const issues: TierIssue[] = [];
  tiers.forEach((tier, index) => {
    const prev = tiers[index - 1];
    if (tier.minQty <= minOrderQty) issues.push({ index, field: "minQty", message: "catalogue.errors.tierBelowMoq" });
    else if (prev && tier.minQty <= prev.minQty) issues.push({ index, field: "minQty", message: "catalogue.errors.tierOrder" });
    if (tier.unitPrice >= price) issues.push({ index, field: "unitPrice", message: "catalogue.errors.tierPriceAboveBase" });
    else if (prev && tier.unitPrice >= prev.unitPrice) issues.push({ index, field: "unitPrice", message: "catalogue.errors.tierPriceOrder" });
  });
  return issues;
}

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: "errors.tooLong" })
    .optional()
    .transform((v) => v || null);

const requiredText = (max: number) =>
  z.string({ error: "errors.required" }).trim().min(1, { error: "errors.required" }).max(max, { error: "errors.tooLong" });

const tierInput = z.object({ minQty: z.string().optional(), unitPrice: z.string().optional() });

export const TIER_ROWS = 4;

const months = z.preprocess(
  (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z.array(decimal(z.number({ error: "catalogue.errors.month" }).int({ error: "catalogue.errors.month" }).min(1, { error: "catalogue.errors.month" }).max(12, { error: "catalogue.errors.month" }))),
);

export const productSchema = z
  .object({
    nameVi: requiredText(200),
    nameEn: optionalText(200),
    categoryCode: z.string({ error: "catalogue.errors.category" }).trim().min(1, { error: "catalogue.errors.category" }).max(12),
    descriptionVi: optionalText(5000),
    descriptionEn: optionalText(5000),
    unit: z.enum(saleUnits, { error: "catalogue.errors.unit" }),
    packSize: optionalText(60),
    originProvinceCode: z.string({ error: "errors.province" }).regex(/^\d{2}$/, { error: "errors.province" }),
    harvestMonths: months,
    leadTimeDays: optionalWholeNumber(),
    price: wholeNumber({ min: 1, grouped: true }),
    minOrderQty: wholeNumber({ min: 1 }),
    stock: wholeNumber(),
    gtin: gtinSchema,
    status: z.enum(productStatuses, { error: "errors.invalid" }).default("draft"),
    tiers: z.array(tierInput).max(10).optional(),
  })
  .transform((v, ctx) => {
    // Blank tier rows are the unused slots of the editor; a half-filled row is an error.
    const tiers: Tier[] = [];
    const slots: number[] = [];
    (v.tiers ?? []).forEach((row, i) => {
      const minQty = row.minQty?.trim() ?? "";
      const unitPrice = row.unitPrice?.trim() ?? "";
      if (!minQty && !unitPrice) return;
      const q = parseWholeNumber(minQty);
      const p = parseWholeNumber(unitPrice, { grouped: true });
      if (typeof q === "string") ctx.addIssue({ code: "custom", message: q, path: ["tiers", i, "minQty"] });
      if (typeof p === "string") ctx.addIssue({ code: "custom", message: p, path: ["tiers", i, "unitPrice"] });
      if (typeof q === "number" && typeof p === "number") {
        tiers.push({ minQty: q, unitPrice: p });
        slots.push(i);
      }
    });
    for (const issue of validateTiers({ price: v.price, minOrderQty: v.minOrderQty, tiers })) {
      ctx.addIssue({ code: "custom", message: issue.message, path: ["tiers", slots[issue.index]!, issue.field] });
    }
    // A sold-out product (stock 0) keeps its minimum order; otherwise nobody could order the minimum.
    if (v.stock > 0 && v.minOrderQty > v.stock) {
      ctx.addIssue({ code: "custom", message: "catalogue.errors.moqAboveStock", path: ["minOrderQty"] });
    }
    const mask = v.harvestMonths.reduce((m, month) => m | (1 << (month - 1)), 0);
    return {
      nameVi: v.nameVi,
      nameEn: v.nameEn,
      categoryCode: v.categoryCode,
      descriptionVi: v.descriptionVi,
      descriptionEn: v.descriptionEn,
      unit: v.unit,
      packSize: v.packSize,
      originProvinceCode: v.originProvinceCode,
      harvestMonths: mask,
      leadTimeDays: v.leadTimeDays ?? 0,
      price: v.price,
      minOrderQty: v.minOrderQty,
      stock: v.stock,
      gtin: v.gtin,
      status: v.status,
      tiers,
    };
  });

export type ProductInput = z.output<typeof productSchema>;

export function monthsFromMask(mask: number): number[] {
  return Array.from({ length: 12 }, (_, i) => i + 1).filter((m) => mask & (1 << (m - 1)));
}

/* ---------------------------------------------------------------- CSV import */

export const csvColumns = [
  "name_vi",
  "name_en",
  "category_code",
  "unit",
  "pack_size",
  "origin_province_code",
  "harvest_months",
  "lead_time_days",
  "price",
  "min_order_qty",
  "stock",
  "gtin",
  "status",
  "tiers",
  "description_vi",
  "description_en",
] as const;

export const csvExample: Record<(typeof csvColumns)[number], string> = {
  name_vi: "Bưởi da xanh loại 1",
  name_en: "Green-skin pomelo, grade 1",
  category_code: "I.1.a",
  unit: "kg",
  pack_size: "",
  origin_province_code: "86",
  harvest_months: "8-12",
  lead_time_days: "2",
  price: "45000",
  min_order_qty: "50",
  stock: "5000",
  gtin: "8931234567897",
  status: "draft",
  tiers: "100:42000;1000:38000",
  description_vi: "Bưởi da xanh ruột hồng, vỏ mỏng.",
  description_en: "Pink-fleshed green-skin pomelo with a thin rind.",
};

/** "1-3;8;11" → ["1","2","3","8","11"]; malformed parts are passed on as they are so the schema reports them. */
export function parseMonthList(input: string): string[] {
  return input
    .split(/[;,\s]+/)
    .filter(Boolean)
    .flatMap((part) => {
      const range = /^(\d{1,2})-(\d{1,2})$/.exec(part);
      if (!range) return [part];
      const [from, to] = [Number(range[1]), Number(range[2])];
      if (from < 1 || to > 12 || from > to) return [part];
      return Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
    });
}

/** "100:42000;1000:38000" → tier rows; a malformed part becomes a row the schema refuses. */
export function parseTierList(input: string): { minQty: string; unitPrice: string }[] {
  return input
    .split(";")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((part) => {
      const [minQty = "", unitPrice = ""] = part.split(":");
      return { minQty: minQty.trim(), unitPrice: unitPrice.trim() || "?" };
    });
}

export type CsvRowResult = { line: number; ok: true; value: ProductInput } | { line: number; ok: false; errors: { column: string; message: string }[] };

const fieldToColumn: Record<string, string> = {
  nameVi: "name_vi",
  nameEn: "name_en",
  categoryCode: "category_code",
  unit: "unit",
  packSize: "pack_size",
  originProvinceCode: "origin_province_code",
  harvestMonths: "harvest_months",
  leadTimeDays: "lead_time_days",
  price: "price",
  minOrderQty: "min_order_qty",
  stock: "stock",
  gtin: "gtin",
  status: "status",
  tiers: "tiers",
  descriptionVi: "description_vi",
  descriptionEn: "description_en",
};

/** Validates one CSV record with the product form's own schema. `line` is the line number in the file. */
export function validateCsvRow(record: Record<string, string | undefined>, line: number): CsvRowResult {
  const get = (c: (typeof csvColumns)[number]) => {
    const v = record[c]?.trim();
    return v ? v : undefined;
  };
  const input = {
    nameVi: get("name_vi"),
    nameEn: get("name_en"),
    categoryCode: get("category_code"),
    unit: get("unit"),
    packSize: get("pack_size"),
    originProvinceCode: get("origin_province_code"),
    harvestMonths: parseMonthList(get("harvest_months") ?? ""),
    leadTimeDays: get("lead_time_days"),
    price: get("price"),
    minOrderQty: get("min_order_qty"),
    stock: get("stock"),
    gtin: get("gtin"),
    status: get("status"),
    tiers: parseTierList(get("tiers") ?? ""),
    descriptionVi: get("description_vi"),
    descriptionEn: get("description_en"),
  };
  const result = productSchema.safeParse(input);
  if (result.success) return { line, ok: true, value: result.data };
  return {
    line,
    ok: false,
    errors: result.error.issues.map((issue) => ({
      column: fieldToColumn[String(issue.path[0])] ?? String(issue.path[0] ?? ""),
      message: issue.message,
    })),
  };
}

import { z } from "zod";

/** Mã số thuế: 10 digits for a company, 10-3 for a dependent unit (branch). */
export const taxCodeSchema = z
  .string({ error: "errors.required" })
  .trim()
  .regex(/^\d{10}(-\d{3})?$/, { error: "errors.taxCode" });

export const emailSchema = z
  .string({ error: "errors.required" })
  .trim()
  .toLowerCase()
  .max(254, { error: "errors.email" })
  .pipe(z.email({ error: "errors.email" }));

const common = new Set(["1234567890", "password123", "matkhau123", "qwertyuiop", "12345678910", "abc1234567"]);

/** At least 10 characters with a letter and a digit, and not one of the most common passwords. */
export const passwordSchema = z
  .string({ error: "errors.required" })
  .min(10, { error: "errors.passwordShort" })
  .max(200, { error: "errors.passwordLong" })
  .refine((p) => /\p{L}/u.test(p) && /\d/.test(p), { error: "errors.passwordWeak" })
  .refine((p) => !common.has(p.toLowerCase()), { error: "errors.passwordCommon" });

export const phoneSchema = z
  .string()
  .trim()
  .regex(/^(\+84|0)\d{9,10}$/, { error: "errors.phone" });

const decimalText = /^-?[0-9]+(\.[0-9]+)?$/;

/**
 * Reads a number typed in a form or a URL: plain decimal digits only (an optional minus and fraction, so "-5" and
 * "4.5" reach the range and integer checks with their own messages). `Number()` would also take "0x64" (100),
 * "1e3" (1000), "0b11", "Infinity" and " 12 " with inner spaces; those become NaN here and fail as not a number.
 * A blank value becomes undefined, so an optional field stays optional.
 */
export function readDecimal(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const v = value.trim();
  if (v === "") return undefined;
  return decimalText.test(v) ? Number(v) : Number.NaN;
}

/** A number schema fed through `readDecimal`: use it instead of `z.coerce.number()` for anything a person types. */
export const decimal = <T extends z.ZodType<number>>(schema: T) => z.preprocess(readDecimal, schema);

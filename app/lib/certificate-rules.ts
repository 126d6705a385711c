import { z } from "zod";
import { decimal } from "./validation";
import { ocopExpiry } from "./certificates";
import { certificateTypes } from "./enums";

/**
 * When the cooperative leaves the expiry empty: OCOP rankings run 36 months from the decision date; types that
 * normally never expire (geographical indication, collective trademark, other) stay open-ended; every other type
 * must carry the expiry printed by its certifying body, so null means "must be entered".
 */
export function defaultExpiry(type: (typeof certificateTypes)[number], issueDate: string): string | null {
  if (type === "ocop") return ocopExpiry(issueDate);
  return null;
}

export const openEndedTypes: readonly string[] = ["gi", "collective_trademark", "other"];

function isCalendarDate(v: string) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

const date = z
  .string({ error: "errors.required" })
  .trim()
  .refine(isCalendarDate, { error: "catalogue.errors.date" });

export const certificateSchema = z
  .object({
    type: z.enum(certificateTypes, { error: "catalogue.errors.certificateType" }),
    ocopStars: decimal(z.number({ error: "catalogue.errors.ocopStars" }).int({ error: "catalogue.errors.ocopStars" }).min(3, { error: "catalogue.errors.ocopStars" }).max(5, { error: "catalogue.errors.ocopStars" })).optional(),
    number: z.string({ error: "errors.required" }).trim().min(1, { error: "errors.required" }).max(80, { error: "errors.tooLong" }),
    issuer: z.string({ error: "errors.required" }).trim().min(1, { error: "errors.required" }).max(200, { error: "errors.tooLong" }),
    issueDate: date,
    expiryDate: date.optional(),
    scope: z.string().trim().max(500, { error: "errors.tooLong" }).optional(),
    productIds: z.preprocess(
      (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
      z.array(decimal(z.number().int().positive())).max(500),
    ),
  })
  .transform((v, ctx) => {
    if (v.type === "ocop" && v.ocopStars === undefined) {
      ctx.addIssue({ code: "custom", message: "catalogue.errors.ocopStars", path: ["ocopStars"] });
    }
    const expiryDate = v.expiryDate ?? defaultExpiry(v.type, v.issueDate);
    if (!expiryDate && !openEndedTypes.includes(v.type)) {
      ctx.addIssue({ code: "custom", message: "catalogue.errors.expiryRequired", path: ["expiryDate"] });
    }
    if (expiryDate && expiryDate <= v.issueDate) {
      ctx.addIssue({ code: "custom", message: "catalogue.errors.expiryBeforeIssue", path: ["expiryDate"] });
    }
    return {
      type: v.type,
      ocopStars: v.type === "ocop" ? (v.ocopStars ?? null) : null,
      number: v.number,
      issuer: v.issuer,
      issueDate: v.issueDate,
      expiryDate,
      scope: v.scope || null,
      productIds: [...new Set(v.productIds)],
    };
  });

export type CertificateInput = z.output<typeof certificateSchema>;

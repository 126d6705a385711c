import { z } from "zod";

const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: "errors.tooLong" })
    .optional()
    .transform((v) => v || null);

/** A member household. Area in hectares with a decimal point or comma ("1,5"); stored as text to keep what was typed. */
export const memberSchema = z.object({
  name: z.string({ error: "errors.required" }).trim().min(1, { error: "errors.required" }).max(120, { error: "errors.tooLong" }),
  commune: optional(120),
  areaHa: z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      const n = v.replace(",", ".");
      if (!/^\d{1,5}(\.\d{1,2})?$/.test(n)) {
        ctx.addIssue({ code: "custom", message: "catalogue.errors.area" });
        return z.NEVER;
      }
      return n;
    }),
  plantingAreaCode: optional(40),
  publicConsent: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
});

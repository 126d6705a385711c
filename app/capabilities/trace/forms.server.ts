import { z } from "zod";
import { decimal } from "~/lib/validation";
import { lotUnits } from "~/lib/enums";
import { isGs1Text } from "~/lib/digital-link";
import { contributionsExceed, eventTypes, lotDateErrors } from "~/lib/trace-rules";

const day = z.string({ error: "errors.required" }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: "trace.errors.date" }).refine((s) => !Number.isNaN(Date.parse(s)), { error: "trace.errors.date" });
const positive = decimal(z.number({ error: "trace.errors.quantity" }).int({ error: "trace.errors.quantity" }).positive({ error: "trace.errors.quantity" }).max(1_000_000_000, { error: "trace.errors.quantity" }));

export const lotSchema = z
  .object({
    productId: decimal(z.number({ error: "trace.errors.productNotYours" }).int().positive()),
    code: z.string({ error: "errors.required" }).refine((s) => isGs1Text(s), { error: "trace.errors.lotCode" }),
    harvestDate: day,
    packingDate: day,
    bestBeforeDate: day,
    quantity: positive,
    /** Empty on a new lot: the product's own unit of sale (resolved by the route). */
    unit: z.enum(lotUnits, { error: "errors.invalid" }).optional(),
    serialised: z.boolean().optional(),
    notes: z.string().max(2000, { error: "errors.tooLong" }).optional(),
    contributions: z
      .array(
        z.object({
          memberId: decimal(z.number().int().positive()).optional(),
          plantingArea: z.string().max(100, { error: "errors.tooLong" }).optional(),
          quantity: positive.optional(),
        }),
      )
      .max(50)
      .optional(),
  })
  .superRefine((v, ctx) => {
    for (const [field, message] of Object.entries(lotDateErrors(v))) ctx.addIssue({ code: "custom", path: [field], message });
    const rows = (v.contributions ?? []).filter((c) => c.memberId !== undefined);
    rows.forEach((c, i) => {
      if (c.quantity === undefined) ctx.addIssue({ code: "custom", path: ["contributions", i, "quantity"], message: "trace.errors.quantity" });
    });
    if (new Set(rows.map((r) => r.memberId)).size !== rows.length) ctx.addIssue({ code: "custom", path: ["contributions"], message: "trace.errors.duplicateMember" });
    if (contributionsExceed(v.quantity, rows.map((r) => ({ quantity: r.quantity ?? 0 })))) {
      ctx.addIssue({ code: "custom", path: ["contributions"], message: "trace.errors.contributionsExceed" });
    }
  })
  .transform((v) => ({
    productId: v.productId,
    code: v.code,
    harvestDate: v.harvestDate,
    packingDate: v.packingDate,
    bestBeforeDate: v.bestBeforeDate,
    quantity: v.quantity,
    unit: v.unit ?? null,
    serialised: v.serialised ?? false,
    notes: v.notes?.trim() || null,
    contributions: (v.contributions ?? [])
      .filter((c) => c.memberId !== undefined && c.quantity !== undefined)
      .map((c) => ({ memberId: c.memberId!, plantingArea: c.plantingArea?.trim() || null, quantity: c.quantity! })),
  }));

const coordinate = (max: number) =>
  z
    .string()
    .regex(/^-?\d{1,3}(\.\d{1,7})?$/, { error: "trace.errors.gps" })
    .refine((s) => Math.abs(Number(s)) <= max, { error: "trace.errors.gps" })
    .optional();

export const eventSchema = z
  .object({
    intent: z.literal("event"),
    type: z.enum(eventTypes, { error: "errors.required" }),
    /** `datetime-local` in Viet Nam time. */
    eventTime: z.string({ error: "errors.required" }).regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: "trace.errors.time" }),
    commune: z.string({ error: "errors.required" }).trim().min(1).max(100, { error: "errors.tooLong" }),
    latitude: coordinate(90),
    longitude: coordinate(180),
    who: z.string({ error: "errors.required" }).trim().min(1).max(200, { error: "errors.tooLong" }),
    what: z.string({ error: "errors.required" }).trim().min(1).max(500, { error: "errors.tooLong" }),
    notes: z.string().max(2000, { error: "errors.tooLong" }).optional(),
    sprayProduct: z.string().max(200, { error: "errors.tooLong" }).optional(),
    preHarvestIntervalDays: decimal(z.number({ error: "errors.invalid" }).int().min(0).max(365)).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.type === "spraying" && (!v.sprayProduct || v.preHarvestIntervalDays === undefined)) {
      ctx.addIssue({ code: "custom", path: [v.sprayProduct ? "preHarvestIntervalDays" : "sprayProduct"], message: "trace.errors.sprayNeedsProduct" });
    }
    if ((v.latitude === undefined) !== (v.longitude === undefined)) ctx.addIssue({ code: "custom", path: ["latitude"], message: "trace.errors.gps" });
    if (Number.isNaN(Date.parse(`${v.eventTime}:00+07:00`))) ctx.addIssue({ code: "custom", path: ["eventTime"], message: "trace.errors.time" });
  })
  .transform((v) => ({
    type: v.type,
    eventTime: new Date(`${v.eventTime}:00+07:00`).toISOString(),
    commune: v.commune,
    latitude: v.latitude ?? null,
    longitude: v.longitude ?? null,
    who: v.who,
    what: v.what,
    notes: v.notes?.trim() || null,
    sprayProduct: v.type === "spraying" ? (v.sprayProduct?.trim() ?? null) : null,
    preHarvestIntervalDays: v.type === "spraying" ? (v.preHarvestIntervalDays ?? null) : null,
  }));

export const serialsSchema = z.object({
  intent: z.literal("serials"),
  count: decimal(z.number({ error: "trace.errors.serialCount" }).int().min(1, { error: "trace.errors.serialCount" }).max(5000, { error: "trace.errors.serialCount" })),
});

export const deleteEventSchema = z.object({ intent: z.literal("deleteEvent"), eventId: decimal(z.number().int().positive()) });

export const labelsSchema = z.object({
  layout: z.enum(["3x8", "2x5"]).default("3x8"),
  count: decimal(z.number({ error: "trace.errors.labelCount" }).int().min(1, { error: "trace.errors.labelCount" }).max(5000, { error: "trace.errors.labelCount" })).default(24),
});

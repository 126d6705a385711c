import { z } from "zod";
import { parsePrice, parseQuantity } from "./harvest-rules";

/** zod schemas of the harvest forms, shared by browser and server (safe to import in the browser). */

/** A quantity field checked against the unit of the announced product. */
export function quantityField(unit: string) {
  return z.string({ error: "harvest.errors.quantityRequired" }).superRefine((v, ctx) => {
    const q = parseQuantity(v, unit);
    if (!q.ok) ctx.addIssue({ code: "custom", message: q.problem });
  });
}

export const priceField = z.string({ error: "harvest.errors.priceRequired" }).superRefine((v, ctx) => {
  const p = parsePrice(v);
  if (!p.ok) ctx.addIssue({ code: "custom", message: p.problem });
});

export function reservationSchema(unit: string) {
  return z.object({
    quantity: quantityField(unit),
    deliveryProvinceCode: z.string({ error: "errors.required" }).trim().min(1, { error: "errors.required" }).max(10, { error: "errors.province" }),
    deliveryCommune: z.string({ error: "errors.required" }).trim().min(1, { error: "errors.required" }).max(120, { error: "harvest.errors.tooLong" }),
    deliveryAddress: z.string({ error: "errors.required" }).trim().min(1, { error: "errors.required" }).max(300, { error: "harvest.errors.tooLong" }),
    paymentMethod: z.enum(["bank_transfer", "card"], { error: "harvest.errors.paymentMethod" }),
    note: z.string().trim().max(1000, { error: "harvest.errors.tooLong" }).optional(),
  });
}

export const confirmSchema = z.object({ intent: z.literal("confirm"), unitPrice: priceField });
export const declineSchema = z.object({ intent: z.literal("decline"), reason: z.string().trim().max(500, { error: "harvest.errors.tooLong" }).optional() });
export const orderSchema = z.object({ intent: z.literal("order"), lotId: z.string({ error: "harvest.errors.lotRequired" }).regex(/^[1-9]\d{0,14}$/, { error: "harvest.errors.lotRequired" }).transform(Number) });

export const saveSearchSchema = z.object({
  intent: z.literal("save"),
  search: z.string().max(2000, { error: "harvest.saved.invalidSearch" }).default(""),
  name: z.string({ error: "errors.required" }).trim().min(1, { error: "errors.required" }).max(80, { error: "harvest.errors.tooLong" }),
});

export const renameSearchSchema = z.object({
  intent: z.literal("rename"),
  id: z.string().regex(/^[1-9]\d{0,14}$/).transform(Number),
  name: z.string({ error: "errors.required" }).trim().min(1, { error: "errors.required" }).max(80, { error: "harvest.errors.tooLong" }),
});

export const followSchema = z.object({
  intent: z.enum(["follow", "unfollow"]),
  kind: z.enum(["cooperative", "category", "province"]),
  value: z.string().trim().min(1).max(20),
  redirectTo: z.string().max(500).optional(),
});

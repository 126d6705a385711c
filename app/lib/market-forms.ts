import { z } from "zod";
import { certificateTypes, saleUnits } from "./enums";
import { isWholeUnit, parseAmount, type NumberProblem, type SaleUnit } from "./market-rules";
import { paymentMethods } from "./order-states";

/** Form schemas of the supply–demand board, shared by the browser (conform) and the server. Messages are keys. */

const numberKeys: Record<NumberProblem, string> = {
  required: "market.errors.quantityRequired",
  format: "market.errors.numberFormat",
  negative: "market.errors.negative",
  zero: "market.errors.positive",
  tooLarge: "market.errors.tooLarge",
  fraction: "market.errors.fraction",
  precision: "market.errors.precision",
};

const isoDate = (key = "market.errors.date") =>
  z
    .string({ error: key })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: key })
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), { error: key });

const text = (max: number) => z.string().trim().max(max, { error: "errors.tooLong" }).optional();
const required = (max: number) => z.string({ error: "errors.required" }).trim().min(1, { error: "errors.required" }).max(max, { error: "errors.tooLong" });
const checkbox = z.preprocess((v) => v === "on" || v === "1" || v === "true" || v === true, z.boolean());
const list = z.preprocess((v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(z.string()));

function amount(ctx: z.RefinementCtx, path: string, raw: string | undefined, opts: Parameters<typeof parseAmount>[1] & { optional?: boolean; requiredKey?: string }) {
  if (opts.optional && !(raw ?? "").trim()) return undefined;
  const r = parseAmount(raw, opts);
  if (!r.ok) {
    ctx.addIssue({ code: "custom", path: [path], message: r.problem === "required" && opts.requiredKey ? opts.requiredKey : numberKeys[r.problem] });
    return undefined;
  }
  return r.value;
}

export const requestSchema = z
  .object({
    intent: z.enum(["draft", "publish"], { error: "errors.invalid" }).default("publish"),
    title: required(120),
    description: text(2000),
    categoryCode: z.string({ error: "market.errors.category" }).trim().min(1, { error: "market.errors.category" }),
    productId: z.string().trim().regex(/^[1-9]\d{0,11}$/, { error: "errors.invalid" }).transform(Number).optional(),
    quantity: z.string().optional(),
    unit: z.enum(saleUnits, { error: "market.errors.unit" }),
    certifications: list,
    ocopMinStars: z.enum(["3", "4", "5"], { error: "market.errors.stars" }).optional(),
    provinces: text(400),
    deliveryFrom: isoDate(),
    deliveryTo: isoDate(),
    deliveryProvince: z.string({ error: "errors.province" }).trim().min(1, { error: "errors.province" }).max(80, { error: "errors.province" }),
    targetPrice: z.string().optional(),
    paymentTerms: text(500),
    closingDate: isoDate(),
    visibility: z.enum(["public", "invited"], { error: "errors.invalid" }),
    showBuyerName: checkbox.optional(),
  })
  .transform((v, ctx) => {
    const quantity = amount(ctx, "quantity", v.quantity, { whole: isWholeUnit(v.unit as SaleUnit), requiredKey: "market.errors.quantityRequired" });
    const targetPrice = amount(ctx, "targetPrice", v.targetPrice, { whole: true, optional: true, maxDecimals: 0 });
    const certifications: (typeof certificateTypes)[number][] = [];
    for (const c of v.certifications) {
      const type = certificateTypes.find((t) => t === c.trim());
      if (!type) ctx.addIssue({ code: "custom", path: ["certifications"], message: "market.errors.certification" });
      else if (!certifications.includes(type)) certifications.push(type);
    }
    if (v.deliveryTo < v.deliveryFrom) ctx.addIssue({ code: "custom", path: ["deliveryTo"], message: "market.errors.windowOrder" });
    if (v.closingDate > v.deliveryTo) ctx.addIssue({ code: "custom", path: ["closingDate"], message: "market.errors.closingAfterDelivery" });
    return {
      ...v,
      quantity: quantity ?? 0,
      targetPrice: targetPrice ?? null,
      certifications,
      ocopMinStars: certifications.includes("ocop") ? Number(v.ocopMinStars ?? 3) : null,
      showBuyerName: v.showBuyerName ?? false,
    };
  });

export type RequestInput = z.output<typeof requestSchema>;

export const offerSchema = z
  .object({
    intent: z.literal("offer").default("offer"),
    productId: z.string({ error: "market.errors.product" }).trim().regex(/^[1-9]\d{0,11}$/, { error: "market.errors.product" }).transform(Number),
    quantity: z.string().optional(),
    unitPrice: z.string().optional(),
    tier1Qty: z.string().optional(),
    tier1Price: z.string().optional(),
    tier2Qty: z.string().optional(),
    tier2Price: z.string().optional(),
    harvestFrom: isoDate().optional(),
    harvestTo: isoDate().optional(),
    packingDate: isoDate().optional(),
    lotId: z.string().trim().regex(/^[1-9]\d{0,11}$/, { error: "errors.invalid" }).transform(Number).optional(),
    validUntil: isoDate(),
    notes: text(2000),
  })
  .transform((v, ctx) => {
    const whole = { whole: true, maxDecimals: 0 };
    const quantity = amount(ctx, "quantity", v.quantity, { ...whole, requiredKey: "market.errors.quantityRequired" });
    const unitPrice = amount(ctx, "unitPrice", v.unitPrice, { ...whole, requiredKey: "market.errors.priceRequired" });
    const tiers: { minQty: number; unitPrice: number }[] = [];
    for (const n of [1, 2] as const) {
      const q = v[`tier${n}Qty`];
      const p = v[`tier${n}Price`];
      if (!(q ?? "").trim() && !(p ?? "").trim()) continue;
      const minQty = amount(ctx, `tier${n}Qty`, q, { ...whole, requiredKey: "market.errors.tierIncomplete" });
      const price = amount(ctx, `tier${n}Price`, p, { ...whole, requiredKey: "market.errors.tierIncomplete" });
      if (minQty !== undefined && price !== undefined) tiers.push({ minQty, unitPrice: price });
    }
    if (v.harvestFrom && v.harvestTo && v.harvestTo < v.harvestFrom) ctx.addIssue({ code: "custom", path: ["harvestTo"], message: "market.errors.windowOrder" });
    return { ...v, quantity: quantity ?? 0, unitPrice: unitPrice ?? 0, tiers: tiers.sort((a, b) => a.minQty - b.minQty) };
  });

export type OfferInput = z.output<typeof offerSchema>;

export const acceptSchema = z.object({
  intent: z.literal("accept"),
  offerId: z.coerce.number({ error: "errors.invalid" }).int({ error: "errors.invalid" }).positive({ error: "errors.invalid" }),
  revision: z.coerce.number({ error: "errors.invalid" }).int({ error: "errors.invalid" }).positive({ error: "errors.invalid" }),
  commune: required(120),
  address: required(300),
  contactPhone: z.string().trim().regex(/^(\+84|0)\d{9,10}$/, { error: "errors.phone" }).optional(),
  paymentMethod: z.enum(paymentMethods, { error: "errors.invalid" }),
  confirmOver: checkbox.optional(),
});

export const questionSchema = z.object({
  intent: z.literal("ask"),
  offerId: z.coerce.number({ error: "errors.invalid" }).int({ error: "errors.invalid" }).positive({ error: "errors.invalid" }),
  body: required(5000),
});

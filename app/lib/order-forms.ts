import { z } from "zod";
import { decimal } from "./validation";
import { paymentMethods } from "./order-states";

/** Form schemas shared by the browser (conform) and the server. Messages are catalogue keys. */
const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "orders.errors.dateFormat" })
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), { error: "orders.errors.dateFormat" });

export const dateSchema = isoDate;
export const optionalText = (max: number) => z.string().trim().max(max, { error: "errors.tooLong" }).optional();
export const requiredText = (max: number) => z.string({ error: "errors.required" }).trim().min(1, { error: "errors.required" }).max(max, { error: "errors.tooLong" });
export const idSchema = decimal(z.number({ error: "errors.invalid" }).int({ error: "errors.invalid" }).positive({ error: "errors.invalid" }));
export const quantitySchema = decimal(
  z
    .number({ error: "orders.errors.quantity" })
    .int({ error: "orders.errors.quantity" })
    .positive({ error: "orders.errors.quantity" })
    .max(10_000_000, { error: "orders.errors.quantity" }),
);

export const deliverySchema = z.object({
  provinceCode: z.string({ error: "errors.province" }).regex(/^\d{2}$/, { error: "errors.province" }),
  commune: requiredText(120),
  address: requiredText(300),
  contactPhone: z
    .string()
    .trim()
    .regex(/^(\+84|0)\d{9,10}$/, { error: "errors.phone" })
    .optional(),
  requestedDate: isoDate.optional(),
  notes: optionalText(1000),
});

export const paymentMethodSchema = z.enum(paymentMethods, { error: "errors.invalid" });

export const addToCartSchema = z.object({
  intent: z.literal("add").default("add"),
  productId: idSchema,
  quantity: quantitySchema,
  redirectTo: z.string().optional(),
});

export const checkoutSchema = deliverySchema.extend({ intent: z.literal("checkout") });

export const messageSchema = z.object({
  body: requiredText(5000),
});

export const inquirySchema = z.object({
  subject: requiredText(200),
  body: requiredText(5000),
});

export const quoteRequestSchema = z.object({
  quantity: quantitySchema,
  deliveryProvinceCode: z.string({ error: "errors.province" }).regex(/^\d{2}$/, { error: "errors.province" }),
  deliveryDate: isoDate,
  note: optionalText(2000),
});

export const quoteAnswerSchema = z.object({
  intent: z.literal("answer"),
  unitPrice: decimal(z.number({ error: "orders.errors.price" }).int({ error: "orders.errors.price" }).positive({ error: "orders.errors.price" }).max(10_000_000_000, { error: "orders.errors.price" })),
  validUntil: isoDate,
  terms: optionalText(2000),
});

export const quoteAcceptSchema = z.object({
  intent: z.literal("accept"),
  commune: requiredText(120),
  address: requiredText(300),
  contactPhone: z.string().trim().regex(/^(\+84|0)\d{9,10}$/, { error: "errors.phone" }).optional(),
  notes: optionalText(1000),
  paymentMethod: paymentMethodSchema,
});

export const lotCodeSchema = z
  .string({ error: "orders.errors.lotCode" })
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9\-_.\/]{0,19}$/, { error: "orders.errors.lotCode" });

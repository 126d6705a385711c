import { z } from "zod";
import { dateSchema, idSchema, optionalText, requiredText } from "./order-forms";
import { BOOTH_NUMBER, fairStates } from "./fair-rules";
import { parseVietnamesePhone } from "./phone";
import { emailSchema } from "./validation";

/** Form schemas of the trade fair pages, shared by the browser (conform) and the server. Messages are catalogue keys. */
export const fairSchema = z
  .object({
    name: requiredText(200),
    startDate: dateSchema,
    endDate: dateSchema,
    registrationDeadline: dateSchema,
    venue: requiredText(300),
    /** Only a platform admin picks it; an alliance admin's fairs are in its own province. */
    provinceCode: z.string().regex(/^\d{2}$/, { error: "errors.province" }).optional(),
    description: optionalText(4000),
    state: z.enum(fairStates, { error: "errors.invalid" }).default("published"),
  })
  .superRefine((v, ctx) => {
    if (v.endDate < v.startDate) ctx.addIssue({ code: "custom", path: ["endDate"], message: "fairs.errors.datesReversed" });
    if (v.registrationDeadline > v.startDate) ctx.addIssue({ code: "custom", path: ["registrationDeadline"], message: "fairs.errors.deadlineAfterStart" });
  });

export const MAX_BOOTH_PRODUCTS = 8;

export const registrationSchema = z.object({
  productIds: z
    .array(idSchema, { error: "fairs.errors.productsRequired" })
    .min(1, { error: "fairs.errors.productsRequired" })
    .max(MAX_BOOTH_PRODUCTS, { error: "fairs.errors.tooManyProducts" })
    .refine((ids) => new Set(ids).size === ids.length, { error: "errors.invalid" }),
});

export const inviteSchema = z.object({ intent: z.literal("invite"), cooperativeId: idSchema });
export const boothNumberSchema = z.object({
  intent: z.literal("booth-number"),
  boothId: idSchema,
  boothNumber: z
    .string()
    .trim()
    .regex(BOOTH_NUMBER, { error: "fairs.errors.boothNumber" })
    .optional(),
});

export const leadSchema = z
  .object({
    name: requiredText(120),
    business: optionalText(200),
    phone: z.string().trim().max(40, { error: "fairs.errors.phone" }).optional(),
    email: emailSchema.optional(),
    interest: requiredText(1000),
    consent: z.literal("on", { error: "fairs.errors.consent" }),
  })
  .superRefine((v, ctx) => {
    if (!v.phone && !v.email) ctx.addIssue({ code: "custom", path: ["phone"], message: "fairs.errors.contactRequired" });
    if (v.phone && !parseVietnamesePhone(v.phone)) ctx.addIssue({ code: "custom", path: ["phone"], message: "fairs.errors.phone" });
  })
  .transform((v) => ({ ...v, phone: v.phone ? parseVietnamesePhone(v.phone)!.e164 : undefined }));

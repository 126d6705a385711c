import { z } from "zod";
import { banks } from "./banks";
import { cooperativeTypes } from "./enums";

const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: "errors.tooLong" })
    .optional()
    .transform((v) => v || null);

const optionalInt = (min: number, max: number, message: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      const n = /^\d+$/.test(v.replace(/[.\s]/g, "")) ? Number(v.replace(/[.\s]/g, "")) : NaN;
      if (!Number.isSafeInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return n;
    });

const phone = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (!v) return null;
    const compact = v.replace(/[\s.-]/g, "");
    if (!/^(\+84|0)\d{9,10}$/.test(compact)) {
      ctx.addIssue({ code: "custom", message: "errors.phone" });
      return z.NEVER;
    }
    return compact;
  });

/** The cooperative's profile form. Bank details come as a set: bank, account number and holder, or none. */
export const profileSchema = z
  .object({
    name: z.string({ error: "errors.required" }).trim().min(1, { error: "errors.required" }).max(200, { error: "errors.tooLong" }),
    cooperativeType: z.enum(cooperativeTypes, { error: "errors.required" }),
    registrationNumber: optional(40),
    yearFounded: optionalInt(1945, new Date().getFullYear(), "catalogue.errors.year"),
    provinceCode: z.string({ error: "errors.province" }).regex(/^\d{2}$/, { error: "errors.province" }),
    commune: optional(120),
    address: optional(300),
    memberCount: optionalInt(0, 1_000_000, "catalogue.errors.count"),
    areaHa: optionalInt(0, 10_000_000, "catalogue.errors.count"),
    mainProducts: optional(300),
    descriptionVi: optional(5000),
    descriptionEn: optional(5000),
    contactName: optional(120),
    phone,
    zalo: phone,
    email: z
      .string()
      .trim()
      .toLowerCase()
      .max(254, { error: "errors.email" })
      .optional()
      .transform((v, ctx) => {
        if (!v) return null;
        if (!z.email().safeParse(v).success) {
          ctx.addIssue({ code: "custom", message: "errors.email" });
          return z.NEVER;
        }
        return v;
      }),
    website: z
      .string()
      .trim()
      .max(300, { error: "errors.tooLong" })
      .optional()
      .transform((v, ctx) => {
        if (!v) return null;
        const url = /^https?:\/\//i.test(v) ? v : `https://${v}`;
        if (!z.url({ protocol: /^https?$/ }).safeParse(url).success) {
          ctx.addIssue({ code: "custom", message: "catalogue.errors.website" });
          return z.NEVER;
        }
        return url;
      }),
    bankBin: z
      .string()
      .optional()
      .transform((v, ctx) => {
        if (!v) return null;
        if (!banks.some((b) => b.bin === v)) {
          ctx.addIssue({ code: "custom", message: "catalogue.errors.bank" });
          return z.NEVER;
        }
        return v;
      }),
    bankAccount: z
      .string()
      .trim()
      .optional()
      .transform((v, ctx) => {
        if (!v) return null;
        const compact = v.replace(/[\s.-]/g, "");
        if (!/^\d{6,19}$/.test(compact)) {
          ctx.addIssue({ code: "custom", message: "catalogue.errors.bankAccount" });
          return z.NEVER;
        }
        return compact;
      }),
    // VietQR shows the holder's name as the bank has it: upper case, no diacritics.
    bankHolder: optional(100).transform((v) => (v ? v.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/gi, "D").toUpperCase() : null)),
  })
  .superRefine((v, ctx) => {
    const given = [v.bankBin, v.bankAccount, v.bankHolder].filter(Boolean).length;
    if (given > 0 && given < 3) {
      if (!v.bankBin) ctx.addIssue({ code: "custom", message: "catalogue.errors.bankIncomplete", path: ["bankBin"] });
      if (!v.bankAccount) ctx.addIssue({ code: "custom", message: "catalogue.errors.bankIncomplete", path: ["bankAccount"] });
      if (!v.bankHolder) ctx.addIssue({ code: "custom", message: "catalogue.errors.bankIncomplete", path: ["bankHolder"] });
    }
  });

import { parseWithZod } from "@conform-to/zod/v4";
import { data } from "@remix-run/node";
import { getT } from "~/i18n";
import { getLocale } from "~/i18n/server";
import { todayInVietnam } from "~/lib/certificates";
import { requestSchema } from "~/lib/market-forms";
import { getCategory, resolveProvince } from "~/models/province.server";
import { createRequest } from "~/models/request.server";
import { announceRequest } from "~/capabilities/market/notify.server";
import { getPublishedProduct } from "~/models/thread.server";
import { readForm } from "~/services/uploads.server";

/**
 * POST /requests/new: one zod schema (app/lib/market-forms.ts) plus the checks only the server can make (today in
 * Viet Nam, known category, provinces resolved from current or former names, product still on sale). Any problem is
 * a 400 with the field errors and the typed values; nothing is written until every check passed.
 */
export async function handleNewRequest(request: Request, { buyerId, userId }: { buyerId: number; userId: number }) {
  const t = getT(getLocale(request));
  const formData = await readForm(request);
  const today = todayInVietnam();
  const resolved: { provinces: string[]; deliveryProvinceCode: string } = { provinces: [], deliveryProvinceCode: "" };
  const submission = parseWithZod(formData, {
    schema: requestSchema.superRefine((v, ctx) => {
      if (!getCategory(v.categoryCode)) ctx.addIssue({ code: "custom", path: ["categoryCode"], message: "market.errors.category" });
      if (v.closingDate < today) ctx.addIssue({ code: "custom", path: ["closingDate"], message: "market.errors.closingPast" });
      if (v.deliveryTo < today) ctx.addIssue({ code: "custom", path: ["deliveryTo"], message: "market.errors.windowPast" });
      const delivery = resolveProvince(v.deliveryProvince);
      if (!delivery) ctx.addIssue({ code: "custom", path: ["deliveryProvince"], message: t("market.errors.province", { name: v.deliveryProvince }) });
      else resolved.deliveryProvinceCode = delivery.province.code;
      for (const name of (v.provinces ?? "").split(/[,;\n]/).map((s) => s.trim()).filter(Boolean)) {
        const r = resolveProvince(name);
        if (!r) ctx.addIssue({ code: "custom", path: ["provinces"], message: t("market.errors.province", { name }) });
        else if (!resolved.provinces.includes(r.province.code)) resolved.provinces.push(r.province.code);
      }
      if (v.productId && !getPublishedProduct({ id: v.productId })) ctx.addIssue({ code: "custom", path: ["productId"], message: "market.errors.product" });
    }),
  });
  if (submission.status !== "success") return { error: data(submission.reply(), { status: 400 }) };
  const v = submission.value;
  const { request: row } = createRequest({
    buyerId,
    userId,
    values: {
      title: v.title,
      description: v.description ?? null,
      categoryCode: v.categoryCode,
      productId: v.productId ?? null,
      quantity: v.quantity,
      unit: v.unit,
      certifications: v.certifications.map((type) => ({ type, minStars: type === "ocop" ? v.ocopMinStars : null })),
      provinces: resolved.provinces,
      deliveryFrom: v.deliveryFrom,
      deliveryTo: v.deliveryTo,
      deliveryProvinceCode: resolved.deliveryProvinceCode,
      targetPrice: v.targetPrice,
      paymentTerms: v.paymentTerms ?? null,
      closingDate: v.closingDate,
      visibility: v.visibility,
      showBuyerName: v.showBuyerName,
      publish: v.intent === "publish",
    },
  });
  if (row.state === "open") await announceRequest({ requestId: row.id, reason: "match" });
  return { request: row };
}

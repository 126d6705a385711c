import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect } from "@remix-run/node";
import { z } from "zod";
import { getT, type MessageKey } from "~/i18n";
import { getLocale } from "~/i18n/server";
import { todayInVietnam } from "~/lib/certificates";
import { announcementNumbers, announcementSchema } from "~/lib/harvest-rules";
import { createAnnouncement, getOwnPublishedProduct, isFollowing, updateAnnouncement, type FollowTarget } from "~/models/harvest.server";
import { OrderError } from "~/models/order.server";
import { getUser } from "~/services/auth.server";
import { getMemberships } from "~/models/user.server";
import { readForm } from "~/services/uploads.server";
import { orderErrorMessage } from "~/capabilities/orders/route-helpers.server";
import { kickAlerts, notifyFollowers } from "./alerts.server";

/** A positive integer route parameter, or a 404. */
export function idParam(request: Request, raw: string | undefined, key: MessageKey = "errors.notFound"): number {
  const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).safeParse(raw);
  if (!id.success || !/^\d+$/.test(raw ?? "")) throw new Response(getT(getLocale(request))(key), { status: 404, statusText: "Not Found" });
  return id.data;
}

/** The signed-in user's buyer organisation (not suspended), or null. */
export function buyerOf(request: Request) {
  const user = getUser(request);
  if (!user) return { user: null, buyer: null };
  const m = getMemberships(user.id).find((x) => x.organisation.kind === "buyer" && x.organisation.status !== "suspended");
  return { user, buyer: m?.organisation ?? null };
}

/** Whether the visitor may follow (a buyer) and already follows this target. */
export function followState(request: Request, target: FollowTarget) {
  const { buyer } = buyerOf(request);
  if (!buyer) return { canFollow: false, following: false };
  return { canFollow: true, following: isFollowing({ buyerId: buyer.id, target }) };
}

/**
 * The announcement form, new or edit. 400 with field errors for bad input, 404 for a product that is not the
 * cooperative's own published one, 409 for a wrong state; nothing is written on any of them.
 */
export async function handleAnnouncementForm(
  request: Request,
  { cooperativeId, cooperativeName, userId, existing }: { cooperativeId: number; cooperativeName: string; userId: number; existing?: { id: number; productId: number } },
) {
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: announcementSchema(todayInVietnam()) });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const t = getT(getLocale(request));
  const productId = existing?.productId ?? submission.value.productId;
  const product = getOwnPublishedProduct({ productId, cooperativeId });
  if (!product) return data(submission.reply({ fieldErrors: { productId: [t("harvest.errors.productNotFound")] } }), { status: 404 });
  const numbers = announcementNumbers(submission.value, product.unit);
  if (!numbers.ok) return data(submission.reply({ fieldErrors: { [numbers.field]: [numbers.problem] } }), { status: 400 });
  const input = {
    quantity: numbers.quantity,
    priceMin: numbers.priceMin,
    priceMax: numbers.priceMax,
    harvestFrom: submission.value.harvestFrom,
    harvestTo: submission.value.harvestTo,
    notes: submission.value.notes || null,
  };
  try {
    if (existing) {
      updateAnnouncement({ id: existing.id, cooperativeId, input });
      return redirect(`/dashboard/harvests/${existing.id}?saved=1`);
    }
    const a = createAnnouncement({ cooperativeId, userId, productId, input });
    kickAlerts();
    await notifyFollowers({
      id: a.id,
      cooperativeId,
      categoryCode: product.categoryCode,
      provinceCode: product.originProvinceCode,
      productName: product.nameVi,
      cooperativeName,
      harvestFrom: a.harvestFrom,
      harvestTo: a.harvestTo,
    });
    return redirect(`/dashboard/harvests/${a.id}?created=1`);
  } catch (error) {
    if (error instanceof OrderError) return data(submission.reply({ formErrors: [orderErrorMessage(t, error)] }), { status: error.status });
    throw error;
  }
}

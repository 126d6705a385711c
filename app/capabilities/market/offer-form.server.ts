import { parseWithZod } from "@conform-to/zod/v4";
import { data } from "@remix-run/node";
import { getT } from "~/i18n";
import { getLocale } from "~/i18n/server";
import { offerSchema } from "~/lib/market-forms";
import { OrderError } from "~/models/order.server";
import { submitOffer, validateOffer, withdrawOffer } from "~/models/offer.server";
import { tellBuyerOffer } from "~/capabilities/market/notify.server";
import { orderErrorMessage } from "~/capabilities/orders/route-helpers.server";
import { fileFrom, MAX_DOCUMENT_BYTES, parseMultipart, storeDocument, UploadError } from "~/services/uploads.server";

/**
 * POST /requests/:id/offer: send or revise an offer (multipart, optional attachment) or withdraw it. Rule
 * violations keep the typed values: they come back as the submission's form errors with the rule's status.
 */
export async function handleOffer(request: Request, { requestId, cooperativeId, userId }: { requestId: number; cooperativeId: number; userId: number }) {
  const t = getT(getLocale(request));
  let formData: FormData;
  try {
    formData = await parseMultipart(request, { maxBytes: MAX_DOCUMENT_BYTES });
  } catch (error) {
    if (error instanceof UploadError) return { error: data({ status: "error" as const, formErrors: [t(error.messageKey)] }, { status: error.status }) };
    throw error;
  }
  if (formData.get("intent") === "withdraw") {
    try {
      withdrawOffer({ requestId, cooperativeId });
      return { withdrawn: true as const };
    } catch (error) {
      if (error instanceof OrderError) return { error: data({ status: "error" as const, formErrors: [orderErrorMessage(t, error)] }, { status: error.status }) };
      throw error;
    }
  }
  const file = fileFrom(formData.get("attachment"));
  formData.delete("attachment");
  const submission = parseWithZod(formData, { schema: offerSchema });
  if (submission.status !== "success") return { error: data(submission.reply(), { status: 400 }) };
  try {
    validateOffer({ requestId, cooperativeId, values: submission.value });
    const stored = file ? await storeDocument(file, { dir: "offers" }) : null;
    const result = submitOffer({ requestId, cooperativeId, userId, values: submission.value, attachment: stored && file ? { path: stored.path, mime: stored.mime, filename: file.name.slice(0, 200) } : null });
    await tellBuyerOffer({ requestId, cooperativeId, revision: result.revision });
    return { result };
  } catch (error) {
    if (error instanceof OrderError) return { error: data(submission.reply({ formErrors: [orderErrorMessage(t, error)] }), { status: error.status }) };
    if (error instanceof UploadError) return { error: data(submission.reply({ formErrors: [t(error.messageKey)] }), { status: error.status }) };
    throw error;
  }
}

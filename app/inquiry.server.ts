import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect } from "@remix-run/node";
import { getT } from "~/i18n";
import { getLocale } from "~/i18n/server";
import { inquirySchema, messageSchema } from "~/lib/order-forms";
import { notifyOrganisation } from "~/models/notify.server";
import { openThread, postMessage, type Attachment } from "~/models/thread.server";
import { fileFrom, MAX_DOCUMENT_BYTES, parseMultipart, storeDocument, UploadError, readForm } from "~/uploads.server";

/** Parses a message form that may carry one attachment. Upload problems come back as 413/415 before anything is stored. */
async function readMessageForm(request: Request) {
  const contentType = request.headers.get("Content-Type") ?? "";
  return contentType.startsWith("multipart/form-data") ? parseMultipart(request, { maxBytes: MAX_DOCUMENT_BYTES }) : readForm(request);
}

async function storeAttachment(formData: FormData): Promise<Attachment[]> {
  const file = fileFrom(formData.get("attachment"));
  if (!file) return [];
  const stored = await storeDocument(file, { dir: "messages" });
  return [{ ...stored, filename: (file.name || "file").slice(0, 200) }];
}

function uploadReply(request: Request, error: UploadError) {
  const t = getT(getLocale(request));
  return data({ status: "error" as const, error: { attachment: [t(error.messageKey)] } }, { status: error.status });
}

/** A buyer's first message to a cooperative, with an optional product; mails the cooperative. */
export async function handleNewInquiry(
  request: Request,
  { buyer, userId, cooperativeId, productId }: { buyer: { id: number; name: string }; userId: number; cooperativeId: number; productId?: number | null },
) {
  let formData: FormData;
  try {
    formData = await readMessageForm(request);
  } catch (error) {
    if (error instanceof UploadError) return uploadReply(request, error);
    throw error;
  }
  const submission = parseWithZod(formData, { schema: inquirySchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  let attachments: Attachment[];
  try {
    attachments = await storeAttachment(formData);
  } catch (error) {
    if (error instanceof UploadError) {
      return data(submission.reply({ fieldErrors: { attachment: [getT(getLocale(request))(error.messageKey)] } }), { status: error.status });
    }
    throw error;
  }
  const { threadId } = openThread({ buyerId: buyer.id, cooperativeId, productId, userId, attachments, ...submission.value });
  await notifyOrganisation({
    organisationId: cooperativeId,
    subject: "orders.mail.newMessageSubject",
    body: "orders.mail.newMessageBody",
    params: { subject: submission.value.subject, from: buyer.name },
    path: `/dashboard/inquiries/${threadId}`,
  });
  return redirect(`/dashboard/inquiries/${threadId}`);
}

/** A reply in an existing thread by either side; mails the other side. Null thread (not theirs): 404 by the caller. */
export async function handleReply(request: Request, { organisation, userId, threadId }: { organisation: { id: number; name: string }; userId: number; threadId: number }) {
  let formData: FormData;
  try {
    formData = await readMessageForm(request);
  } catch (error) {
    if (error instanceof UploadError) return uploadReply(request, error);
    throw error;
  }
  const submission = parseWithZod(formData, { schema: messageSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  let attachments: Attachment[];
  try {
    attachments = await storeAttachment(formData);
  } catch (error) {
    if (error instanceof UploadError) {
      return data(submission.reply({ fieldErrors: { attachment: [getT(getLocale(request))(error.messageKey)] } }), { status: error.status });
    }
    throw error;
  }
  const posted = postMessage({ threadId, organisationId: organisation.id, userId, body: submission.value.body, attachments });
  if (!posted) return null;
  await notifyOrganisation({
    organisationId: posted.otherOrgId,
    subject: "orders.mail.newMessageSubject",
    body: "orders.mail.newMessageBody",
    params: { subject: posted.subject, from: organisation.name },
    path: `/dashboard/inquiries/${threadId}`,
  });
  return data(submission.reply({ resetForm: true }));
}

import { parseWithZod } from "@conform-to/zod/v4";
import type { ZodType } from "zod";
import { data, redirect } from "@remix-run/node";
import { attributeInquiryFromFair } from "~/capabilities/fairs/attribution.server";
import { getT } from "~/i18n";
import { getLocale } from "~/i18n/server";
import { inquirySchema, messageSchema } from "~/lib/order-forms";
import { notifyOrganisation } from "~/services/notify.server";
import { openThread, postMessage, type Attachment } from "~/models/thread.server";
import { fileFrom, MAX_DOCUMENT_BYTES, parseMultipart, storeDocument, UploadError, readForm } from "~/services/uploads.server";

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

/**
 * Reads a message form, validates it with `schema` and stores its attachment. Either a response to send back
 * (400/413/415, nothing stored) or the parsed values with the stored attachment.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function readMessage<S extends ZodType<any, Record<string, any>>>(request: Request, schema: S) {
  let formData: FormData;
  try {
    formData = await readMessageForm(request);
  } catch (error) {
    if (error instanceof UploadError) return { response: uploadReply(request, error) } as const;
    throw error;
  }
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return { response: data(submission.reply(), { status: 400 }) } as const;
  try {
    return { submission, attachments: await storeAttachment(formData) } as const;
  } catch (error) {
    if (error instanceof UploadError) {
      const t = getT(getLocale(request));
      return { response: data(submission.reply({ fieldErrors: { attachment: [t(error.messageKey)] } }), { status: error.status }) } as const;
    }
    throw error;
  }
}

/** A buyer's first message to a cooperative, with an optional product; mails the cooperative. */
export async function handleNewInquiry(
  request: Request,
  { buyer, userId, cooperativeId, productId }: { buyer: { id: number; name: string }; userId: number; cooperativeId: number; productId?: number | null },
) {
  const read = await readMessage(request, inquirySchema);
  if ("response" in read) return read.response;
  const { submission, attachments } = read;
  const { threadId } = openThread({ buyerId: buyer.id, cooperativeId, productId, userId, attachments, ...submission.value });
  attributeInquiryFromFair(request, { threadId, cooperativeId });
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
  const read = await readMessage(request, messageSchema);
  if ("response" in read) return read.response;
  const { submission, attachments } = read;
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

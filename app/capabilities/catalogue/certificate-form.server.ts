import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect } from "@remix-run/node";
import { requireOrganisationRole } from "~/services/auth.server";
import { certificateSchema } from "~/lib/certificate-rules";
import { createCertificate, getCertificate, ScopeError, updateCertificate } from "~/models/certificate.server";
import { fileFrom, MAX_DOCUMENT_BYTES, parseMultipart, storeDocument, UploadError } from "~/services/uploads.server";

/**
 * Create or edit a certificate claim from its multipart form. The evidence file is required for a new claim and
 * checked by content (PDF or image, 413/415). An edited claim goes back to pending.
 */
export async function submitCertificate(request: Request, { certificateId }: { certificateId?: number } = {}) {
  const { organisation } = requireOrganisationRole(request, { kind: "cooperative" });
  if (certificateId !== undefined && !getCertificate({ id: certificateId, cooperativeId: organisation.id })) {
    throw new Response("errors.notFound", { status: 404 });
  }
  let formData: FormData;
  try {
    formData = await parseMultipart(request, { maxBytes: MAX_DOCUMENT_BYTES });
  } catch (error) {
    if (error instanceof UploadError) return data({ status: "error" as const, error: { "": [error.messageKey] } }, { status: error.status });
    throw error;
  }
  const submission = parseWithZod(formData, { schema: certificateSchema });
  const hide = { hideFields: ["evidence"] };
  if (submission.status !== "success") return data(submission.reply(hide), { status: 400 });
  const file = fileFrom(formData.get("evidence"));
  if (!file && certificateId === undefined) {
    return data(submission.reply({ ...hide, fieldErrors: { evidence: ["catalogue.errors.evidenceRequired"] } }), { status: 400 });
  }
  let evidence: { path: string; mime: string } | null = null;
  if (file) {
    try {
      evidence = await storeDocument(file, { dir: "evidence" });
    } catch (error) {
      if (error instanceof UploadError) return data(submission.reply({ ...hide, fieldErrors: { evidence: [error.messageKey] } }), { status: error.status });
      throw error;
    }
  }
  try {
    const row =
      certificateId === undefined
        ? createCertificate({ cooperativeId: organisation.id, input: submission.value, evidence: evidence! })
        : updateCertificate({ id: certificateId, cooperativeId: organisation.id, input: submission.value, evidence });
    if (!row) throw new Response("errors.notFound", { status: 404 });
    return redirect(`/dashboard/certificates?saved=${row.id}`);
  } catch (error) {
    if (error instanceof ScopeError) return data(submission.reply({ ...hide, fieldErrors: { productIds: [error.message] } }), { status: 400 });
    throw error;
  }
}

import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect } from "@remix-run/node";
import { requireOrganisationRole } from "~/services/auth.server";
import { productSchema } from "~/lib/product-rules";
import { ConflictError, createProduct, deleteProductPhoto, getProduct, referenceErrors, updateProduct } from "~/models/product.server";
import { fileFrom, MAX_IMAGE_BYTES, parseMultipart, storeImage, UploadError } from "~/services/uploads.server";

const MAX_PHOTOS = 8;

/** A form-level error when the body could not even be read (too large): conform's reply shape, by hand. */
function bodyError(status: 400 | 413 | 415, messageKey: string) {
  return data({ status: "error" as const, error: { "": [messageKey] } }, { status });
}

/**
 * Create (no `productId`) or update a product from the multipart product form: schema, references, GTIN
 * uniqueness (409), photos (413/415). Nothing is written unless everything passes.
 */
export async function submitProduct(request: Request, { productId }: { productId?: number } = {}) {
  const { organisation } = requireOrganisationRole(request, { kind: "cooperative" });
  if (productId !== undefined && !getProduct({ id: productId, cooperativeId: organisation.id })) {
    throw new Response("errors.notFound", { status: 404 });
  }
  let formData: FormData;
  try {
    formData = await parseMultipart(request, { maxBytes: MAX_IMAGE_BYTES });
  } catch (error) {
    if (error instanceof UploadError) return bodyError(error.status, error.messageKey);
    throw error;
  }
  if (productId !== undefined && formData.get("intent") === "delete-photo") {
    const photoId = Number(formData.get("photoId"));
    if (!deleteProductPhoto({ photoId, productId, cooperativeId: organisation.id })) throw new Response("errors.notFound", { status: 404 });
    return redirect(`/dashboard/products/${productId}`);
  }
  const submission = parseWithZod(formData, { schema: productSchema });
  if (submission.status !== "success") return data(submission.reply({ hideFields: ["photos"] }), { status: 400 });
  const refs = referenceErrors(submission.value);
  if (Object.keys(refs).length) return data(submission.reply({ fieldErrors: refs, hideFields: ["photos"] }), { status: 400 });
  const files = formData.getAll("photos").map(fileFrom).filter((f): f is File => f !== null);
  if (files.length > MAX_PHOTOS) return data(submission.reply({ fieldErrors: { photos: ["catalogue.errors.tooManyPhotos"] }, hideFields: ["photos"] }), { status: 400 });
  const photos: Awaited<ReturnType<typeof storeImage>>[] = [];
  try {
    for (const file of files) photos.push(await storeImage(file, { dir: "products" }));
  } catch (error) {
    if (error instanceof UploadError) return data(submission.reply({ fieldErrors: { photos: [error.messageKey] }, hideFields: ["photos"] }), { status: error.status });
    throw error;
  }
  try {
    const product =
      productId === undefined
        ? createProduct({ cooperativeId: organisation.id, input: submission.value, photos })
        : updateProduct({ id: productId, cooperativeId: organisation.id, input: submission.value, photos });
    if (!product) throw new Response("errors.notFound", { status: 404 });
    return redirect(`/dashboard/products/${product.id}?saved=1`);
  } catch (error) {
    if (error instanceof ConflictError) return data(submission.reply({ fieldErrors: { [error.field]: [error.messageKey] }, hideFields: ["photos"] }), { status: 409 });
    throw error;
  }
}

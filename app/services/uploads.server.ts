import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { fileTypeFromBuffer } from "file-type";
import sharp from "sharp";
import { env } from "~/env.server";
import { getT } from "~/i18n";
import { getLocale } from "~/i18n/server";

export const MAX_IMAGE_BYTES = 8 * 1024 * 1024;
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** Thrown as a response: 413 for too large, 415 for a type we do not accept. Messages are catalogue keys. */
export class UploadError extends Error {
  constructor(
    public status: 400 | 413 | 415,
    public messageKey: "errors.uploadTooLarge" | "errors.uploadType" | "errors.formType" | "errors.formUnreadable" | "errors.formTooLarge",
  ) {
    super(messageKey);
  }
}

/**
 * Parses a multipart form, keeping files in memory up to `maxBytes` each. A larger body or part throws
 * `UploadError(413)` before anything is written.
 */
export async function parseMultipart(request: Request, { maxBytes }: { maxBytes: number }): Promise<FormData> {
  const declared = Number(request.headers.get("Content-Length") ?? 0);
  if (declared > maxBytes * 4 + 1_000_000) throw new UploadError(413, "errors.uploadTooLarge");
  const type = contentType(request);
  if (type === "application/x-www-form-urlencoded") return readUrlEncoded(request);
  if (type !== "multipart/form-data") throw new UploadError(415, "errors.formType");
  try {
    return await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: maxBytes }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) throw new UploadError(413, "errors.uploadTooLarge");
    // A truncated or garbled body is the client's fault, not a server error.
    throw new UploadError(400, "errors.formUnreadable");
  }
}

/** Text forms never need more than this; a larger body is refused before it is buffered. */
export const MAX_FORM_BYTES = 1_000_000;

function contentType(request: Request) {
  return (request.headers.get("Content-Type") ?? "").split(";")[0]!.trim().toLowerCase();
}

/**
 * Reads a text form's body, counting bytes as they arrive: a chunked body has no Content-Length to refuse up front,
 * so the cap is enforced on the stream itself.
 */
async function readCappedForm(request: Request, type: string): Promise<FormData> {
  if (Number(request.headers.get("Content-Length") ?? 0) > MAX_FORM_BYTES) throw new UploadError(413, "errors.formTooLarge");
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    const reader = request.body?.getReader();
    for (;;) {
      const next = reader ? await reader.read() : { done: true as const, value: undefined };
      if (next.done) break;
      total += next.value.byteLength;
      if (total > MAX_FORM_BYTES) {
        await reader?.cancel().catch(() => undefined);
        throw new UploadError(413, "errors.formTooLarge");
      }
      chunks.push(next.value);
    }
    return await new Response(Buffer.concat(chunks), { headers: { "Content-Type": request.headers.get("Content-Type") ?? type } }).formData();
  } catch (error) {
    if (error instanceof UploadError) throw error;
    throw new UploadError(400, "errors.formUnreadable");
  }
}

function readUrlEncoded(request: Request): Promise<FormData> {
  return readCappedForm(request, "application/x-www-form-urlencoded");
}

/**
 * The body of a text form (urlencoded, or multipart without files), at most `MAX_FORM_BYTES`. JSON, garbled bodies
 * and oversized bodies are answered 415/400/413 with a translated message instead of crashing the action.
 */
export async function readForm(request: Request): Promise<FormData> {
  try {
    const type = contentType(request);
    if (type !== "application/x-www-form-urlencoded" && type !== "multipart/form-data") throw new UploadError(415, "errors.formType");
    return await readCappedForm(request, type);
  } catch (error) {
    if (error instanceof UploadError) {
      const t = getT(getLocale(request));
      throw new Response(t(error.messageKey), { status: error.status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    }
    throw error;
  }
}

/** A file field that was actually filled in (browsers send an empty part for an empty file input). */
export function fileFrom(value: FormDataEntryValue | null): File | null {
  return value && typeof value !== "string" && value.size > 0 ? value : null;
}

async function writeFile(relative: string, buffer: Buffer) {
  const full = path.join(env.UPLOADS_DIR, relative);
  await fs.mkdir(path.dirname(full), { recursive: true });
  await fs.writeFile(full, buffer);
}

function newName(dir: string) {
  const id = crypto.randomBytes(12).toString("hex");
  return `${dir}/${id.slice(0, 2)}/${id}`;
}

export const IMAGE_WIDTHS = [320, 800, 1600] as const;

/**
 * Stores an image, checked by its bytes (JPEG, PNG, WebP, AVIF, GIF), as WebP at a few widths:
 * `<base>-320.webp`, `<base>-800.webp`, `<base>-1600.webp` (never wider than the original). Returns the base path.
 */
export async function storeImage(file: Blob, { dir = "images" }: { dir?: string } = {}) {
  const buffer = Buffer.from(await file.arrayBuffer());
  if (buffer.length > MAX_IMAGE_BYTES) throw new UploadError(413, "errors.uploadTooLarge");
  const type = await fileTypeFromBuffer(buffer);
  if (!type || !["image/jpeg", "image/png", "image/webp", "image/avif", "image/gif"].includes(type.mime)) {
    throw new UploadError(415, "errors.uploadType");
  }
  let meta: Awaited<ReturnType<ReturnType<typeof sharp>["metadata"]>>;
  try {
    meta = await sharp(buffer).metadata();
  } catch {
    throw new UploadError(415, "errors.uploadType");
  }
  const base = newName(dir);
  const original = meta.width ?? 1600;
  for (const width of IMAGE_WIDTHS) {
    const out = await sharp(buffer).rotate().resize({ width: Math.min(width, original), withoutEnlargement: true }).webp({ quality: 78 }).toBuffer();
    await writeFile(`${base}-${width}.webp`, out);
  }
  const ratio = (meta.height ?? original) / original;
  return { path: base, width: original, height: Math.round(original * ratio) };
}

/** URL of a stored image at the width closest above `width`. */
export function imageUrl(base: string, width: (typeof IMAGE_WIDTHS)[number] = 800) {
  return `/uploads/${base}-${width}.webp`;
}

/** Stores evidence or an attachment: PDF or image, checked by its bytes. Returns its path and type. */
export async function storeDocument(file: Blob, { dir = "documents" }: { dir?: string } = {}) {
  const buffer = Buffer.from(await file.arrayBuffer());
  if (buffer.length > MAX_DOCUMENT_BYTES) throw new UploadError(413, "errors.uploadTooLarge");
  const type = await fileTypeFromBuffer(buffer);
  const allowed: Record<string, string> = { "application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp" };
  if (!type || !allowed[type.mime]) throw new UploadError(415, "errors.uploadType");
  const relative = `${newName(dir)}.${allowed[type.mime]}`;
  await writeFile(relative, buffer);
  return { path: relative, mime: type.mime, bytes: buffer.length };
}

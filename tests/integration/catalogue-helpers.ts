import { and, eq, ne } from "drizzle-orm";
import sharp from "sharp";
import { createSession } from "~/services/auth.server";
import { db, schema } from "~/db.server";

export const ORIGIN = "http://localhost:3000";

/** A Cookie header for a fresh session of the user with this email. */
export function cookieFor(email: string): string {
  const user = db.select().from(schema.users).where(eq(schema.users.email, email)).get();
  if (!user) throw new Error(`no user ${email}`);
  const setCookie = createSession({ userId: user.id, request: new Request(ORIGIN) });
  return setCookie.split(";")[0]!;
}

export function get(path: string, cookie?: string) {
  return new Request(`${ORIGIN}${path}`, { headers: cookie ? { Cookie: cookie } : {} });
}

export function postForm(path: string, fields: Record<string, string | string[]>, cookie?: string) {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
  return new Request(`${ORIGIN}${path}`, {
    method: "POST",
    body,
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
  });
}

export function postMultipart(path: string, fields: Record<string, string | string[] | Blob | Blob[]>, cookie?: string, names: Record<string, string> = {}) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) {
    for (const x of Array.isArray(v) ? v : [v]) {
      if (typeof x === "string") form.append(k, x);
      else form.append(k, x, names[k] ?? "upload.bin");
    }
  }
  return new Request(`${ORIGIN}${path}`, { method: "POST", body: form, headers: cookie ? { Cookie: cookie } : {} });
}

type DataResult = { init: { status?: number; headers?: HeadersInit } | null; data: unknown };

/** Runs a loader or action, turning a thrown Response into the result, and reports status and body. */
export async function call(fn: () => Promise<unknown>): Promise<{ status: number; data: unknown; response: Response | null }> {
  try {
    const result = await fn();
    if (result instanceof Response) return { status: result.status, data: null, response: result };
    if (result && typeof result === "object" && "init" in result && "data" in result) {
      const r = result as DataResult;
      return { status: r.init?.status ?? 200, data: r.data, response: null };
    }
    return { status: 200, data: result, response: null };
  } catch (error) {
    if (error instanceof Response) return { status: error.status, data: await error.text(), response: error };
    throw error;
  }
}

export const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} });

export async function pngBlob(width = 40, height = 30) {
  const buffer = await sharp({ create: { width, height, channels: 3, background: { r: 30, g: 120, b: 60 } } }).png().toBuffer();
  return new Blob([buffer], { type: "image/png" });
}

export function pdfBlob() {
  return new Blob(["%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"], { type: "application/pdf" });
}

export function demoCooperative() {
  return db
    .select({ org: schema.organisations })
    .from(schema.memberships)
    .innerJoin(schema.users, eq(schema.users.id, schema.memberships.userId))
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.memberships.organisationId))
    .where(eq(schema.users.email, "htx@demo.chohtx.vn"))
    .get()!.org;
}

/** The owner email of some cooperative that is not the demo one, optionally outside a province. */
export function otherCooperative({ notProvince }: { notProvince?: string } = {}) {
  const demo = demoCooperative();
  const coop = db
    .select()
    .from(schema.organisations)
    .where(
      and(
        eq(schema.organisations.kind, "cooperative"),
        ne(schema.organisations.id, demo.id),
        notProvince ? ne(schema.organisations.provinceCode, notProvince) : undefined,
      ),
    )
    .get()!;
  const owner = db
    .select({ email: schema.users.email })
    .from(schema.memberships)
    .innerJoin(schema.users, eq(schema.users.id, schema.memberships.userId))
    .where(and(eq(schema.memberships.organisationId, coop.id), eq(schema.memberships.role, "owner")))
    .get()!;
  return { coop, email: owner.email };
}

export const productFields = {
  nameVi: "Bưởi da xanh kiểm thử",
  nameEn: "Test pomelo",
  categoryCode: "I.1.a",
  unit: "kg",
  originProvinceCode: "86",
  price: "45000",
  minOrderQty: "50",
  stock: "5000",
  leadTimeDays: "2",
  status: "published",
  "tiers[0].minQty": "100",
  "tiers[0].unitPrice": "42000",
  "tiers[1].minQty": "1000",
  "tiers[1].unitPrice": "38000",
  harvestMonths: ["8", "9"],
};

import { and, eq, ne } from "drizzle-orm";
import { createSession } from "~/services/auth.server";
import { db, schema } from "~/db.server";

export const ORIGIN = "http://localhost:3000";

/** A session cookie for a user, as the login route would set it. */
export function cookieFor(email: string): string {
  const user = db.select().from(schema.users).where(eq(schema.users.email, email)).get();
  if (!user) throw new Error(`no user ${email}`);
  const header = createSession({ userId: user.id, request: new Request(ORIGIN) });
  return header.split(";")[0]!;
}

export function get(path: string, cookie?: string) {
  return new Request(`${ORIGIN}${path}`, { headers: cookie ? { Cookie: cookie } : {} });
}

export function post(path: string, fields: Record<string, string | number>, cookie?: string) {
  return new Request(`${ORIGIN}${path}`, {
    method: "POST",
    body: new URLSearchParams(Object.entries(fields).map(([k, v]) => [k, String(v)])),
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
  });
}

export function postMultipart(path: string, form: FormData, cookie?: string) {
  return new Request(`${ORIGIN}${path}`, { method: "POST", body: form, headers: cookie ? { Cookie: cookie } : {} });
}

type Handler = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => unknown;

export type Outcome = { status: number; data: unknown; location: string | null; response: Response | null };

/** Runs a loader or action like Remix would: thrown responses (redirects, 404s) become outcomes too. */
export async function run(handler: Handler, request: Request, params: Record<string, string> = {}): Promise<Outcome> {
  let result: unknown;
  try {
    result = await handler({ request, params, context: {} });
  } catch (thrown) {
    if (thrown instanceof Response) result = thrown;
    else throw thrown;
  }
  if (result instanceof Response) {
    const json = result.headers.get("Content-Type")?.includes("application/json") ? await result.clone().json() : null;
    return { status: result.status, data: json, location: result.headers.get("Location"), response: result };
  }
  if (result && typeof result === "object" && "init" in result && "data" in result && (result as { type?: string }).type === "DataWithResponseInit") {
    const r = result as { data: unknown; init: { status?: number } | null };
    return { status: r.init?.status ?? 200, data: r.data, location: null, response: null };
  }
  return { status: 200, data: result, location: null, response: null };
}

export const demo = {
  buyer: "buyer@demo.chohtx.vn",
  cooperative: "htx@demo.chohtx.vn",
  staff: "nhanvien@demo.chohtx.vn",
};

export function orgOf(email: string) {
  return db
    .select({ id: schema.organisations.id, kind: schema.organisations.kind, name: schema.organisations.name })
    .from(schema.memberships)
    .innerJoin(schema.users, eq(schema.users.id, schema.memberships.userId))
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.memberships.organisationId))
    .where(eq(schema.users.email, email))
    .get()!;
}

export function userId(email: string) {
  return db.select().from(schema.users).where(eq(schema.users.email, email)).get()!.id;
}

/** The email of the owner of some buyer organisation other than the demo buyer. */
export function otherBuyerEmail() {
  const demoBuyer = orgOf(demo.buyer).id;
  return db
    .select({ email: schema.users.email })
    .from(schema.memberships)
    .innerJoin(schema.users, eq(schema.users.id, schema.memberships.userId))
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.memberships.organisationId))
    .where(and(eq(schema.organisations.kind, "buyer"), ne(schema.organisations.id, demoBuyer)))
    .get()!.email;
}

/** Another cooperative's owner (not the demo cooperative). */
export function otherCooperativeEmail() {
  const demoCoop = orgOf(demo.cooperative).id;
  return db
    .select({ email: schema.users.email })
    .from(schema.memberships)
    .innerJoin(schema.users, eq(schema.users.id, schema.memberships.userId))
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.memberships.organisationId))
    .where(and(eq(schema.organisations.kind, "cooperative"), ne(schema.organisations.id, demoCoop), eq(schema.organisations.status, "active")))
    .get()!.email;
}

/** A published product of the demo cooperative, set to a known price, MOQ, stock and tiers. */
export function prepareProduct({ index = 0, price = 100_000, minOrderQty = 10, stock = 1_000, tiers = [{ minQty: 100, unitPrice: 90_000 }] }: { index?: number; price?: number; minOrderQty?: number; stock?: number; tiers?: { minQty: number; unitPrice: number }[] } = {}) {
  const coop = orgOf(demo.cooperative).id;
  const product = db
    .select()
    .from(schema.products)
    .where(and(eq(schema.products.cooperativeId, coop), eq(schema.products.status, "published")))
    .orderBy(schema.products.id)
    .all()[index]!;
  db.update(schema.products).set({ price, minOrderQty, stock }).where(eq(schema.products.id, product.id)).run();
  db.delete(schema.priceTiers).where(eq(schema.priceTiers.productId, product.id)).run();
  if (tiers.length) db.insert(schema.priceTiers).values(tiers.map((t) => ({ ...t, productId: product.id }))).run();
  return { ...product, price, minOrderQty, stock };
}

export function stockOf(productId: number) {
  return db.select({ stock: schema.products.stock }).from(schema.products).where(eq(schema.products.id, productId)).get()!.stock;
}

export function clearCart(email: string) {
  db.delete(schema.cartItems).where(eq(schema.cartItems.buyerId, orgOf(email).id)).run();
}

export const delivery = { provinceCode: "79", commune: "Phường Thủ Đức", address: "Kho số 3, đường số 9", contactPhone: "0912345678", requestedDate: "2027-01-15", notes: "Giao giờ hành chính" };

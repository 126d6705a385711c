import { and, asc, eq, isNotNull } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { createSession } from "~/services/auth.server";

export const ORIGIN = "http://localhost:3000";

export type DataResult = { init: { status?: number; headers?: HeadersInit } | null; data: unknown };

export function statusOf(result: unknown): number {
  if (result instanceof Response) return result.status;
  return (result as DataResult).init?.status ?? 200;
}

/** Runs a loader/action and returns a thrown Response as a value, so tests can look at 404s and redirects. */
export async function settle<T>(fn: () => Promise<T> | T): Promise<T | Response> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
}

export function sessionCookie(email: string) {
  const user = db.select().from(schema.users).where(eq(schema.users.email, email)).get()!;
  const header = createSession({ userId: user.id, request: new Request(ORIGIN) });
  return header.split(";")[0]!;
}

/** The demo cooperative's serialised lot (the seed's first), its product and GTIN. */
export function demoLot() {
  const coop = db.select().from(schema.organisations).where(eq(schema.organisations.slug, "htx-nong-nghiep-phu-ngai")).get()!;
  const row = db
    .select({ lot: schema.lots, product: schema.products })
    .from(schema.lots)
    .innerJoin(schema.products, eq(schema.products.id, schema.lots.productId))
    .where(and(eq(schema.lots.cooperativeId, coop.id), isNotNull(schema.products.gtin), eq(schema.lots.serialised, true)))
    .orderBy(asc(schema.lots.id))
    .get()!;
  return { coop, lot: row.lot, product: row.product, gtin: row.product.gtin! };
}

export function otherCoopLot(cooperativeId: number) {
  return db
    .select()
    .from(schema.lots)
    .where(and(isNotNull(schema.lots.id)))
    .all()
    .find((l) => l.cooperativeId !== cooperativeId)!;
}

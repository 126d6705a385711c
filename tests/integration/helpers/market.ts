import { count, eq } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { todayInVietnam } from "~/lib/certificates";
import { addDaysToDate } from "~/lib/dates";
import { ORIGIN } from "./orders";

export const today = () => todayInVietnam();
export const inDays = (n: number) => addDaysToDate(todayInVietnam(), n);

/** A urlencoded POST whose fields may repeat (checkbox groups). */
export function postForm(path: string, fields: Record<string, string | number | (string | number)[]>, cookie?: string) {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, String(x));
  return new Request(`${ORIGIN}${path}`, { method: "POST", body, headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) } });
}

export function validRequest(overrides: Record<string, string | number | (string | number)[]> = {}) {
  return {
    intent: "publish",
    title: "Bưởi da xanh loại 1",
    categoryCode: "I.1.a",
    quantity: "5",
    unit: "tan",
    certifications: ["vietgap"],
    provinces: "Bến Tre",
    deliveryFrom: inDays(10),
    deliveryTo: inDays(30),
    deliveryProvince: "79",
    closingDate: inDays(5),
    visibility: "public",
    ...overrides,
  };
}

export const tableCounts = () => ({
  requests: db.select({ n: count() }).from(schema.requests).get()!.n,
  provinces: db.select({ n: count() }).from(schema.requestProvinces).get()!.n,
  certs: db.select({ n: count() }).from(schema.requestCertifications).get()!.n,
  matches: db.select({ n: count() }).from(schema.requestMatches).get()!.n,
  offers: db.select({ n: count() }).from(schema.offers).get()!.n,
  revisions: db.select({ n: count() }).from(schema.offerRevisions).get()!.n,
  orders: db.select({ n: count() }).from(schema.orders).get()!.n,
  notifications: db.select({ n: count() }).from(schema.notifications).get()!.n,
  outbox: db.select({ n: count() }).from(schema.outbox).get()!.n,
});

export function coopEmail(name: string) {
  return db
    .select({ email: schema.users.email })
    .from(schema.memberships)
    .innerJoin(schema.users, eq(schema.users.id, schema.memberships.userId))
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.memberships.organisationId))
    .where(eq(schema.organisations.name, name))
    .get()!.email;
}

export function productOf(cooperativeId: number, nameStartsWith: string, unit = "kg") {
  return db
    .select()
    .from(schema.products)
    .where(eq(schema.products.cooperativeId, cooperativeId))
    .all()
    .find((p) => p.status === "published" && p.nameVi.startsWith(nameStartsWith) && p.unit === unit)!;
}

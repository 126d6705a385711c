import { and, count, eq, ne } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { addDaysToDate } from "~/lib/dates";
import { todayInVietnam } from "~/lib/certificates";
import { ORIGIN, orgOf } from "./helpers/orders";

export const lienminh = "lienminh@demo.chohtx.vn";

/** Row counts of every fair table, to assert that a refused request wrote nothing. */
export function fairCounts() {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const n = (table: any) => db.select({ n: count() }).from(table).get()!.n as number;
  return {
    fairs: n(schema.fairs),
    invitations: n(schema.fairInvitations),
    booths: n(schema.fairBooths),
    boothProducts: n(schema.fairBoothProducts),
    leads: n(schema.fairLeads),
    attributions: n(schema.fairAttributions),
    threads: n(schema.threads),
    messages: n(schema.messages),
    organisations: n(schema.organisations),
  };
}

/** The admin of another province's alliance. */
export function otherAllianceEmail() {
  const home = orgOf(lienminh);
  return db
    .select({ email: schema.users.email })
    .from(schema.memberships)
    .innerJoin(schema.users, eq(schema.users.id, schema.memberships.userId))
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.memberships.organisationId))
    .where(and(eq(schema.organisations.kind, "alliance"), ne(schema.organisations.id, home.id)))
    .get()!.email;
}

export const today = () => todayInVietnam();
export const inDays = (n: number) => addDaysToDate(todayInVietnam(), n);

/** A fresh fair of the Vĩnh Long alliance, open for registration, with the demo cooperative invited if asked. */
export function makeFair({ invite = [] as number[], deadline = inDays(10), start = inDays(14) } = {}) {
  const alliance = orgOf(lienminh);
  const provinceCode = db.select({ p: schema.organisations.provinceCode }).from(schema.organisations).where(eq(schema.organisations.id, alliance.id)).get()!.p;
  const fair = db
    .insert(schema.fairs)
    .values({ organiserId: alliance.id, name: `Hội chợ thử ${Math.random().toString(36).slice(2, 7)}`, startDate: start, endDate: addDaysToDate(start, 2), registrationDeadline: deadline, venue: "Nhà văn hóa", provinceCode })
    .returning()
    .get();
  for (const cooperativeId of invite) db.insert(schema.fairInvitations).values({ fairId: fair.id, cooperativeId }).run();
  return fair;
}

export function publishedProductIds(cooperativeId: number, n = 3) {
  return db
    .select({ id: schema.products.id })
    .from(schema.products)
    .where(and(eq(schema.products.cooperativeId, cooperativeId), eq(schema.products.status, "published")))
    .limit(n)
    .all()
    .map((r) => r.id);
}

/** A registered booth of the demo cooperative in a new fair. */
export function makeBooth(cooperativeId: number, fairId?: number) {
  const fair = fairId ? db.select().from(schema.fairs).where(eq(schema.fairs.id, fairId)).get()! : makeFair({ invite: [cooperativeId] });
  const booth = db.insert(schema.fairBooths).values({ fairId: fair.id, cooperativeId, boothNumber: `T${Math.floor(Math.random() * 1e6)}` }).returning().get();
  publishedProductIds(cooperativeId, 2).forEach((productId, position) => db.insert(schema.fairBoothProducts).values({ boothId: booth.id, productId, position }).run());
  return { fair, booth };
}

/** A form POST with extra headers (client address, cookies). */
export function postWith(path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return new Request(`${ORIGIN}${path}`, {
    method: "POST",
    body: new URLSearchParams(Object.entries(fields)),
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
  });
}

export function postPairs(path: string, pairs: [string, string][], cookie: string) {
  return new Request(`${ORIGIN}${path}`, {
    method: "POST",
    body: new URLSearchParams(pairs),
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
  });
}

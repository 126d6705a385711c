import { and, asc, count, desc, eq, gte, inArray, isNotNull, like, lt, ne, or, sql } from "drizzle-orm";
import { db, schema } from "~/db.server";
import type { FairState } from "~/lib/fair-rules";
import { fold } from "~/lib/text";
import { activeBadgesForProducts, activeCertificateWhere } from "~/models/badges.server";

/** A rule of the fair broken by a write: the route turns it into a form error with this status. */
export class FairError extends Error {
  constructor(
    public status: 400 | 404 | 409,
    public messageKey: string,
    public field?: string,
  ) {
    super(messageKey);
  }
}

export type Fair = typeof schema.fairs.$inferSelect;
export type FairInput = {
  name: string;
  startDate: string;
  endDate: string;
  registrationDeadline: string;
  venue: string;
  provinceCode: string;
  description?: string | null;
  state: FairState;
};

/* ---------------------------------------------------------------- Organiser side */

/** The province's alliance organisation, which organises its fairs. */
export function getProvinceAlliance({ provinceCode }: { provinceCode: string }) {
  return (
    db
      .select({ id: schema.organisations.id, name: schema.organisations.name })
      .from(schema.organisations)
      .where(and(eq(schema.organisations.kind, "alliance"), eq(schema.organisations.provinceCode, provinceCode)))
      .orderBy(asc(schema.organisations.id))
      .get() ?? null
  );
}

export function createFair({ input, organiserId, userId }: { input: FairInput; organiserId: number; userId: number }) {
  return db
    .insert(schema.fairs)
    .values({ ...input, description: input.description ?? null, organiserId, createdBy: userId })
    .returning({ id: schema.fairs.id })
    .get();
}

/** Province and organiser stay as they were: a fair does not move to another alliance by editing it. */
export function updateFair({ id, input }: { id: number; input: Omit<FairInput, "provinceCode"> }) {
  db.update(schema.fairs)
    .set({ ...input, description: input.description ?? null, updatedAt: new Date().toISOString() })
    .where(eq(schema.fairs.id, id))
    .run();
}

export function getFair({ id }: { id: number }): Fair | null {
  return db.select().from(schema.fairs).where(eq(schema.fairs.id, id)).get() ?? null;
}

/** Fairs of a province (null: all), newest first, with their booth and lead counts. */
export function listFairsForOrganiser({ provinceCode }: { provinceCode: string | null }) {
  return db
    .select({
      id: schema.fairs.id,
      name: schema.fairs.name,
      startDate: schema.fairs.startDate,
      endDate: schema.fairs.endDate,
      venue: schema.fairs.venue,
      state: schema.fairs.state,
      provinceName: schema.provinces.name,
      booths: sql<number>`(select count(*) from fair_booths b where b.fair_id = ${schema.fairs.id} and b.state = 'registered')`,
      leads: sql<number>`(select count(*) from fair_leads l where l.fair_id = ${schema.fairs.id})`,
    })
    .from(schema.fairs)
    .innerJoin(schema.provinces, eq(schema.provinces.code, schema.fairs.provinceCode))
    .where(provinceCode ? eq(schema.fairs.provinceCode, provinceCode) : undefined)
    .orderBy(desc(schema.fairs.startDate))
    .limit(200)
    .all();
}

/**
 * Cooperatives an organiser may invite, found by folded name and optionally a province, with whether each is
 * already invited or registered. Active cooperatives only.
 */
export function searchInvitableCooperatives({ fairId, q, provinceCode }: { fairId: number; q: string; provinceCode: string | null }) {
  const folded = fold(q.trim());
  // Every cooperative of the country at once helps no one: across provinces a name is needed.
  if (!provinceCode && !folded) return [];
  const rows = db
    .select({
      id: schema.organisations.id,
      name: schema.organisations.name,
      provinceName: schema.provinces.name,
      invited: sql<number>`exists(select 1 from fair_invitations i where i.fair_id = ${fairId} and i.cooperative_id = ${schema.organisations.id})`,
    })
    .from(schema.organisations)
    .innerJoin(schema.provinces, eq(schema.provinces.code, schema.organisations.provinceCode))
    .where(
      and(
        eq(schema.organisations.kind, "cooperative"),
        eq(schema.organisations.status, "active"),
        provinceCode ? eq(schema.organisations.provinceCode, provinceCode) : undefined,
      ),
    )
    .orderBy(asc(schema.organisations.name))
    .all();
  // Folding happens in JS (đ→d and tone marks); the cooperative list of one province is small.
  return rows.filter((r) => !folded || fold(r.name).includes(folded)).slice(0, 30);
}

/** Invites an active cooperative; inviting twice changes nothing. Null when there is no such cooperative. */
export function inviteCooperative({ fairId, cooperativeId, userId }: { fairId: number; cooperativeId: number; userId: number }): "invited" | "already" | null {
  const coop = db
    .select({ id: schema.organisations.id })
    .from(schema.organisations)
    .where(and(eq(schema.organisations.id, cooperativeId), eq(schema.organisations.kind, "cooperative"), eq(schema.organisations.status, "active")))
    .get();
  if (!coop) return null;
  const result = db.insert(schema.fairInvitations).values({ fairId, cooperativeId, invitedBy: userId }).onConflictDoNothing().run();
  return result.changes ? "invited" : "already";
}

export function listInvitations({ fairId }: { fairId: number }) {
  return db
    .select({
      cooperativeId: schema.fairInvitations.cooperativeId,
      name: schema.organisations.name,
      provinceName: schema.provinces.name,
      invitedAt: schema.fairInvitations.createdAt,
      boothId: schema.fairBooths.id,
      boothState: schema.fairBooths.state,
    })
    .from(schema.fairInvitations)
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.fairInvitations.cooperativeId))
    .innerJoin(schema.provinces, eq(schema.provinces.code, schema.organisations.provinceCode))
    .leftJoin(schema.fairBooths, and(eq(schema.fairBooths.fairId, schema.fairInvitations.fairId), eq(schema.fairBooths.cooperativeId, schema.fairInvitations.cooperativeId)))
    .where(eq(schema.fairInvitations.fairId, fairId))
    .orderBy(asc(schema.organisations.name))
    .all();
}

/** Assigns (or clears) a booth number; 409 when another booth of the fair has it. */
export function assignBoothNumber({ fairId, boothId, boothNumber }: { fairId: number; boothId: number; boothNumber: string | null }) {
  return db.transaction((tx) => {
    const booth = tx
      .select({ id: schema.fairBooths.id })
      .from(schema.fairBooths)
      .where(and(eq(schema.fairBooths.id, boothId), eq(schema.fairBooths.fairId, fairId)))
      .get();
    if (!booth) throw new FairError(404, "fairs.errors.boothNotFound");
    const number = boothNumber ? boothNumber.toUpperCase() : null;
    if (number) {
      const taken = tx
        .select({ id: schema.fairBooths.id })
        .from(schema.fairBooths)
        .where(and(eq(schema.fairBooths.fairId, fairId), eq(schema.fairBooths.boothNumber, number), ne(schema.fairBooths.id, boothId)))
        .get();
      if (taken) throw new FairError(409, "fairs.errors.boothNumberTaken", "boothNumber");
    }
    tx.update(schema.fairBooths).set({ boothNumber: number, updatedAt: new Date().toISOString() }).where(eq(schema.fairBooths.id, boothId)).run();
  });
}

/* ---------------------------------------------------------------- Cooperative side */

/** The fairs a cooperative is invited to, newest first, with its booth if it registered. */
export function listFairsForCooperative({ cooperativeId }: { cooperativeId: number }) {
  return db
    .select({
      id: schema.fairs.id,
      name: schema.fairs.name,
      startDate: schema.fairs.startDate,
      endDate: schema.fairs.endDate,
      venue: schema.fairs.venue,
      registrationDeadline: schema.fairs.registrationDeadline,
      state: schema.fairs.state,
      boothId: schema.fairBooths.id,
      boothNumber: schema.fairBooths.boothNumber,
      boothState: schema.fairBooths.state,
    })
    .from(schema.fairInvitations)
    .innerJoin(schema.fairs, eq(schema.fairs.id, schema.fairInvitations.fairId))
    .leftJoin(schema.fairBooths, and(eq(schema.fairBooths.fairId, schema.fairs.id), eq(schema.fairBooths.cooperativeId, cooperativeId)))
    .where(and(eq(schema.fairInvitations.cooperativeId, cooperativeId), ne(schema.fairs.state, "draft")))
    .orderBy(desc(schema.fairs.startDate))
    .all();
}

/** A fair as an invited cooperative sees it; null when it is not invited (or the fair is a draft). */
export function getFairForCooperative({ fairId, cooperativeId }: { fairId: number; cooperativeId: number }) {
  const row = db
    .select({ fair: schema.fairs })
    .from(schema.fairInvitations)
    .innerJoin(schema.fairs, eq(schema.fairs.id, schema.fairInvitations.fairId))
    .where(and(eq(schema.fairInvitations.fairId, fairId), eq(schema.fairInvitations.cooperativeId, cooperativeId), ne(schema.fairs.state, "draft")))
    .get();
  if (!row) return null;
  const booth = db
    .select()
    .from(schema.fairBooths)
    .where(and(eq(schema.fairBooths.fairId, fairId), eq(schema.fairBooths.cooperativeId, cooperativeId)))
    .get();
  const productIds = booth
    ? db
        .select({ id: schema.fairBoothProducts.productId })
        .from(schema.fairBoothProducts)
        .where(eq(schema.fairBoothProducts.boothId, booth.id))
        .orderBy(asc(schema.fairBoothProducts.position))
        .all()
        .map((r) => r.id)
    : [];
  return { fair: row.fair, booth: booth ?? null, productIds };
}

/** The cooperative's published products, the only ones it may show at a booth. */
export function listOwnPublishedProducts({ cooperativeId }: { cooperativeId: number }) {
  return db
    .select({ id: schema.products.id, name: schema.products.nameVi, nameEn: schema.products.nameEn })
    .from(schema.products)
    .where(and(eq(schema.products.cooperativeId, cooperativeId), eq(schema.products.status, "published")))
    .orderBy(asc(schema.products.nameVi))
    .all();
}

/**
 * Registers (or re-registers with other products) in one transaction. The caller has checked the invitation and the
 * deadline; this checks every product is the cooperative's own and published, so a forged id writes nothing.
 */
export function registerForFair({ fairId, cooperativeId, userId, productIds }: { fairId: number; cooperativeId: number; userId: number; productIds: number[] }) {
  return db.transaction((tx) => {
    const own = tx
      .select({ id: schema.products.id })
      .from(schema.products)
      .where(and(inArray(schema.products.id, productIds), eq(schema.products.cooperativeId, cooperativeId), eq(schema.products.status, "published")))
      .all();
    if (own.length !== productIds.length) throw new FairError(400, "fairs.errors.notYourProducts", "productIds");
    const now = new Date().toISOString();
    const booth = tx
      .insert(schema.fairBooths)
      .values({ fairId, cooperativeId, registeredBy: userId, state: "registered" })
      .onConflictDoUpdate({ target: [schema.fairBooths.fairId, schema.fairBooths.cooperativeId], set: { state: "registered", updatedAt: now } })
      .returning({ id: schema.fairBooths.id })
      .get();
    tx.delete(schema.fairBoothProducts).where(eq(schema.fairBoothProducts.boothId, booth.id)).run();
    tx.insert(schema.fairBoothProducts)
      .values(productIds.map((productId, position) => ({ boothId: booth.id, productId, position })))
      .run();
    return { boothId: booth.id };
  });
}

/** Withdraws before the deadline: the booth stays (its leads with it) but is no longer listed. */
export function withdrawFromFair({ fairId, cooperativeId }: { fairId: number; cooperativeId: number }) {
  db.update(schema.fairBooths)
    .set({ state: "withdrawn", boothNumber: null, updatedAt: new Date().toISOString() })
    .where(and(eq(schema.fairBooths.fairId, fairId), eq(schema.fairBooths.cooperativeId, cooperativeId)))
    .run();
}

/* ---------------------------------------------------------------- Public side */

/** Published and cancelled fairs, split on Viet Nam's today: those not yet over (soonest first) and past ones. */
export function listPublicFairs({ today }: { today: string }) {
  const base = db
    .select({
      id: schema.fairs.id,
      name: schema.fairs.name,
      startDate: schema.fairs.startDate,
      endDate: schema.fairs.endDate,
      venue: schema.fairs.venue,
      state: schema.fairs.state,
      provinceName: schema.provinces.name,
      organiserName: schema.organisations.name,
      booths: sql<number>`(select count(*) from fair_booths b where b.fair_id = ${schema.fairs.id} and b.state = 'registered')`,
    })
    .from(schema.fairs)
    .innerJoin(schema.provinces, eq(schema.provinces.code, schema.fairs.provinceCode))
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.fairs.organiserId));
  const visible = ne(schema.fairs.state, "draft");
  return {
    upcoming: base.where(and(visible, gte(schema.fairs.endDate, today))).orderBy(asc(schema.fairs.startDate)).limit(50).all(),
    past: base.where(and(visible, lt(schema.fairs.endDate, today))).orderBy(desc(schema.fairs.startDate)).limit(50).all(),
  };
}

/** A fair anyone may see: not a draft. */
export function getPublicFair({ id }: { id: number }) {
  return (
    db
      .select({ fair: schema.fairs, provinceName: schema.provinces.name, organiserName: schema.organisations.name })
      .from(schema.fairs)
      .innerJoin(schema.provinces, eq(schema.provinces.code, schema.fairs.provinceCode))
      .innerJoin(schema.organisations, eq(schema.organisations.id, schema.fairs.organiserId))
      .where(and(eq(schema.fairs.id, id), ne(schema.fairs.state, "draft")))
      .get() ?? null
  );
}

export type BoothFilters = { province?: string | null; category?: string | null; stars?: number | null; q?: string | null };

/**
 * The fair's booths with their shown products and badges, filtered: the cooperative's province; a booth shows a
 * product of the category group (or sub-group); a product with an active OCOP certificate of at least `stars`;
 * text in the cooperative's or a product's name (folded). A fair has tens of booths, so filtering in memory
 * after two indexed queries is simpler than SQL and as fast.
 */
export function listPublicBooths({ fairId, filters = {}, today }: { fairId: number; filters?: BoothFilters; today?: string }) {
  const booths = db
    .select({
      id: schema.fairBooths.id,
      boothNumber: schema.fairBooths.boothNumber,
      cooperativeId: schema.organisations.id,
      cooperativeName: schema.organisations.name,
      cooperativeSlug: schema.organisations.slug,
      provinceCode: schema.organisations.provinceCode,
      provinceName: schema.provinces.name,
      verified: sql<boolean>`${schema.organisations.verifiedAt} is not null`,
    })
    .from(schema.fairBooths)
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.fairBooths.cooperativeId))
    .innerJoin(schema.provinces, eq(schema.provinces.code, schema.organisations.provinceCode))
    .where(and(eq(schema.fairBooths.fairId, fairId), eq(schema.fairBooths.state, "registered"), eq(schema.organisations.status, "active")))
    .orderBy(sql`${schema.fairBooths.boothNumber} is null`, asc(schema.fairBooths.boothNumber), asc(schema.organisations.name))
    .all();
  const products = booths.length ? boothProducts({ boothIds: booths.map((b) => b.id), today }) : new Map<number, BoothProduct[]>();
  const q = filters.q ? fold(filters.q.trim()) : "";
  const all = booths.map((b) => ({ ...b, products: products.get(b.id) ?? [] }));
  const filtered = all.filter((b) => {
    if (filters.province && b.provinceCode !== filters.province) return false;
    if (filters.category && !b.products.some((p) => p.categoryCode === filters.category || p.categoryCode.startsWith(`${filters.category}.`))) return false;
    if (filters.stars && !b.products.some((p) => (p.ocopStars ?? 0) >= filters.stars!)) return false;
    if (q && !fold(b.cooperativeName).includes(q) && !b.products.some((p) => fold(p.name).includes(q))) return false;
    return true;
  });
  return { booths: filtered, total: all.length, provinces: uniqueBy(all.map((b) => ({ code: b.provinceCode, name: b.provinceName })), (p) => p.code) };
}

function uniqueBy<T>(items: T[], key: (t: T) => string) {
  const seen = new Set<string>();
  return items.filter((i) => (seen.has(key(i)) ? false : (seen.add(key(i)), true)));
}

export type BoothProduct = {
  id: number;
  name: string;
  nameEn: string | null;
  categoryCode: string;
  price: number;
  unit: string;
  ocopStars: number | null;
  badges: { type: string; ocopStars: number | null }[];
};

/** Shown products per booth (published ones only, in the cooperative's order) with their active badges. */
export function boothProducts({ boothIds, today }: { boothIds: number[]; today?: string }) {
  const rows = db
    .select({
      boothId: schema.fairBoothProducts.boothId,
      id: schema.products.id,
      name: schema.products.nameVi,
      nameEn: schema.products.nameEn,
      categoryCode: schema.products.categoryCode,
      price: schema.products.price,
      unit: schema.products.unit,
    })
    .from(schema.fairBoothProducts)
    .innerJoin(schema.products, eq(schema.products.id, schema.fairBoothProducts.productId))
    .where(and(inArray(schema.fairBoothProducts.boothId, boothIds), eq(schema.products.status, "published")))
    .orderBy(asc(schema.fairBoothProducts.boothId), asc(schema.fairBoothProducts.position))
    .all();
  const badges = activeBadgesForProducts({ productIds: rows.map((r) => r.id), today });
  const result = new Map<number, BoothProduct[]>();
  for (const { boothId, ...p } of rows) {
    const b = badges.get(p.id) ?? [];
    const stars = b.filter((x) => x.type === "ocop" && x.ocopStars).map((x) => x.ocopStars!);
    const list = result.get(boothId) ?? [];
    list.push({ ...p, badges: b, ocopStars: stars.length ? Math.max(...stars) : null });
    result.set(boothId, list);
  }
  return result;
}

/** One booth of a visible fair, with its cooperative, shown products and the cooperative's active certificates. */
export function getPublicBooth({ fairId, boothId, today }: { fairId: number; boothId: number; today?: string }) {
  const booth = db
    .select({
      id: schema.fairBooths.id,
      boothNumber: schema.fairBooths.boothNumber,
      state: schema.fairBooths.state,
      cooperativeId: schema.organisations.id,
      cooperativeName: schema.organisations.name,
      cooperativeSlug: schema.organisations.slug,
      cooperativeType: schema.organisations.cooperativeType,
      commune: schema.organisations.commune,
      provinceName: schema.provinces.name,
      descriptionVi: schema.organisations.descriptionVi,
      descriptionEn: schema.organisations.descriptionEn,
      verified: sql<boolean>`${schema.organisations.verifiedAt} is not null`,
    })
    .from(schema.fairBooths)
    .innerJoin(schema.fairs, eq(schema.fairs.id, schema.fairBooths.fairId))
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.fairBooths.cooperativeId))
    .innerJoin(schema.provinces, eq(schema.provinces.code, schema.organisations.provinceCode))
    .where(
      and(
        eq(schema.fairBooths.id, boothId),
        eq(schema.fairBooths.fairId, fairId),
        eq(schema.fairBooths.state, "registered"),
        ne(schema.fairs.state, "draft"),
        eq(schema.organisations.status, "active"),
      ),
    )
    .get();
  if (!booth) return null;
  const certificates = db
    .select({
      type: schema.certificates.type,
      number: schema.certificates.number,
      issuer: schema.certificates.issuer,
      ocopStars: schema.certificates.ocopStars,
      expiryDate: schema.certificates.expiryDate,
    })
    .from(schema.certificates)
    .where(and(eq(schema.certificates.cooperativeId, booth.cooperativeId), activeCertificateWhere(today)))
    .orderBy(asc(schema.certificates.type))
    .all();
  return { booth, products: boothProducts({ boothIds: [booth.id], today }).get(booth.id) ?? [], certificates };
}

/** Booth ids of the cookie that belong to the cooperative, most recent visit first (cookie order kept). */
export function boothsOfCooperative({ boothIds, cooperativeId }: { boothIds: number[]; cooperativeId: number }) {
  if (!boothIds.length) return [];
  const rows = db
    .select({ id: schema.fairBooths.id, fairId: schema.fairBooths.fairId })
    .from(schema.fairBooths)
    .where(and(inArray(schema.fairBooths.id, boothIds), eq(schema.fairBooths.cooperativeId, cooperativeId), eq(schema.fairBooths.state, "registered")))
    .all();
  return boothIds.map((id) => rows.find((r) => r.id === id)).filter((r): r is { id: number; fairId: number } => !!r);
}

/** Counts for the organiser's list of registrations. */
export function listBoothsForOrganiser({ fairId }: { fairId: number }) {
  return db
    .select({
      id: schema.fairBooths.id,
      boothNumber: schema.fairBooths.boothNumber,
      state: schema.fairBooths.state,
      cooperativeId: schema.organisations.id,
      cooperativeName: schema.organisations.name,
      provinceName: schema.provinces.name,
      registeredAt: schema.fairBooths.createdAt,
      products: sql<number>`(select count(*) from fair_booth_products p where p.booth_id = ${schema.fairBooths.id})`,
      leads: sql<number>`(select count(*) from fair_leads l where l.booth_id = ${schema.fairBooths.id})`,
      inquiries: sql<number>`(select count(*) from fair_attributions a where a.booth_id = ${schema.fairBooths.id} and a.kind = 'inquiry')`,
      orders: sql<number>`(select count(*) from fair_attributions a where a.booth_id = ${schema.fairBooths.id} and a.kind = 'order')`,
      orderValue: sql<number>`(select coalesce(sum(o.total), 0) from fair_attributions a join orders o on o.id = a.order_id
        where a.booth_id = ${schema.fairBooths.id} and a.kind = 'order' and o.status not in ('cancelled', 'rejected', 'expired'))`,
    })
    .from(schema.fairBooths)
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.fairBooths.cooperativeId))
    .innerJoin(schema.provinces, eq(schema.provinces.code, schema.organisations.provinceCode))
    .where(eq(schema.fairBooths.fairId, fairId))
    .orderBy(sql`${schema.fairBooths.boothNumber} is null`, asc(schema.fairBooths.boothNumber), asc(schema.organisations.name))
    .all();
}

/** What a poster needs: the fair, the booth's cooperative and number, and its shown products with OCOP stars. */
export function getBoothPoster({ boothId, fairId }: { boothId: number; fairId: number }) {
  const row = db
    .select({ booth: schema.fairBooths, fair: schema.fairs, cooperativeName: schema.organisations.name, provinceName: schema.provinces.name })
    .from(schema.fairBooths)
    .innerJoin(schema.fairs, eq(schema.fairs.id, schema.fairBooths.fairId))
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.fairBooths.cooperativeId))
    .innerJoin(schema.provinces, eq(schema.provinces.code, schema.organisations.provinceCode))
    .where(and(eq(schema.fairBooths.id, boothId), eq(schema.fairBooths.fairId, fairId), eq(schema.fairBooths.state, "registered")))
    .get();
  if (!row) return null;
  return { ...row, products: boothProducts({ boothIds: [boothId] }).get(boothId) ?? [] };
}


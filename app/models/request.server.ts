import { and, asc, desc, eq, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { todayInVietnam } from "~/lib/certificates";
import { canTransitionRequest, coverage, nextRequestState, unitFactor, type RequestAction, type RequestState, type SaleUnit } from "~/lib/market-rules";
import { fold } from "~/lib/text";
import { OrderError } from "~/models/order.server";
import { rankCooperatives, type Match } from "~/models/match.server";

/*
 * Buyer requests: writing them, who may see them, the demand board and the state machine. Every read that can
 * show a request first closes those past their closing date (closeDueRequests), so a request never looks open the
 * day after it closed even if no job ran.
 */

export type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];
export type RequestRow = typeof schema.requests.$inferSelect;

export type NewRequest = {
  title: string;
  description?: string | null;
  categoryCode: string;
  productId?: number | null;
  quantity: number;
  unit: SaleUnit;
  certifications: { type: (typeof schema.certificateTypes)[number]; minStars?: number | null }[];
  provinces: string[];
  deliveryFrom: string;
  deliveryTo: string;
  deliveryProvinceCode: string;
  targetPrice?: number | null;
  paymentTerms?: string | null;
  closingDate: string;
  visibility: "public" | "invited";
  showBuyerName: boolean;
  publish: boolean;
};

function searchTextOf(v: { title: string; description?: string | null; categoryCode: string }) {
  const category = db.select().from(schema.ocopCategories).where(eq(schema.ocopCategories.code, v.categoryCode)).get();
  return fold([v.title, v.description ?? "", category?.nameVi ?? "", category?.groupVi ?? ""].join(" "));
}

/** Writes a request with its provinces and certifications in one transaction; when published, ranks matches too. */
export function createRequest({ buyerId, userId, values }: { buyerId: number; userId: number; values: NewRequest }) {
  const now = new Date().toISOString();
  const matches = values.publish ? rankFor(values) : [];
  return db.transaction(
    (tx) => {
      const row = tx
        .insert(schema.requests)
        .values({
          buyerId,
          createdBy: userId,
          title: values.title,
          description: values.description ?? null,
          categoryCode: values.categoryCode,
          productId: values.productId ?? null,
          quantity: values.quantity,
          unit: values.unit,
          deliveryFrom: values.deliveryFrom,
          deliveryTo: values.deliveryTo,
          deliveryProvinceCode: values.deliveryProvinceCode,
          targetPrice: values.targetPrice ?? null,
          paymentTerms: values.paymentTerms ?? null,
          closingDate: values.closingDate,
          visibility: values.visibility,
          showBuyerName: values.showBuyerName,
          state: values.publish ? "open" : "draft",
          searchText: searchTextOf(values),
          publishedAt: values.publish ? now : null,
          createdAt: now,
        })
        .returning()
        .get();
      if (values.provinces.length) tx.insert(schema.requestProvinces).values(values.provinces.map((provinceCode) => ({ requestId: row.id, provinceCode }))).run();
      if (values.certifications.length)
        tx.insert(schema.requestCertifications).values(values.certifications.map((c) => ({ requestId: row.id, type: c.type, minStars: c.minStars ?? null }))).run();
      if (values.publish) storeMatches(tx, row.id, matches);
      return { request: row, matches };
    },
    { behavior: "immediate" },
  );
}

function rankFor(v: Pick<NewRequest, "title" | "categoryCode" | "quantity" | "unit" | "deliveryFrom" | "deliveryTo" | "certifications" | "provinces">) {
  return rankCooperatives({
    title: v.title,
    categoryCode: v.categoryCode,
    quantity: v.quantity,
    unit: v.unit,
    deliveryFrom: v.deliveryFrom,
    deliveryTo: v.deliveryTo,
    certifications: v.certifications,
    provinces: v.provinces,
  });
}

function storeMatches(tx: Tx, requestId: number, matches: Match[]) {
  tx.delete(schema.requestMatches).where(eq(schema.requestMatches.requestId, requestId)).run();
  if (!matches.length) return;
  tx.insert(schema.requestMatches)
    .values(matches.map((m, i) => ({ requestId, cooperativeId: m.cooperativeId, productId: m.productId, rank: i + 1, score: m.score, reasons: m.reasons, gaps: m.gaps })))
    .run();
}

/** The request's conditions as matching reads them. */
export function requestConditions(id: number) {
  const request = db.select().from(schema.requests).where(eq(schema.requests.id, id)).get();
  if (!request) return null;
  const provinces = db.select().from(schema.requestProvinces).where(eq(schema.requestProvinces.requestId, id)).all().map((p) => p.provinceCode);
  const certifications = db
    .select({ type: schema.requestCertifications.type, minStars: schema.requestCertifications.minStars })
    .from(schema.requestCertifications)
    .where(eq(schema.requestCertifications.requestId, id))
    .all();
  return { request, provinces, certifications };
}

/** Ranks again (the catalogue and certificates change) and replaces the cached matches. Buyer only. */
export function refreshMatches({ id, buyerId }: { id: number; buyerId: number }) {
  const c = requestConditions(id);
  if (!c || c.request.buyerId !== buyerId) throw new OrderError(404, "market.errors.requestNotFound");
  const matches = rankFor({ ...c.request, certifications: c.certifications, provinces: c.provinces });
  db.transaction((tx) => storeMatches(tx, id, matches));
  return matches;
}

/* ---------------------------------------------------------------- Who may see a request */

export type Viewer = { organisationId: number; kind: "buyer" | "cooperative" | "alliance" } | null;

function isInvited(requestId: number, cooperativeId: number) {
  return !!db
    .select({ r: schema.requestInvitations.requestId })
    .from(schema.requestInvitations)
    .where(and(eq(schema.requestInvitations.requestId, requestId), eq(schema.requestInvitations.cooperativeId, cooperativeId)))
    .get();
}

/**
 * The request if the viewer may see it: its buyer always; anyone a public request that was published; an invited
 * request only its invited cooperatives. Otherwise null (the route answers 404, so an invited request's existence
 * does not leak).
 */
export function getVisibleRequest({ id, viewer }: { id: number; viewer: Viewer }) {
  closeDueRequests();
  const c = requestConditions(id);
  if (!c) return null;
  const { request } = c;
  const own = viewer?.kind === "buyer" && viewer.organisationId === request.buyerId;
  const published = request.state !== "draft" && request.state !== "cancelled";
  const invited = viewer?.kind === "cooperative" && isInvited(id, viewer.organisationId);
  if (!own && !(published && (request.visibility === "public" || invited))) return null;
  const buyer = db.select().from(schema.organisations).where(eq(schema.organisations.id, request.buyerId)).get()!;
  const category = db.select().from(schema.ocopCategories).where(eq(schema.ocopCategories.code, request.categoryCode)).get() ?? null;
  const accepted = acceptedQuantities(id, request.unit);
  return {
    ...c,
    own,
    invited,
    category,
    buyer: {
      // Identity on public requests: business type and province only, unless the buyer chose to show its name.
      name: own || request.showBuyerName || invited ? buyer.name : null,
      buyerType: buyer.buyerType,
      provinceCode: buyer.provinceCode,
    },
    coverage: coverage(request.quantity, accepted),
  };
}

/** Accepted offers' quantities in the request's unit. */
export function acceptedQuantities(requestId: number, unit: SaleUnit, tx: Pick<Tx, "select"> = db): number[] {
  return tx
    .select({ quantity: schema.offers.quantity, unit: schema.products.unit })
    .from(schema.offers)
    .innerJoin(schema.products, eq(schema.products.id, schema.offers.productId))
    .where(and(eq(schema.offers.requestId, requestId), eq(schema.offers.state, "accepted")))
    .all()
    .map((o) => o.quantity * (unitFactor(o.unit, unit) ?? 0));
}

/* ---------------------------------------------------------------- Demand board */

export type BoardQuery = { q?: string; category?: string; province?: string; certification?: string; cursor?: number; limit?: number; page?: number };
export const BOARD_PAGE = 20;

/** Open public requests, newest first; `cursor` is the last id seen (keyset), `page` for the HTML pages. */
export function listBoard(query: BoardQuery) {
  closeDueRequests();
  const limit = Math.min(Math.max(query.limit ?? BOARD_PAGE, 1), 100);
  const r = schema.requests;
  const conditions: (SQL | undefined)[] = [eq(r.state, "open"), eq(r.visibility, "public")];
  if (query.category) conditions.push(query.category.includes(".") ? eq(r.categoryCode, query.category) : sql`${r.categoryCode} like ${`${query.category}.%`}`);
  if (query.province)
    conditions.push(
      or(
        eq(r.deliveryProvinceCode, query.province),
        sql`exists (select 1 from request_provinces rp where rp.request_id = ${r.id} and rp.province_code = ${query.province})`,
      ),
    );
  if (query.certification) conditions.push(sql`exists (select 1 from request_certifications rc where rc.request_id = ${r.id} and rc.type = ${query.certification})`);
  for (const word of (fold(query.q ?? "").match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 10)) {
    conditions.push(sql`${r.searchText} like ${`%${word}%`}`);
  }
  if (query.cursor) conditions.push(lt(r.id, query.cursor));
  const offset = query.cursor ? 0 : ((query.page ?? 1) - 1) * limit;
  const rows = db
    .select()
    .from(r)
    .where(and(...conditions))
    .orderBy(desc(r.id))
    .limit(limit + 1)
    .offset(offset)
    .all();
  const items = rows.slice(0, limit);
  const total = query.cursor ? null : (db.select({ n: sql<number>`count(*)` }).from(r).where(and(...conditions)).get()?.n ?? 0);
  return { items: decorate(items), nextCursor: rows.length > limit ? items.at(-1)!.id : null, total };
}

/** Buyer identity, certifications, provinces and offer counts for a list of requests. */
export function decorate(items: RequestRow[]) {
  if (!items.length) return [];
  const ids = items.map((i) => i.id);
  const certs = db.select().from(schema.requestCertifications).where(inArray(schema.requestCertifications.requestId, ids)).all();
  const provs = db.select().from(schema.requestProvinces).where(inArray(schema.requestProvinces.requestId, ids)).all();
  const buyers = new Map(
    db
      .select({ id: schema.organisations.id, name: schema.organisations.name, buyerType: schema.organisations.buyerType, provinceCode: schema.organisations.provinceCode })
      .from(schema.organisations)
      .where(inArray(schema.organisations.id, [...new Set(items.map((i) => i.buyerId))]))
      .all()
      .map((b) => [b.id, b]),
  );
  const offerCounts = new Map(
    db
      .select({ id: schema.offers.requestId, n: sql<number>`count(*)` })
      .from(schema.offers)
      .where(and(inArray(schema.offers.requestId, ids), inArray(schema.offers.state, ["submitted", "accepted"])))
      .groupBy(schema.offers.requestId)
      .all()
      .map((o) => [o.id, o.n]),
  );
  return items.map((i) => {
    const b = buyers.get(i.buyerId);
    return {
      ...i,
      certifications: certs.filter((c) => c.requestId === i.id).map((c) => ({ type: c.type, minStars: c.minStars })),
      provinces: provs.filter((p) => p.requestId === i.id).map((p) => p.provinceCode),
      buyer: { name: i.showBuyerName ? (b?.name ?? null) : null, buyerType: b?.buyerType ?? null, provinceCode: b?.provinceCode ?? null },
      offerCount: offerCounts.get(i.id) ?? 0,
    };
  });
}

export function listBuyerRequests({ buyerId }: { buyerId: number }) {
  closeDueRequests();
  const rows = db.select().from(schema.requests).where(eq(schema.requests.buyerId, buyerId)).orderBy(desc(schema.requests.id)).limit(200).all();
  return decorate(rows).map((r) => ({ ...r, buyer: { ...r.buyer, name: null } }));
}

/** A cooperative's side: requests it was invited to, and public open requests it matched. */
export function listCooperativeRequests({ cooperativeId }: { cooperativeId: number }) {
  closeDueRequests();
  const r = schema.requests;
  const rows = db
    .select()
    .from(r)
    .where(
      and(
        inArray(r.state, ["open", "closed", "fulfilled"]),
        or(
          sql`exists (select 1 from request_invitations i where i.request_id = ${r.id} and i.cooperative_id = ${cooperativeId})`,
          and(eq(r.visibility, "public"), sql`exists (select 1 from request_matches m where m.request_id = ${r.id} and m.cooperative_id = ${cooperativeId})`),
          sql`exists (select 1 from offers o where o.request_id = ${r.id} and o.cooperative_id = ${cooperativeId})`,
        ),
      ),
    )
    .orderBy(desc(r.id))
    .limit(200)
    .all();
  const ids = rows.map((x) => x.id);
  const matches = ids.length
    ? db.select().from(schema.requestMatches).where(and(inArray(schema.requestMatches.requestId, ids), eq(schema.requestMatches.cooperativeId, cooperativeId))).all()
    : [];
  const invites = ids.length
    ? new Set(db.select().from(schema.requestInvitations).where(and(inArray(schema.requestInvitations.requestId, ids), eq(schema.requestInvitations.cooperativeId, cooperativeId))).all().map((i) => i.requestId))
    : new Set<number>();
  const mine = ids.length ? db.select().from(schema.offers).where(and(inArray(schema.offers.requestId, ids), eq(schema.offers.cooperativeId, cooperativeId))).all() : [];
  // Open requests (what can still be answered) first, newest first within each group.
  const ordered = [...rows].sort((a, b) => Number(b.state === "open") - Number(a.state === "open") || b.id - a.id);
  return decorate(ordered).map((x) => ({
    ...x,
    buyer: { ...x.buyer, name: x.showBuyerName || invites.has(x.id) ? x.buyer.name : null },
    match: matches.find((m) => m.requestId === x.id) ?? null,
    invited: invites.has(x.id),
    offer: mine.find((o) => o.requestId === x.id) ?? null,
  }));
}

export function listMatches({ requestId }: { requestId: number }) {
  return db
    .select({
      cooperativeId: schema.requestMatches.cooperativeId,
      rank: schema.requestMatches.rank,
      score: schema.requestMatches.score,
      reasons: schema.requestMatches.reasons,
      gaps: schema.requestMatches.gaps,
      productId: schema.requestMatches.productId,
      productName: schema.products.nameVi,
      cooperativeName: schema.organisations.name,
      cooperativeSlug: schema.organisations.slug,
      provinceCode: schema.organisations.provinceCode,
      invited: sql<number>`exists (select 1 from request_invitations i where i.request_id = ${schema.requestMatches.requestId} and i.cooperative_id = ${schema.requestMatches.cooperativeId})`,
    })
    .from(schema.requestMatches)
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.requestMatches.cooperativeId))
    .leftJoin(schema.products, eq(schema.products.id, schema.requestMatches.productId))
    .where(eq(schema.requestMatches.requestId, requestId))
    .orderBy(asc(schema.requestMatches.rank))
    .all();
}

/* ---------------------------------------------------------------- State changes */

/**
 * Moves a request one step under the state machine, conditional on the state read, so two clicks (or the closing
 * job and the buyer) record one step. 404 for another buyer's request, 409 for a step the state does not allow.
 */
export function transitionRequest(
  { id, buyerId, action, reason }: { id: number; buyerId: number | null; action: RequestAction; reason?: RequestRow["closeReason"] },
  tx: Tx | typeof db = db,
): { request: RequestRow; from: RequestState; to: RequestState } {
  const request = tx.select().from(schema.requests).where(eq(schema.requests.id, id)).get();
  if (!request || (buyerId !== null && request.buyerId !== buyerId)) throw new OrderError(404, "market.errors.requestNotFound");
  const acceptedOffers = tx.select({ n: sql<number>`count(*)` }).from(schema.offers).where(and(eq(schema.offers.requestId, id), eq(schema.offers.state, "accepted"))).get()?.n ?? 0;
  const to = nextRequestState(action, request.state, { acceptedOffers });
  if (!to || !canTransitionRequest(action, request.state, { acceptedOffers })) throw new OrderError(409, "market.errors.requestState", { state: `market.state.${request.state}` });
  const now = new Date().toISOString();
  const changed = tx
    .update(schema.requests)
    .set({
      state: to,
      updatedAt: now,
      ...(action === "publish" ? { publishedAt: now } : {}),
      ...(to !== "open" ? { closedAt: now, closeReason: reason ?? (action === "cancel" ? "cancelled" : action === "fulfil" ? "covered" : action === "expire" ? "closing_date" : "buyer") } : {}),
    })
    .where(and(eq(schema.requests.id, id), eq(schema.requests.state, request.state)))
    .run();
  if (changed.changes !== 1) throw new OrderError(409, "market.errors.requestState", { state: `market.state.${request.state}` });
  // Offers still waiting when the request ends are declined (and told so, by the caller).
  if (to !== "open") {
    tx.update(schema.offers).set({ state: "declined", decidedAt: now, updatedAt: now }).where(and(eq(schema.offers.requestId, id), eq(schema.offers.state, "submitted"))).run();
  }
  return { request: { ...request, state: to }, from: request.state, to };
}

/** Publishing a draft: opens it and ranks its matches in one transaction. */
export function publishRequest({ id, buyerId }: { id: number; buyerId: number }) {
  const c = requestConditions(id);
  if (!c || c.request.buyerId !== buyerId) throw new OrderError(404, "market.errors.requestNotFound");
  if (c.request.closingDate < todayInVietnam()) throw new OrderError(409, "market.errors.closingPast");
  const matches = rankFor({ ...c.request, certifications: c.certifications, provinces: c.provinces });
  return db.transaction(
    (tx) => {
      const result = transitionRequest({ id, buyerId, action: "publish" }, tx);
      storeMatches(tx, id, matches);
      return { ...result, matches };
    },
    { behavior: "immediate" },
  );
}

/** Requests whose closing date has passed, just closed; listeners tell their offerers. One index probe when none are due. */
const closedListeners: ((ids: number[]) => void)[] = [];
export function onRequestsClosed(listener: (ids: number[]) => void) {
  closedListeners.push(listener);
}

export function closeDueRequests({ today = todayInVietnam() }: { today?: string } = {}): number[] {
  const due = db
    .select({ id: schema.requests.id })
    .from(schema.requests)
    .where(and(eq(schema.requests.state, "open"), lt(schema.requests.closingDate, today)))
    .all();
  const closed: number[] = [];
  for (const d of due) {
    try {
      db.transaction((tx) => transitionRequest({ id: d.id, buyerId: null, action: "expire" }, tx), { behavior: "immediate" });
      closed.push(d.id);
    } catch (error) {
      if (!(error instanceof OrderError)) throw error;
    }
  }
  if (closed.length) for (const l of closedListeners) l(closed);
  return closed;
}

/* ---------------------------------------------------------------- Invitations */

/** The buyer invites cooperatives (from its matches or by choice); returns the newly invited ones. */
export function inviteCooperatives({ id, buyerId, cooperativeIds, userId }: { id: number; buyerId: number; cooperativeIds: number[]; userId: number }) {
  const request = db.select().from(schema.requests).where(and(eq(schema.requests.id, id), eq(schema.requests.buyerId, buyerId))).get();
  if (!request) throw new OrderError(404, "market.errors.requestNotFound");
  if (request.state !== "open" && request.state !== "draft") throw new OrderError(409, "market.errors.requestState", { state: `market.state.${request.state}` });
  const coops = cooperativeIds.length
    ? db
        .select({ id: schema.organisations.id })
        .from(schema.organisations)
        .where(and(inArray(schema.organisations.id, cooperativeIds), eq(schema.organisations.kind, "cooperative"), eq(schema.organisations.status, "active")))
        .all()
    : [];
  if (coops.length !== new Set(cooperativeIds).size) throw new OrderError(404, "market.errors.cooperativeNotFound");
  return db.transaction((tx) =>
    coops.filter((c) => tx.insert(schema.requestInvitations).values({ requestId: id, cooperativeId: c.id, invitedBy: userId }).onConflictDoNothing().run().changes === 1).map((c) => c.id),
  );
}

/** An active cooperative by its exact name or slug, for inviting one the matcher did not rank. */
export function findCooperative({ nameOrSlug }: { nameOrSlug: string }) {
  return (
    db
      .select({ id: schema.organisations.id, name: schema.organisations.name })
      .from(schema.organisations)
      .where(
        and(
          eq(schema.organisations.kind, "cooperative"),
          eq(schema.organisations.status, "active"),
          or(eq(schema.organisations.name, nameOrSlug), eq(schema.organisations.slug, nameOrSlug)),
        ),
      )
      .get() ?? null
  );
}

import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { db, getDb, schema } from "~/db.server";
import { todayInVietnam } from "~/lib/certificates";
import { randomToken } from "~/lib/tokens.server";
import { OrderError } from "./order.server";
import { anchorFor, drainAlertQueue, drainOnWorker, searchTerms } from "./alert-fanout.server";
import { parseProductParams, type ParamProblem } from "./search-params.server";

const S = schema.savedSearches;
const D = schema.alertDeliveries;

export const MAX_SAVED_SEARCHES = 50;
/** Digests go out at most once per this many hours per saved search. */
export const DIGEST_HOURS = 24;

/**
 * A /search query string reduced to what decides the results, in a fixed order with canonical values (a former
 * province name becomes the current code; sort, page and cursor are dropped), so one search saved twice is one.
 */
export function normaliseSearch(search: string): { ok: true; query: string; columns: ReturnType<typeof columnsOf> } | { ok: false; problems: ParamProblem[] } {
  const parsed = parseProductParams(new URLSearchParams(search.startsWith("?") ? search.slice(1) : search));
  if (parsed.problems.length) return { ok: false, problems: parsed.problems };
  const q = parsed.query;
  const out = new URLSearchParams();
  if (q.q) out.set("q", q.q.replace(/\s+/g, " "));
  if (q.province) out.set("province", q.province);
  if (q.category) out.set("category", q.category);
  if (q.certification) out.set("cert", q.certification);
  if (q.minStars) out.set("stars", String(q.minStars));
  if (q.verifiedOnly) out.set("verified", "1");
  if (q.inStock) out.set("inStock", "1");
  if (q.priceMin !== undefined) out.set("priceMin", String(q.priceMin));
  if (q.priceMax !== undefined) out.set("priceMax", String(q.priceMax));
  if (q.moqMax !== undefined) out.set("moqMax", String(q.moqMax));
  if (q.harvestMonth) out.set("month", String(q.harvestMonth));
  return { ok: true, query: out.toString(), columns: columnsOf(q) };
}

function columnsOf(q: ReturnType<typeof parseProductParams>["query"]) {
  const { terms, prefixLast } = searchTerms(q.q ?? "");
  const cols = {
    terms: JSON.stringify(terms),
    prefixLast,
    provinceCode: q.province ?? null,
    categoryCode: q.category ?? null,
    certification: q.certification ?? null,
    minStars: q.minStars ?? null,
    verifiedOnly: !!q.verifiedOnly,
    inStock: !!q.inStock,
    priceMin: q.priceMin ?? null,
    priceMax: q.priceMax ?? null,
    moqMax: q.moqMax ?? null,
    harvestMonth: q.harvestMonth ?? null,
  };
  return { ...cols, anchor: anchorFor({ terms, prefixLast, categoryCode: cols.categoryCode, provinceCode: cols.provinceCode, certification: cols.certification, minStars: cols.minStars }) };
}

export function saveSearch({ userId, buyerId, search, name }: { userId: number; buyerId: number; search: string; name: string }) {
  const n = normaliseSearch(search);
  if (!n.ok) throw new OrderError(400, "harvest.saved.invalidSearch");
  return db.transaction(
    (tx) => {
      const existing = tx.select({ id: S.id }).from(S).where(and(eq(S.userId, userId), eq(S.query, n.query))).get();
      if (existing) throw new OrderError(409, "harvest.saved.duplicate");
      const count = tx.select({ n: sql<number>`count(*)` }).from(S).where(eq(S.userId, userId)).get()?.n ?? 0;
      if (count >= MAX_SAVED_SEARCHES) throw new OrderError(409, "harvest.saved.tooMany", { max: MAX_SAVED_SEARCHES });
      return tx
        .insert(S)
        .values({ userId, buyerId, name, query: n.query, ...n.columns, unsubscribeToken: randomToken(24) })
        .returning()
        .get();
    },
    { behavior: "immediate" },
  );
}

export function listSavedSearches({ userId }: { userId: number }) {
  const rows = db.select().from(S).where(eq(S.userId, userId)).orderBy(desc(S.createdAt), desc(S.id)).all();
  const pending = new Map(
    rows.length
      ? db
          .select({ id: D.savedSearchId, n: sql<number>`count(*)` })
          .from(D)
          .where(and(inArray(D.savedSearchId, rows.map((r) => r.id)), isNull(D.sentAt)))
          .groupBy(D.savedSearchId)
          .all()
          .map((r) => [r.id, r.n])
      : [],
  );
  return rows.map((r) => ({ id: r.id, name: r.name, query: r.query, createdAt: r.createdAt, lastDigestAt: r.lastDigestAt, alertsOn: r.unsubscribedAt === null, pending: pending.get(r.id) ?? 0 }));
}

/** Only the user's own saved search; someone else's is a 404 like a missing one. */
export function getSavedSearch({ id, userId }: { id: number; userId: number }) {
  return db.select().from(S).where(and(eq(S.id, id), eq(S.userId, userId))).get() ?? null;
}

export function renameSavedSearch({ id, userId, name }: { id: number; userId: number; name: string }) {
  const r = db.update(S).set({ name }).where(and(eq(S.id, id), eq(S.userId, userId))).run();
  if (r.changes !== 1) throw new OrderError(404, "harvest.saved.notFound");
}

export function setSavedSearchAlerts({ id, userId, on }: { id: number; userId: number; on: boolean }) {
  const r = db
    .update(S)
    .set({ unsubscribedAt: on ? null : new Date().toISOString() })
    .where(and(eq(S.id, id), eq(S.userId, userId)))
    .run();
  if (r.changes !== 1) throw new OrderError(404, "harvest.saved.notFound");
}

export function deleteSavedSearch({ id, userId }: { id: number; userId: number }) {
  const r = db.delete(S).where(and(eq(S.id, id), eq(S.userId, userId))).run();
  if (r.changes !== 1) throw new OrderError(404, "harvest.saved.notFound");
}

/* ---------------------------------------------------------------- unsubscribe without logging in */

const TOKEN = /^[A-Za-z0-9_-]{20,64}$/;

export function findByUnsubscribeToken(token: string) {
  if (!TOKEN.test(token)) return null;
  return db.select({ id: S.id, name: S.name, query: S.query, unsubscribedAt: S.unsubscribedAt }).from(S).where(eq(S.unsubscribeToken, token)).get() ?? null;
}

export function unsubscribeByToken(token: string) {
  if (!TOKEN.test(token)) return null;
  const row = db
    .update(S)
    .set({ unsubscribedAt: sql`coalesce(${S.unsubscribedAt}, ${new Date().toISOString()})` })
    .where(eq(S.unsubscribeToken, token))
    .returning({ id: S.id, name: S.name })
    .get();
  return row ?? null;
}

/* ---------------------------------------------------------------- digests */

export type DigestItem = {
  kind: "product" | "announcement" | "price_drop";
  productId: number | null;
  announcementId: number | null;
  name: string;
  cooperative: string;
  oldPrice: number | null;
  newPrice: number | null;
};

export type Digest = { savedSearchId: number; name: string; query: string; email: string; locale: string | null; token: string; items: DigestItem[] };

/**
 * Claims the digests due at `now`: saved searches with alerts on, pending matches, and no digest within the last
 * DIGEST_HOURS. Their matches are marked sent and the watermark moved in the same transaction before any mail
 * goes out, so two runs at once never send one match twice (mail stays best effort).
 */
export function claimDueDigests({ now = new Date() }: { now?: Date } = {}): Digest[] {
  const cutoff = new Date(now.getTime() - DIGEST_HOURS * 3_600_000).toISOString();
  const at = now.toISOString();
  return db.transaction(
    (tx) => {
      const due = tx
        .select({ id: S.id, name: S.name, query: S.query, token: S.unsubscribeToken, email: schema.users.email, locale: schema.users.locale })
        .from(S)
        .innerJoin(schema.users, eq(schema.users.id, S.userId))
        .where(
          and(
            isNull(S.unsubscribedAt),
            sql`(${S.lastDigestAt} is null or ${S.lastDigestAt} <= ${cutoff})`,
            sql`exists (select 1 from alert_deliveries d where d.saved_search_id = ${S.id} and d.sent_at is null)`,
          ),
        )
        .orderBy(asc(S.id))
        .limit(1000)
        .all();
      const digests: Digest[] = [];
      for (const s of due) {
        const rows = tx
          .select({
            id: D.id,
            kind: D.kind,
            productId: D.productId,
            announcementId: D.announcementId,
            oldPrice: D.oldPrice,
            newPrice: D.newPrice,
            name: schema.products.nameVi,
            cooperative: schema.organisations.name,
          })
          .from(D)
          .leftJoin(schema.products, eq(schema.products.id, D.productId))
          .leftJoin(schema.organisations, eq(schema.organisations.id, schema.products.cooperativeId))
          .where(and(eq(D.savedSearchId, s.id), isNull(D.sentAt)))
          .orderBy(asc(D.id))
          .limit(50)
          .all();
        tx.update(D).set({ sentAt: at }).where(and(eq(D.savedSearchId, s.id), isNull(D.sentAt))).run();
        tx.update(S).set({ lastDigestAt: at }).where(eq(S.id, s.id)).run();
        digests.push({
          savedSearchId: s.id,
          name: s.name,
          query: s.query,
          email: s.email,
          locale: s.locale,
          token: s.token,
          items: rows.map((r) => ({ kind: r.kind, productId: r.productId, announcementId: r.announcementId, name: r.name ?? "", cooperative: r.cooperative ?? "", oldPrice: r.oldPrice, newPrice: r.newPrice })),
        });
      }
      return digests;
    },
    { behavior: "immediate" },
  );
}

/** Matches waiting for a digest, for the saved-searches page. */
export function pendingAlerts({ userId }: { userId: number }) {
  return db
    .select({ id: D.id, kind: D.kind, savedSearchId: D.savedSearchId, productId: D.productId, announcementId: D.announcementId, name: schema.products.nameVi, oldPrice: D.oldPrice, newPrice: D.newPrice, createdAt: D.createdAt })
    .from(D)
    .innerJoin(S, eq(S.id, D.savedSearchId))
    .leftJoin(schema.products, eq(schema.products.id, D.productId))
    .where(and(eq(S.userId, userId), isNull(D.sentAt)))
    .orderBy(desc(D.id))
    .limit(50)
    .all();
}

/* ---------------------------------------------------------------- the fan-out job */

let draining: Promise<unknown> | null = null;
let again = false;

/**
 * Runs the fan-out of every queued item: on the worker thread when the database is a file, inline otherwise.
 * Calls made while a drain runs coalesce into one more pass after it.
 */
export function drainAlerts(): Promise<{ items: number; matched: number }> {
  const today = todayInVietnam();
  if (draining) {
    again = true;
    return draining.then(() => ({ items: 0, matched: 0 }));
  }
  const client = getDb().$client;
  const job = drainOnWorker(client.name, today) ?? Promise.resolve(drainAlertQueue(client, { today, limit: 100_000 }));
  draining = job.catch(() => undefined).finally(() => {
    draining = null;
    if (again) {
      again = false;
      void drainAlerts().catch((e) => console.error("alert fan-out failed", e));
    }
  });
  return job;
}

export function queuedAlertCount(): number {
  return db.select({ n: sql<number>`count(*)` }).from(schema.alertQueue).get()?.n ?? 0;
}

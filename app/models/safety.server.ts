import { and, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { effectiveHarvestDay, eventOrderError, lotDateErrors, safeHarvestFrom, sprayWithinInterval, vietnamDay } from "~/lib/trace-rules";
import { recordAudit } from "./audit.server";
import { addEvent, getLot, listEvents, type EventInput } from "./trace.server";

/*
 * Food safety of a lot: a spray whose pre-harvest interval had not run out at harvest. The breach is computed from
 * the diary on every read (never stored, so it cannot go stale); what people decided about it is stored in
 * `lot_safety_decisions`. A flagged lot may not be labelled or sold until the cooperative corrects the harvest
 * date (which clears the flag only when the interval is then respected) or withholds the lot.
 */

export type SafetyStatus = "ok" | "flagged" | "withheld";

export type Breach = { eventId: number; sprayProduct: string | null; sprayDay: string; intervalDays: number; safeFrom: string; harvestDay: string; daysBeforeHarvest: number };

type DiaryRow = { id: number; type: (typeof schema.lotEventTypes)[number]; eventTime: string; preHarvestIntervalDays: number | null; sprayProduct: string | null };

const dayDiff = (a: string, b: string) => Math.round((Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000);

/** The breaches of a diary, with what a person needs to understand each one. Pure apart from its inputs. */
export function breachesOf(events: DiaryRow[], harvestDate: string): Breach[] {
  const flagged = sprayWithinInterval(events, harvestDate);
  const harvestDay = effectiveHarvestDay(events, harvestDate);
  return events
    .filter((e) => flagged.has(e.id))
    .map((e) => {
      const sprayDay = vietnamDay(e.eventTime);
      return { eventId: e.id, sprayProduct: e.sprayProduct, sprayDay, intervalDays: e.preHarvestIntervalDays!, safeFrom: safeHarvestFrom(e.eventTime, e.preHarvestIntervalDays!), harvestDay, daysBeforeHarvest: dayDiff(harvestDay, sprayDay) };
    });
}

/**
 * SQL twin of `sprayWithinInterval` for lists: true when a spray's Viet Nam day plus its interval falls after the
 * harvest day (the first harvesting entry's Viet Nam day, else the lot's harvest date). Uses lot_events_lot_time_idx.
 */
const breachSql = sql`exists (select 1 from lot_events s where s.lot_id = ${schema.lots.id} and s.type = 'spraying' and s.pre_harvest_interval_days is not null
  and date(s.event_time, '+7 hours', '+' || s.pre_harvest_interval_days || ' days') >
      coalesce((select min(date(h.event_time, '+7 hours')) from lot_events h where h.lot_id = ${schema.lots.id} and h.type = 'harvesting'), ${schema.lots.harvestDate}))`;
const withheldSql = sql`exists (select 1 from lot_safety_decisions d where d.lot_id = ${schema.lots.id} and d.kind = 'withheld')`;

function withheldDecision(lotId: number) {
  return db
    .select({ note: schema.lotSafetyDecisions.note, decidedAt: schema.lotSafetyDecisions.decidedAt })
    .from(schema.lotSafetyDecisions)
    .where(and(eq(schema.lotSafetyDecisions.lotId, lotId), eq(schema.lotSafetyDecisions.kind, "withheld")))
    .orderBy(desc(schema.lotSafetyDecisions.id))
    .get();
}

/** A lot's safety from its diary (pass the events when already loaded) and its decisions. */
export function lotSafety({ lotId, harvestDate, events }: { lotId: number; harvestDate: string; events?: DiaryRow[] }) {
  const breaches = breachesOf(events ?? listEvents({ lotId }), harvestDate);
  const withheld = withheldDecision(lotId) ?? null;
  const status: SafetyStatus = withheld ? "withheld" : breaches.length ? "flagged" : "ok";
  const earliestSafeHarvest = breaches.reduce<string | null>((max, b) => (!max || b.safeFrom > max ? b.safeFrom : max), null);
  return { status, breaches, withheld, earliestSafeHarvest };
}

/** Why a lot may not be labelled or sold right now, or null. */
export function saleBlock({ lotId }: { lotId: number }): Exclude<SafetyStatus, "ok"> | null {
  const lot = db.select({ harvestDate: schema.lots.harvestDate }).from(schema.lots).where(eq(schema.lots.id, lotId)).get();
  if (!lot) return null;
  const { status } = lotSafety({ lotId, harvestDate: lot.harvestDate });
  return status === "ok" ? null : status;
}

/** Status of each of the given lots (only those not ok), for lists. */
export function safetyStatuses({ lotIds }: { lotIds: number[] }) {
  if (!lotIds.length) return new Map<number, Exclude<SafetyStatus, "ok">>();
  const rows = db
    .select({ id: schema.lots.id, breach: sql<number>`${breachSql}`, withheld: sql<number>`${withheldSql}` })
    .from(schema.lots)
    .where(inArray(schema.lots.id, lotIds))
    .all();
  return new Map(rows.filter((r) => r.breach || r.withheld).map((r) => [r.id, r.withheld ? ("withheld" as const) : ("flagged" as const)]));
}

/** Lots needing attention: a cooperative's own, or every lot of a province (null: all provinces, platform admin). */
export function listFlaggedLots(scope: { cooperativeId: number } | { provinceCode: string | null }, { includeWithheld = true } = {}) {
  const where: SQL[] = [includeWithheld ? sql`(${breachSql} or ${withheldSql})` : sql`(${breachSql} and not ${withheldSql})`];
  if ("cooperativeId" in scope) where.push(eq(schema.lots.cooperativeId, scope.cooperativeId));
  else if (scope.provinceCode) where.push(eq(schema.organisations.provinceCode, scope.provinceCode));
  return db
    .select({
      id: schema.lots.id,
      code: schema.lots.code,
      harvestDate: schema.lots.harvestDate,
      productName: schema.products.nameVi,
      productNameEn: schema.products.nameEn,
      cooperativeName: schema.organisations.name,
      cooperativeSlug: schema.organisations.slug,
      withheld: sql<number>`${withheldSql}`,
    })
    .from(schema.lots)
    .innerJoin(schema.products, eq(schema.products.id, schema.lots.productId))
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.lots.cooperativeId))
    .where(and(...where))
    .orderBy(desc(schema.lots.harvestDate), desc(schema.lots.id))
    .limit(200)
    .all()
    .map((r) => ({ ...r, status: r.withheld ? ("withheld" as const) : ("flagged" as const) }));
}

/** The decisions recorded for a lot, newest first. */
export function listSafetyDecisions({ lotId, cooperativeId }: { lotId: number; cooperativeId: number }) {
  return db
    .select({ id: schema.lotSafetyDecisions.id, kind: schema.lotSafetyDecisions.kind, note: schema.lotSafetyDecisions.note, decidedAt: schema.lotSafetyDecisions.decidedAt, harvestDateBefore: schema.lotSafetyDecisions.harvestDateBefore, harvestDateAfter: schema.lotSafetyDecisions.harvestDateAfter, by: schema.users.name })
    .from(schema.lotSafetyDecisions)
    .leftJoin(schema.users, eq(schema.users.id, schema.lotSafetyDecisions.decidedBy))
    .where(and(eq(schema.lotSafetyDecisions.lotId, lotId), eq(schema.lotSafetyDecisions.cooperativeId, cooperativeId)))
    .orderBy(desc(schema.lotSafetyDecisions.id))
    .all();
}

/** Spraying entries the event would newly put inside their interval (empty: nothing to confirm). */
export function breachesAdded({ lotId, harvestDate, event }: { lotId: number; harvestDate: string; event: Omit<DiaryRow, "id"> }) {
  const events = listEvents({ lotId });
  const before = sprayWithinInterval(events, harvestDate);
  const after = breachesOf([...events, { ...event, id: -1 }], harvestDate);
  return after.filter((b) => !before.has(b.eventId));
}

/** Adds a diary entry the cooperative confirmed knowing it breaches an interval, and its confirmation, together. */
export function addConfirmedEvent({ lotId, cooperativeId, userId, input, note }: { lotId: number; cooperativeId: number; userId: number; input: EventInput; note: string }) {
  return db.transaction(() => {
    const eventId = addEvent({ lotId, cooperativeId, userId, input });
    if (eventId === null) return null;
    db.insert(schema.lotSafetyDecisions).values({ lotId, cooperativeId, kind: "spray_confirmed", eventId: input.type === "spraying" ? eventId : null, note, decidedBy: userId }).run();
    recordAudit({ actorUserId: userId, organisationId: cooperativeId, action: "lot.safety.spray_confirmed", entity: "lot", entityId: lotId, detail: { eventId } });
    return eventId;
  });
}

export type DecisionResult = { ok: true } | { ok: false; status: 404 | 409 | 422; error: string; params?: Record<string, string> };

/** Withholds a flagged lot from sale, with the cooperative's note. Audited. */
export function withholdLot({ lotId, cooperativeId, userId, note }: { lotId: number; cooperativeId: number; userId: number; note: string }): DecisionResult {
  const lot = getLot({ id: lotId, cooperativeId });
  if (!lot) return { ok: false, status: 404, error: "errors.notFound" };
  const safety = lotSafety({ lotId, harvestDate: lot.harvestDate });
  if (safety.status === "withheld") return { ok: false, status: 409, error: "safety.errors.alreadyWithheld" };
  if (safety.status === "ok") return { ok: false, status: 409, error: "safety.errors.notFlagged" };
  db.transaction(() => {
    db.insert(schema.lotSafetyDecisions).values({ lotId, cooperativeId, kind: "withheld", note, decidedBy: userId }).run();
    recordAudit({ actorUserId: userId, organisationId: cooperativeId, action: "lot.safety.withheld", entity: "lot", entityId: lotId, detail: { note, breaches: safety.breaches.map((b) => b.eventId) } });
  });
  return { ok: true };
}

const shiftDay = (iso: string, days: number) => new Date(Date.parse(iso) + days * 86_400_000).toISOString();

/**
 * Corrects the harvest date of a flagged lot: the lot's date and its harvesting entries move by the same number of
 * days. Refused (nothing written) unless the diary stays in order and every interval is then respected.
 */
export function correctHarvestDate({ lotId, cooperativeId, userId, harvestDate, note }: { lotId: number; cooperativeId: number; userId: number; harvestDate: string; note: string }): DecisionResult {
  const lot = getLot({ id: lotId, cooperativeId });
  if (!lot) return { ok: false, status: 404, error: "errors.notFound" };
  const events = listEvents({ lotId });
  const safety = lotSafety({ lotId, harvestDate: lot.harvestDate, events });
  if (safety.status !== "flagged") return { ok: false, status: 409, error: safety.status === "withheld" ? "safety.errors.alreadyWithheld" : "safety.errors.notFlagged" };
  const from = effectiveHarvestDay(events, lot.harvestDate);
  const delta = dayDiff(harvestDate, from);
  if (delta === 0 && harvestDate === lot.harvestDate) return { ok: false, status: 422, error: "safety.errors.sameDate" };
  const moved = events.map((e) => (e.type === "harvesting" ? { ...e, eventTime: shiftDay(e.eventTime, delta) } : e));
  const dates = { harvestDate, packingDate: lot.packingDate, bestBeforeDate: lot.bestBeforeDate };
  if (Object.keys(lotDateErrors(dates)).length) return { ok: false, status: 422, error: "safety.errors.afterPacking" };
  if (moved.some((e) => eventOrderError(e, moved.filter((o) => o.id !== e.id), { harvestDate }))) return { ok: false, status: 422, error: "trace.errors.datesVsDiary" };
  const still = breachesOf(moved, harvestDate);
  if (still.length) {
    const safeFrom = still.reduce((max, b) => (b.safeFrom > max ? b.safeFrom : max), still[0]!.safeFrom);
    return { ok: false, status: 422, error: "safety.errors.stillInside", params: { date: safeFrom } };
  }
  db.transaction(() => {
    db.update(schema.lots).set({ harvestDate, updatedAt: new Date().toISOString() }).where(and(eq(schema.lots.id, lotId), eq(schema.lots.cooperativeId, cooperativeId))).run();
    for (const e of moved) if (e.type === "harvesting") db.update(schema.lotEvents).set({ eventTime: e.eventTime }).where(and(eq(schema.lotEvents.id, e.id), eq(schema.lotEvents.lotId, lotId))).run();
    db.insert(schema.lotSafetyDecisions).values({ lotId, cooperativeId, kind: "harvest_corrected", harvestDateBefore: lot.harvestDate, harvestDateAfter: harvestDate, note, decidedBy: userId }).run();
    recordAudit({ actorUserId: userId, organisationId: cooperativeId, action: "lot.safety.harvest_corrected", entity: "lot", entityId: lotId, detail: { from: lot.harvestDate, to: harvestDate, note } });
  });
  return { ok: true };
}

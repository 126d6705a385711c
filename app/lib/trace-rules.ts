/*
 * Rules of a lot and its diary, kept pure so the dashboard, the seed and the tests share them. Messages are
 * catalogue keys.
 */
export const eventTypes = [
  "planting",
  "fertilising",
  "spraying",
  "harvesting",
  "processing",
  "quality_test",
  "packing",
  "shipping",
] as const;
export type EventType = (typeof eventTypes)[number];

/** Stage of each event type; a quality test may happen at any stage, so it has none. */
const stage: Record<EventType, number | null> = {
  planting: 0,
  fertilising: 1,
  spraying: 1,
  harvesting: 2,
  processing: 3,
  quality_test: null,
  packing: 4,
  shipping: 5,
};

/** How each diary event maps onto EPCIS 2.0 (CBV 2.0 business steps; our own vocabulary where CBV has none). */
export function epcisMapping(type: EventType): { epcisType: "ObjectEvent" | "TransformationEvent"; action: "ADD" | "OBSERVE" | null; bizStep: string } {
  switch (type) {
    case "harvesting":
      return { epcisType: "ObjectEvent", action: "ADD", bizStep: "commissioning" };
    case "processing":
      return { epcisType: "TransformationEvent", action: null, bizStep: "https://chohtx.vn/voc/bizstep/processing" };
    case "packing":
      return { epcisType: "TransformationEvent", action: null, bizStep: "packing" };
    case "shipping":
      return { epcisType: "ObjectEvent", action: "OBSERVE", bizStep: "shipping" };
    case "quality_test":
      return { epcisType: "ObjectEvent", action: "OBSERVE", bizStep: "inspecting" };
    default:
      return { epcisType: "ObjectEvent", action: "OBSERVE", bizStep: `https://chohtx.vn/voc/bizstep/${type}` };
  }
}

export type LotDates = { harvestDate: string; packingDate: string; bestBeforeDate: string };

/** Field errors for the dates of a lot: packing not before harvest, best-before after packing. */
export function lotDateErrors(d: LotDates): Partial<Record<keyof LotDates, string>> {
  const errors: Partial<Record<keyof LotDates, string>> = {};
  if (d.packingDate < d.harvestDate) errors.packingDate = "trace.errors.packingBeforeHarvest";
  if (d.bestBeforeDate <= d.packingDate) errors.bestBeforeDate = "trace.errors.bestBeforeNotAfterPacking";
  return errors;
}

/** Contributions may not add up to more than the lot. */
export function contributionsExceed(quantity: number, contributions: { quantity: number }[]): boolean {
  return contributions.reduce((sum, c) => sum + c.quantity, 0) > quantity;
}

type DiaryEvent = { type: EventType; eventTime: string };

/**
 * Why a new event cannot go where its time puts it, or null. An event may not precede an event of an earlier
 * stage nor follow one of a later stage, and nothing after harvest may be dated before the lot's harvest date.
 */
export function eventOrderError(event: DiaryEvent, existing: DiaryEvent[], lot: { harvestDate: string }): string | null {
  const s = stage[event.type];
  if (s === null) return null;
  const day = event.eventTime.slice(0, 10);
  if (s > 2 && day < lot.harvestDate) return "trace.errors.beforeHarvest";
  if (s < 2 && day > lot.harvestDate) return "trace.errors.afterHarvest";
  for (const e of existing) {
    const other = stage[e.type];
    if (other === null) continue;
    if (other < s && event.eventTime < e.eventTime) return "trace.errors.beforeEarlierStage";
    if (other > s && event.eventTime > e.eventTime) return "trace.errors.afterLaterStage";
  }
  return null;
}

/** The calendar day in Viet Nam (UTC+7, no daylight saving) of an ISO timestamp. */
export function vietnamDay(iso: string): string {
  return new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** The day a lot was harvested for the interval rule: its first harvesting entry, else the lot's harvest date. */
export function effectiveHarvestDay(events: { type: EventType; eventTime: string }[], harvestDate: string): string {
  const harvests = events.filter((e) => e.type === "harvesting").map((e) => vietnamDay(e.eventTime));
  return harvests.length ? harvests.sort()[0]! : harvestDate;
}

/** The first day a spray's pre-harvest interval allows harvesting (Viet Nam dates). */
export function safeHarvestFrom(sprayTime: string, intervalDays: number): string {
  return new Date(Date.parse(`${vietnamDay(sprayTime)}T00:00:00Z`) + intervalDays * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A spray whose pre-harvest interval had not run out at harvest: the produce may carry residue. Returns the ids of
 * the spraying events to flag. Days are Viet Nam calendar days: sprayed on the 1st with a 7-day interval, the
 * produce may be harvested from the 8th.
 */
export function sprayWithinInterval(
  events: { id: number; type: EventType; eventTime: string; preHarvestIntervalDays: number | null }[],
  harvestDate: string,
): Set<number> {
  const harvest = effectiveHarvestDay(events, harvestDate);
  const flagged = new Set<number>();
  for (const e of events) {
    if (e.type !== "spraying" || e.preHarvestIntervalDays === null) continue;
    if (safeHarvestFrom(e.eventTime, e.preHarvestIntervalDays) > harvest) flagged.add(e.id);
  }
  return flagged;
}

export type CertificateState = "valid" | "expired" | "revoked" | "notYetValid" | "unverified";

/** A certificate's state on a given day. A revocation counts from the day it was decided. */
export function certificateStateOn(
  cert: { status: string; issueDate: string; expiryDate: string | null; decidedAt: string | null },
  day: string,
): CertificateState {
  if (cert.status === "revoked") {
    if (!cert.decidedAt || cert.decidedAt.slice(0, 10) <= day) return "revoked";
  } else if (cert.status !== "verified") return "unverified";
  if (day < cert.issueDate) return "notYetValid";
  if (cert.expiryDate !== null && day > cert.expiryDate) return "expired";
  return "valid";
}

/** Coarse device class from a User-Agent, so no raw identifier is stored. */
export function deviceClass(userAgent: string | null, isBot: boolean): "phone" | "tablet" | "desktop" | "bot" | "other" {
  if (!userAgent) return "other";
  if (isBot) return "bot";
  if (/iPad|Tablet|(Android(?!.*Mobile))/i.test(userAgent)) return "tablet";
  if (/Mobi|iPhone|Android/i.test(userAgent)) return "phone";
  if (/Windows|Macintosh|X11|CrOS/i.test(userAgent)) return "desktop";
  return "other";
}

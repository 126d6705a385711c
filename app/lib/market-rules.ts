/**
 * Rules of the supply–demand board (buyer requests, offers, matching), pure and shared by the models, the forms
 * and the UI. Dates are `YYYY-MM-DD` strings compared as text; quantities are numbers in a sale unit.
 */
import type { saleUnits } from "./enums";

export type SaleUnit = (typeof saleUnits)[number];

/* ---------------------------------------------------------------- Request state machine */

export const requestStates = ["draft", "open", "closed", "fulfilled", "cancelled"] as const;
export type RequestState = (typeof requestStates)[number];

export const requestActions = ["publish", "close", "expire", "fulfil", "cancel"] as const;
export type RequestAction = (typeof requestActions)[number];

/**
 * Who moves a request where. A draft is only the buyer's; publishing opens it to offers; it ends closed (by the
 * buyer or its closing date), fulfilled (accepted offers cover the quantity) or cancelled (by the buyer, never
 * after an offer was accepted: the orders already exist).
 */
export const requestTransitions: Record<RequestAction, { from: RequestState[]; to: RequestState }> = {
  publish: { from: ["draft"], to: "open" },
  close: { from: ["open"], to: "closed" },
  expire: { from: ["open"], to: "closed" },
  fulfil: { from: ["open"], to: "fulfilled" },
  cancel: { from: ["draft", "open"], to: "cancelled" },
};

export function canTransitionRequest(action: RequestAction, state: RequestState, { acceptedOffers = 0 } = {}): boolean {
  if (!requestTransitions[action].from.includes(state)) return false;
  if (action === "cancel" && acceptedOffers > 0) return false;
  return true;
}

export function nextRequestState(action: RequestAction, state: RequestState, ctx?: { acceptedOffers?: number }): RequestState | null {
  return canTransitionRequest(action, state, ctx) ? requestTransitions[action].to : null;
}

/** A request takes offers while open and not past its closing date (the closing date itself still counts). */
export function acceptsOffers(request: { state: RequestState; closingDate: string }, today: string): boolean {
  return request.state === "open" && request.closingDate >= today;
}

export function isDueToClose(request: { state: RequestState; closingDate: string }, today: string): boolean {
  return request.state === "open" && request.closingDate < today;
}

export const offerStates = ["submitted", "withdrawn", "accepted", "declined"] as const;
export type OfferState = (typeof offerStates)[number];

/** An offer can be revised (or withdrawn) while it is submitted and its request still takes offers. */
export function canReviseOffer(offer: { state: OfferState }, request: { state: RequestState; closingDate: string }, today: string): boolean {
  return offer.state === "submitted" && acceptsOffers(request, today);
}

/* ---------------------------------------------------------------- Numbers */

export const MAX_AMOUNT = 1_000_000_000;

/** Units sold by weight or volume may be fractional (2,5 tấn); crates, boxes, bottles and fruits are whole. */
export const divisibleUnits: readonly SaleUnit[] = ["kg", "tan", "lit"];
export function isWholeUnit(unit: SaleUnit): boolean {
  return !divisibleUnits.includes(unit);
}

export type NumberProblem = "required" | "format" | "negative" | "zero" | "tooLarge" | "fraction" | "precision";

/**
 * Reads a quantity or price as typed. Only plain decimal digits with an optional `.` or `,` fraction are numbers:
 * `0x64`, `1e3`, `+5`, `Infinity` and thousands separators are refused instead of being read as something else.
 */
export function parseAmount(
  raw: string | null | undefined,
  { whole = false, allowZero = false, maxDecimals = 3, max = MAX_AMOUNT }: { whole?: boolean; allowZero?: boolean; maxDecimals?: number; max?: number } = {},
): { ok: true; value: number } | { ok: false; problem: NumberProblem } {
  const text = (raw ?? "").trim();
  if (!text) return { ok: false, problem: "required" };
  if (/^-\s*\d/.test(text)) return { ok: false, problem: "negative" };
  const m = /^(\d{1,13})(?:[.,](\d+))?$/.exec(text);
  if (!m) return { ok: false, problem: "format" };
  const fraction = m[2] ?? "";
  if (fraction && /[^0]/.test(fraction) && whole) return { ok: false, problem: "fraction" };
  if (fraction.replace(/0+$/, "").length > maxDecimals) return { ok: false, problem: "precision" };
  const value = Number(`${m[1]}.${fraction || "0"}`);
  if (value > max) return { ok: false, problem: "tooLarge" };
  if (value === 0 && !allowZero) return { ok: false, problem: "zero" };
  return { ok: true, value };
}

/* ---------------------------------------------------------------- Units and coverage */

/** How many request units one product unit is worth, or null when they cannot be compared (kg vs thùng). */
export function unitFactor(productUnit: SaleUnit, requestUnit: SaleUnit): number | null {
  if (productUnit === requestUnit) return 1;
  if (productUnit === "kg" && requestUnit === "tan") return 0.001;
  if (productUnit === "tan" && requestUnit === "kg") return 1000;
  return null;
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;

/** Accepted quantities in request units, what is left, and whether the request is covered. */
export function coverage(requested: number, accepted: readonly number[]) {
  const covered = round3(accepted.reduce((s, q) => s + q, 0));
  const remaining = round3(Math.max(0, requested - covered));
  return { covered, remaining, fulfilled: covered >= round3(requested) };
}

/** Accepting `quantity` more: needs the buyer's explicit confirmation when it goes past what is still needed. */
export function acceptanceCheck(requested: number, accepted: readonly number[], quantity: number) {
  const { remaining } = coverage(requested, accepted);
  const over = round3(Math.max(0, quantity - remaining));
  return { remaining, over, needsConfirmation: over > 0 };
}

/** A partial offer covers part of the request: its share, capped at 1. */
export function offerShare(requested: number, offered: number): { partial: boolean; share: number } {
  const share = requested > 0 ? Math.min(1, offered / requested) : 0;
  return { partial: offered < requested, share: round3(share) };
}

/* ---------------------------------------------------------------- Seasons */

/** The months (1–12) a date window touches, wrapping across the year end (Nov → Feb is 11, 12, 1, 2). */
export function windowMonths(from: string, to: string): number[] {
  if (to < from) return [];
  const months: number[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const endY = Number(to.slice(0, 4));
  const endM = Number(to.slice(5, 7));
  while ((y < endY || (y === endY && m <= endM)) && months.length < 12) {
    months.push(m);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return months;
}

/** The harvest-month bit mask (bit 0 = January, as on products) of a date window. */
export function windowMask(from: string, to: string): number {
  return windowMonths(from, to).reduce((mask, m) => mask | (1 << (m - 1)), 0);
}

/** Harvest months that fall in the delivery window; empty when the season misses it. */
export function seasonOverlap(harvestMask: number, from: string, to: string): number[] {
  return windowMonths(from, to).filter((m) => harvestMask & (1 << (m - 1)));
}

/** "1–3" style runs of a month list in calendar order, wrapping (11, 12, 1 → "11–1"). */
export function monthRuns(mask: number): { from: number; to: number }[] {
  const on = (m: number) => !!(mask & (1 << (((m - 1) % 12 + 12) % 12)));
  if (!mask) return [];
  if ((mask & 0xfff) === 0xfff) return [{ from: 1, to: 12 }];
  // Start at a month that follows an off month, so a run across the year end stays whole.
  let start = 1;
  while (!(on(start) && !on(start - 1 === 0 ? 12 : start - 1))) start++;
  const runs: { from: number; to: number }[] = [];
  for (let i = 0; i < 12; i++) {
    const m = ((start - 1 + i) % 12) + 1;
    if (!on(m)) continue;
    const prev = m === 1 ? 12 : m - 1;
    if (i > 0 && on(prev) && runs.length) runs[runs.length - 1]!.to = m;
    else runs.push({ from: m, to: m });
  }
  return runs;
}

/* ---------------------------------------------------------------- Certificates on the delivery date */

export type HeldCertificate = { type: string; status: string; expiryDate: string | null; issueDate?: string | null; ocopStars?: number | null };
export type Requirement = { type: string; minStars?: number | null };

/**
 * A certificate counts only if it is verified and still valid on the delivery date (the last day of the delivery
 * window): valid today but lapsing before the goods arrive is a gap, not a reason.
 */
export function validOn(cert: HeldCertificate, date: string): boolean {
  if (cert.status !== "verified") return false;
  if (cert.issueDate && cert.issueDate > date) return false;
  return cert.expiryDate === null || cert.expiryDate >= date;
}

export type RequirementResult =
  | { type: string; ok: true; until: string | null; stars?: number | null }
  | { type: string; ok: false; reason: "missing" | "lapses" | "stars"; until?: string | null; stars?: number | null };

/** Each requirement against the certificates held: met (with the expiry), missing, lapsing before delivery, or too few stars. */
export function checkRequirements(held: readonly HeldCertificate[], requirements: readonly Requirement[], deliveryDate: string): RequirementResult[] {
  return requirements.map((req) => {
    const ofType = held.filter((c) => c.type === req.type && c.status === "verified");
    const minStars = req.type === "ocop" ? (req.minStars ?? 3) : null;
    const eligible = minStars ? ofType.filter((c) => (c.ocopStars ?? 0) >= minStars) : ofType;
    const valid = eligible.filter((c) => validOn(c, deliveryDate));
    if (valid.length) {
      const best = valid.reduce((a, b) => ((a.expiryDate ?? "9999-12-31") >= (b.expiryDate ?? "9999-12-31") ? a : b));
      return { type: req.type, ok: true, until: best.expiryDate, stars: best.ocopStars ?? null };
    }
    if (eligible.length) {
      const latest = eligible.reduce((a, b) => ((a.expiryDate ?? "") >= (b.expiryDate ?? "") ? a : b));
      return { type: req.type, ok: false, reason: "lapses", until: latest.expiryDate };
    }
    if (ofType.length && minStars) return { type: req.type, ok: false, reason: "stars", stars: Math.max(...ofType.map((c) => c.ocopStars ?? 0)) };
    return { type: req.type, ok: false, reason: "missing" };
  });
}

/* ---------------------------------------------------------------- Province preference and distance */

/** 2 in a preferred province, 1 with no preference stated, 0 outside the preferred ones. */
export function provinceScore(provinceCode: string, preferred: readonly string[]): 0 | 1 | 2 {
  if (!preferred.length) return 1;
  return preferred.includes(provinceCode) ? 2 : 0;
}

/** Great-circle distance in whole kilometres. */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return Math.round(2 * 6371 * Math.asin(Math.sqrt(h)));
}

/* ---------------------------------------------------------------- Match score */

export const MATCH_WEIGHTS = { text: 3, certificate: 4, season: 3, stock: 2, province: 2, verified: 1 } as const;

/**
 * The score of one product for a request: what the SQL of the matcher computes, in one place for the tests and
 * the naive baseline. Certificates weigh most (a buyer's requirement), then season and the text.
 */
export function matchScore(p: { textMatch: boolean; certsMet: number; certsRequired: number; seasonOverlap: boolean; stockCovers: boolean; stockSome: boolean; provinceScore: 0 | 1 | 2; verified: boolean }): number {
  const w = MATCH_WEIGHTS;
  return (
    (p.textMatch ? w.text : 0) +
    (p.certsRequired ? (w.certificate * p.certsMet) / p.certsRequired : w.certificate) +
    (p.seasonOverlap ? w.season : 0) +
    (p.stockCovers ? w.stock : p.stockSome ? w.stock / 2 : 0) +
    (w.province * p.provinceScore) / 2 +
    (p.verified ? w.verified : 0)
  );
}

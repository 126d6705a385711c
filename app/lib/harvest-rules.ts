/**
 * Harvest announcements and reservations: value sets, input rules and the two state machines. Pure; the models
 * enforce the same rules inside their transactions (remaining quantity with a conditional UPDATE).
 */
import { z } from "zod";

export const announcementStatuses = ["open", "closed", "cancelled"] as const;
export const reservationStatuses = ["requested", "confirmed", "declined", "cancelled", "ordered"] as const;
export const followKinds = ["cooperative", "category", "province"] as const;
export const alertKinds = ["product", "announcement", "price_drop"] as const;

export type AnnouncementStatus = (typeof announcementStatuses)[number];
export type ReservationStatus = (typeof reservationStatuses)[number];
export type FollowKind = (typeof followKinds)[number];

/** Absurd beyond this: no harvest, price or reservation is over a billion units or đồng. */
export const MAX_QUANTITY = 1_000_000_000;
export const MAX_PRICE = 1_000_000_000;
/** A harvest window longer than a year is not a harvest. */
export const MAX_WINDOW_DAYS = 366;

/** Units that are counted, never weighed: "2,5 thùng" is meaningless. */
export const wholeUnits = new Set(["thung", "hop", "chai", "tui", "qua", "bo", "goi"]);

export type QuantityProblem =
  | "harvest.errors.quantityRequired"
  | "harvest.errors.quantityNegative"
  | "harvest.errors.quantityFractionalWhole"
  | "harvest.errors.quantityFractional"
  | "harvest.errors.quantityDigits"
  | "harvest.errors.quantityZero"
  | "harvest.errors.quantityTooLarge";

/**
 * A quantity as typed: plain digits only (no sign, no separators, no exponent), 1 … 10^9. "1.000" is refused
 * rather than guessed: in Vietnamese it is a thousand, in English one.
 */
export function parseQuantity(raw: string | null | undefined, unit: string): { ok: true; value: number } | { ok: false; problem: QuantityProblem } {
  const v = (raw ?? "").trim();
  if (!v) return { ok: false, problem: "harvest.errors.quantityRequired" };
  if (/^-\s*\d/.test(v)) return { ok: false, problem: "harvest.errors.quantityNegative" };
  if (/^\d+[.,]\d+$/.test(v) && !/^\d{1,3}([.,]\d{3})+$/.test(v)) {
    return { ok: false, problem: wholeUnits.has(unit) ? "harvest.errors.quantityFractionalWhole" : "harvest.errors.quantityFractional" };
  }
  if (!/^\d+$/.test(v)) return { ok: false, problem: "harvest.errors.quantityDigits" };
  if (v.replace(/^0+/, "").length > 10 || Number(v) > MAX_QUANTITY) return { ok: false, problem: "harvest.errors.quantityTooLarge" };
  if (Number(v) === 0) return { ok: false, problem: "harvest.errors.quantityZero" };
  return { ok: true, value: Number(v) };
}

/** A price in đồng: the same plain-digit rule, 1 … 10^9, never fractional (đồng have no minor unit). */
export function parsePrice(raw: string | null | undefined): { ok: true; value: number } | { ok: false; problem: string } {
  const v = (raw ?? "").trim();
  if (!v) return { ok: false, problem: "harvest.errors.priceRequired" };
  if (/^-\s*\d/.test(v)) return { ok: false, problem: "harvest.errors.priceNegative" };
  if (!/^\d+$/.test(v)) return { ok: false, problem: "harvest.errors.priceDigits" };
  if (v.replace(/^0+/, "").length > 10 || Number(v) > MAX_PRICE) return { ok: false, problem: "harvest.errors.priceTooLarge" };
  if (Number(v) === 0) return { ok: false, problem: "harvest.errors.priceZero" };
  return { ok: true, value: Number(v) };
}

const isoDate = z
  .string({ error: "errors.required" })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "harvest.errors.date" })
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), { error: "harvest.errors.date" });

function daysBetween(from: string, to: string) {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The announcement form. Quantities and prices are strings checked by `parseQuantity`/`parsePrice` once the
 * product (and so its unit) is known; everything else is checked here. `today` is Viet Nam's date.
 */
export function announcementSchema(today: string) {
  return z
    .object({
      productId: z
        .string({ error: "harvest.errors.product" })
        .trim()
        .regex(/^[1-9]\d{0,14}$/, { error: "harvest.errors.product" })
        .transform(Number),
      quantity: z.string({ error: "harvest.errors.quantityRequired" }).max(40, { error: "harvest.errors.quantityDigits" }),
      harvestFrom: isoDate,
      harvestTo: isoDate,
      priceMin: z.string({ error: "harvest.errors.priceRequired" }).max(40, { error: "harvest.errors.priceDigits" }),
      priceMax: z.string().max(40, { error: "harvest.errors.priceDigits" }).optional(),
      notes: z.string().trim().max(2000, { error: "harvest.errors.notesLong" }).optional(),
    })
    .superRefine((v, ctx) => {
      if (v.harvestTo < v.harvestFrom) ctx.addIssue({ code: "custom", path: ["harvestTo"], message: "harvest.errors.windowOrder" });
      else if (daysBetween(v.harvestFrom, v.harvestTo) > MAX_WINDOW_DAYS) ctx.addIssue({ code: "custom", path: ["harvestTo"], message: "harvest.errors.windowLong" });
      if (v.harvestTo < today) ctx.addIssue({ code: "custom", path: ["harvestTo"], message: "harvest.errors.windowPast" });
      const min = parsePrice(v.priceMin);
      if (!min.ok) ctx.addIssue({ code: "custom", path: ["priceMin"], message: min.problem });
      if (v.priceMax && v.priceMax.trim()) {
        const max = parsePrice(v.priceMax);
        if (!max.ok) ctx.addIssue({ code: "custom", path: ["priceMax"], message: max.problem });
        else if (min.ok && max.value < min.value) ctx.addIssue({ code: "custom", path: ["priceMax"], message: "harvest.errors.priceOrder" });
      }
    });
}

export type AnnouncementValues = z.output<ReturnType<typeof announcementSchema>>;

/** The announcement with its quantity and prices as numbers, or the field problems (the unit comes from the product). */
export function announcementNumbers(v: AnnouncementValues, unit: string) {
  const q = parseQuantity(v.quantity, unit);
  const min = parsePrice(v.priceMin);
  const max = v.priceMax && v.priceMax.trim() ? parsePrice(v.priceMax) : null;
  if (!q.ok) return { ok: false as const, field: "quantity", problem: q.problem };
  if (!min.ok) return { ok: false as const, field: "priceMin", problem: min.problem };
  if (max && !max.ok) return { ok: false as const, field: "priceMax", problem: max.problem };
  const priceMax = max && max.ok && max.value !== min.value ? max.value : null;
  return { ok: true as const, quantity: q.value, priceMin: min.value, priceMax };
}

/** What is already promised out of an announced harvest: every reservation that still holds quantity. */
export const holdingStatuses: readonly ReservationStatus[] = ["requested", "confirmed", "ordered"];

export function remainingQuantity(announced: number, reservations: readonly { quantity: number; status: string }[]): number {
  const held = reservations.filter((r) => (holdingStatuses as readonly string[]).includes(r.status)).reduce((n, r) => n + r.quantity, 0);
  return Math.max(0, announced - held);
}

/** A reservation fits when it is a positive whole quantity no larger than what is left. */
export function reservationProblem({ quantity, remaining }: { quantity: number; remaining: number }): null | { status: 409; key: "harvest.errors.overRemaining"; remaining: number } {
  if (quantity > remaining) return { status: 409, key: "harvest.errors.overRemaining", remaining };
  return null;
}

/* ---------------------------------------------------------------- state machines */

export type AnnouncementAction = "edit" | "close" | "reopen" | "cancel" | "reserve";

const announcementFrom: Record<AnnouncementAction, readonly AnnouncementStatus[]> = {
  edit: ["open"],
  close: ["open"],
  reopen: ["closed"],
  cancel: ["open", "closed"],
  reserve: ["open"],
};

const announcementTo: Record<Exclude<AnnouncementAction, "edit" | "reserve">, AnnouncementStatus> = { close: "closed", reopen: "open", cancel: "cancelled" };

export function canAnnouncement(action: AnnouncementAction, status: string): boolean {
  return (announcementFrom[action] as readonly string[]).includes(status);
}

export function announcementTarget(action: "close" | "reopen" | "cancel"): AnnouncementStatus {
  return announcementTo[action];
}

export type ReservationAction = "confirm" | "decline" | "cancel" | "order";

export const reservationRules: Record<ReservationAction, { from: readonly ReservationStatus[]; to: ReservationStatus; by: "cooperative" | "buyer" }> = {
  confirm: { from: ["requested"], to: "confirmed", by: "cooperative" },
  decline: { from: ["requested"], to: "declined", by: "cooperative" },
  cancel: { from: ["requested", "confirmed"], to: "cancelled", by: "buyer" },
  order: { from: ["confirmed"], to: "ordered", by: "cooperative" },
};

export function canReservation(action: ReservationAction, status: string): boolean {
  return (reservationRules[action].from as readonly string[]).includes(status);
}

/** Leaving these statuses gives the quantity back to the announcement. */
export function releasesQuantity(to: ReservationStatus): boolean {
  return to === "declined" || to === "cancelled";
}

/* ---------------------------------------------------------------- certificates for the window */

export type WindowCertificate = { type: string; ocopStars: number | null; status: string; issueDate: string; expiryDate: string | null };

/**
 * The certificates that will be valid for the whole harvest window: verified, issued by its last day and not
 * expiring before it. A certificate that lapses mid-harvest is left out: it would not cover the late pickings.
 */
export function certificatesForWindow<C extends WindowCertificate>(certs: readonly C[], window: { from: string; to: string }): C[] {
  const seen = new Set<string>();
  return certs.filter((c) => {
    if (c.status !== "verified" || c.issueDate > window.to || (c.expiryDate !== null && c.expiryDate < window.to)) return false;
    const key = `${c.type}:${c.ocopStars ?? ""}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

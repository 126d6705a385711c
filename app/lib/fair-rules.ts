/** Trade fair rules with no I/O: states, phases, the attribution cookie and the lead's dedupe key. */
export const fairStates = ["draft", "published", "cancelled"] as const;
export type FairState = (typeof fairStates)[number];
export const fairBoothStates = ["registered", "withdrawn"] as const;
export const fairAttributionKinds = ["inquiry", "order"] as const;
export type FairAttributionKind = (typeof fairAttributionKinds)[number];

export type FairPhase = "upcoming" | "running" | "past";

/** Where a fair stands on `today` (a Viet Nam date): the dates are inclusive. */
export function fairPhase(fair: { startDate: string; endDate: string }, today: string): FairPhase {
  if (today < fair.startDate) return "upcoming";
  if (today > fair.endDate) return "past";
  return "running";
}

/** Registration is open through the deadline day, and never once the fair has started. */
export function registrationOpen(fair: { registrationDeadline: string; startDate: string; state: string }, today: string): boolean {
  return fair.state === "published" && today <= fair.registrationDeadline && today <= fair.startDate;
}

/**
 * The attribution cookie: the booths a visitor opened, most recent first. First-party, a few days long, holding
 * only booth ids, so it says nothing about the person. Inquiries and orders to a cooperative whose booth is in it
 * count for that fair.
 */
export const FAIR_COOKIE = "chohtx_fair";
export const FAIR_COOKIE_DAYS = 7;
const MAX_BOOTHS = 12;

export function parseFairCookie(header: string | null): number[] {
  if (!header) return [];
  const match = header.split(/;\s*/).find((part) => part.startsWith(`${FAIR_COOKIE}=`));
  if (!match) return [];
  return match
    .slice(FAIR_COOKIE.length + 1)
    .split(".")
    .filter((s) => /^\d{1,9}$/.test(s))
    .map(Number)
    .slice(0, MAX_BOOTHS);
}

/** The cookie's new value with `boothId` moved to the front. */
export function withBooth(current: number[], boothId: number): string {
  return [boothId, ...current.filter((b) => b !== boothId)].slice(0, MAX_BOOTHS).join(".");
}

/** One lead per booth, contact and Viet Nam day: the phone wins over the email when both are given. */
export function leadDedupeKey({ boothId, phone, email, day }: { boothId: number; phone?: string | null; email?: string | null; day: string }) {
  const contact = phone ? `tel:${phone}` : `mail:${(email ?? "").toLowerCase()}`;
  return `${boothId}|${contact}|${day}`;
}

/** Booth numbers as organisers print them: letters, digits and a dash, e.g. `A12`, `B-03`. */
export const BOOTH_NUMBER = /^[A-Za-z0-9][A-Za-z0-9-]{0,9}$/;

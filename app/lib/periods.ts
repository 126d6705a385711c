/**
 * Reporting periods for the alliance dashboard: a month, a quarter, a year or a custom range of Viet Nam calendar
 * dates (`YYYY-MM-DD`, both ends included). Pure arithmetic on date strings in UTC, so no time zone shifts a day;
 * "today" is always passed in (Viet Nam's date, see `todayInVietnam`).
 */

export const periodKinds = ["month", "quarter", "year", "custom"] as const;
export type PeriodKind = (typeof periodKinds)[number];

export type Period = {
  kind: PeriodKind;
  /** First day, inclusive. */
  from: string;
  /** Last day, inclusive; never after today (the current period runs "to date"). */
  to: string;
  /** `2026-11`, `2026-Q3`, `2026`, or `2026-01-05..2026-02-10`: the value the form sends back. */
  key: string;
  /** The whole calendar period's last day (for a current month, the month's end even if after today). */
  end: string;
};

export type PeriodError = "alliance.period.errors.invalid" | "alliance.period.errors.reversed" | "alliance.period.errors.future" | "alliance.period.errors.tooLong";

const DAY = 86_400_000;
const MAX_CUSTOM_DAYS = 3 * 366;

export function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const t = Date.parse(`${value}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === value;
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** Days from `a` to `b` (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);
}

/** The last day of a month given as year and 1-based month (handles leap Februaries). */
export function lastDayOfMonth(year: number, month: number): string {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The Viet Nam calendar date of an ISO timestamp (UTC+7, no daylight saving). */
export function vietnamDate(iso: string): string {
  return new Date(Date.parse(iso) + 7 * 3600_000).toISOString().slice(0, 10);
}

/** The first instant (UTC ISO) of a Viet Nam calendar day: 00:00 in Hà Nội is 17:00 the day before in UTC. */
export function vietnamDayStartUtc(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 7 * 3600_000).toISOString();
}

/** Monday of the ISO week holding `date`. */
export function weekStart(date: string): string {
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(date, -((dow + 6) % 7));
}

export function monthKey(date: string): string {
  return date.slice(0, 7);
}

/** Calendar bounds of a month, quarter or year key, or null when the key is malformed. */
function bounds(kind: Exclude<PeriodKind, "custom">, key: string): { from: string; end: string } | null {
  if (kind === "month") {
    const m = /^(\d{4})-(\d{2})$/.exec(key);
    if (!m) return null;
    const y = Number(m[1]);
    const mo = Number(m[2]);
    if (mo < 1 || mo > 12 || y < 2000) return null;
    return { from: `${y}-${pad(mo)}-01`, end: lastDayOfMonth(y, mo) };
  }
  if (kind === "quarter") {
    const m = /^(\d{4})-Q([1-4])$/.exec(key);
    if (!m) return null;
    const y = Number(m[1]);
    const q = Number(m[2]);
    if (y < 2000) return null;
    return { from: `${y}-${pad(q * 3 - 2)}-01`, end: lastDayOfMonth(y, q * 3) };
  }
  const m = /^(\d{4})$/.exec(key);
  if (!m || Number(m[1]) < 2000) return null;
  return { from: `${m[1]}-01-01`, end: `${m[1]}-12-31` };
}

/** The key of the month, quarter or year holding `date`. */
export function keyOf(kind: Exclude<PeriodKind, "custom">, date: string): string {
  const y = date.slice(0, 4);
  const mo = Number(date.slice(5, 7));
  if (kind === "month") return date.slice(0, 7);
  if (kind === "quarter") return `${y}-Q${Math.ceil(mo / 3)}`;
  return y;
}

export type PeriodInput = { kind?: string | null; key?: string | null; from?: string | null; to?: string | null };

/**
 * Reads a period from form values. Missing values give the current quarter to date. A period that starts after
 * today, ends before it starts, or (custom) ends after today or spans more than three years is refused with a
 * message key.
 */
export function parsePeriod(input: PeriodInput, today: string): { ok: true; period: Period } | { ok: false; error: PeriodError } {
  const kind = (input.kind || "quarter") as PeriodKind;
  if (!periodKinds.includes(kind)) return { ok: false, error: "alliance.period.errors.invalid" };
  if (kind === "custom") {
    const from = input.from ?? "";
    const to = input.to ?? "";
    if (!isDate(from) || !isDate(to)) return { ok: false, error: "alliance.period.errors.invalid" };
    if (to < from) return { ok: false, error: "alliance.period.errors.reversed" };
    if (from > today || to > today) return { ok: false, error: "alliance.period.errors.future" };
    if (daysBetween(from, to) + 1 > MAX_CUSTOM_DAYS) return { ok: false, error: "alliance.period.errors.tooLong" };
    return { ok: true, period: { kind, from, to, end: to, key: `${from}..${to}` } };
  }
  const key = input.key || keyOf(kind, today);
  const b = bounds(kind, key);
  if (!b) return { ok: false, error: "alliance.period.errors.invalid" };
  if (b.from > today) return { ok: false, error: "alliance.period.errors.future" };
  return { ok: true, period: { kind, from: b.from, to: b.end < today ? b.end : today, end: b.end, key } };
}

/**
 * The period to compare with: the previous month, quarter or year, cut to the same number of days when the current
 * one runs only to date (1 Oct – 2 Dec is compared with 1 Jul – 2 Sep); for a custom range, the same number of days
 * just before it.
 */
export function previousPeriod(p: Period): Period {
  if (p.kind === "custom") {
    const len = daysBetween(p.from, p.to) + 1;
    const to = addDays(p.from, -1);
    const from = addDays(to, -(len - 1));
    return { kind: "custom", from, to, end: to, key: `${from}..${to}` };
  }
  const prevKey = keyOf(p.kind, addDays(p.from, -1));
  const b = bounds(p.kind, prevKey)!;
  const elapsed = daysBetween(p.from, p.to);
  // Same offset into the previous period, but never past its own end (31 Mar to date → 28/29 Feb).
  const cut = addDays(b.from, elapsed);
  const partial = p.to < p.end;
  const to = partial && cut < b.end ? cut : b.end;
  return { kind: p.kind, from: b.from, to, end: b.end, key: prevKey };
}

/** Every date from `from` to `to`, inclusive. */
export function eachDay(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** Monday-start weeks touching the range, oldest first. */
export function weeksIn(from: string, to: string): string[] {
  const out: string[] = [];
  for (let w = weekStart(from); w <= to; w = addDays(w, 7)) out.push(w);
  return out;
}

/** `YYYY-MM` keys of the `n` months ending with the month holding `date`, oldest first. */
export function monthsEnding(date: string, n: number): string[] {
  let y = Number(date.slice(0, 4));
  let m = Number(date.slice(5, 7));
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    out.unshift(`${y}-${pad(m)}`);
    m -= 1;
    if (m === 0) {
      m = 12;
      y -= 1;
    }
  }
  return out;
}

/** Months touching the range, oldest first. */
export function monthsIn(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  while (`${y}-${pad(m)}` <= to.slice(0, 7)) {
    out.push(`${y}-${pad(m)}`);
    m += 1;
    if (m === 13) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** The change from `before` to `now`: direction and difference, or null when either side has no data. */
export function change(now: number | null, before: number | null): { direction: "up" | "down" | "same"; diff: number } | null {
  if (now === null || before === null) return null;
  const diff = now - before;
  return { direction: diff > 0 ? "up" : diff < 0 ? "down" : "same", diff };
}

/** The median of a sorted list of numbers, or null for an empty one. */
export function median(sorted: number[]): number | null {
  if (!sorted.length) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Quarter choices for the selector: the last `n` quarters up to today's, newest first. */
export function recentKeys(kind: Exclude<PeriodKind, "custom">, today: string, n: number): string[] {
  const out: string[] = [];
  let d = today;
  for (let i = 0; i < n; i++) {
    const k = keyOf(kind, d);
    out.push(k);
    d = addDays(bounds(kind, k)!.from, -1);
  }
  return out;
}

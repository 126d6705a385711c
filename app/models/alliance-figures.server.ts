import type Database from "better-sqlite3";
import { getDb } from "~/db.server";
import { addDays, median, monthsEnding, weekStart, weeksIn, type Period } from "~/lib/periods";
import { cooperativeTypes } from "~/lib/enums";
import { paymentMethods, type PaymentMethod } from "~/lib/order-states";

/*
 * The figures the provincial alliance reports, read from the trigger-kept rollup tables (see
 * scripts/alliance-rollups-sql.ts). With `source: "raw"` every read goes to the table's `_source` view instead,
 * which computes the same rows from the raw tables: the exactness tests and the bench's baseline use that.
 * One function feeds the page, the CSV exports, the XLSX and the PDF, so they cannot disagree.
 */

export type Source = "rollup" | "raw";
export type Scope = { provinceCode: string | null };

let statementDb: Database.Database | undefined;
const statements = new Map<string, Database.Statement>();
function stmt(sql: string): Database.Statement {
  const client = getDb().$client;
  if (client !== statementDb) {
    statements.clear();
    statementDb = client;
  }
  let s = statements.get(sql);
  if (!s) {
    s = client.prepare(sql);
    statements.set(sql, s);
  }
  return s;
}

const table = (name: string, source: Source) => (source === "raw" ? `${name}_source` : name);
/** A province filter and its parameters: one province, or every province (national totals). */
const where = (scope: Scope) => (scope.provinceCode ? "province_code = ?" : "province_code IS NOT NULL");
const params = (scope: Scope) => (scope.provinceCode ? [scope.provinceCode] : []);

export const cooperativeStates = ["verified", "pending", "rejected", "suspended"] as const;
export type CooperativeState = (typeof cooperativeStates)[number];
export const expiryWindows = [30, 60, 90] as const;
export const ocopStars = [3, 4, 5] as const;

/* ------------------------------------------------------------------ state figures (as of today) */

export function cooperativeFigures(scope: Scope, source: Source = "rollup") {
  const rows = stmt(`SELECT cooperative_type AS type, state, sum(n) AS n, sum(declared_members) AS members FROM ${table("alliance_coop_counts", source)} WHERE ${where(scope)} GROUP BY 1, 2`).all(...params(scope)) as { type: string; state: CooperativeState; n: number; members: number }[];
  const byType = Object.fromEntries(cooperativeTypes.map((t) => [t, Object.fromEntries(cooperativeStates.map((s) => [s, 0]))])) as Record<(typeof cooperativeTypes)[number], Record<CooperativeState, number>>;
  let total = 0;
  let declaredMembers = 0;
  for (const r of rows) {
    const t = (cooperativeTypes as readonly string[]).includes(r.type) ? (r.type as (typeof cooperativeTypes)[number]) : "htx";
    byType[t][r.state] += r.n;
    // Suspended cooperatives are off the platform: not counted as active ones.
    if (r.state !== "suspended") {
      total += r.n;
      declaredMembers += r.members;
    }
  }
  const verified = cooperativeTypes.reduce((s, t) => s + byType[t].verified, 0);
  const members = stmt(`SELECT coalesce(sum(n), 0) AS n FROM ${table("alliance_member_counts", source)} WHERE ${where(scope)}`).get(...params(scope)) as { n: number };
  const workforce = stmt(`SELECT coalesce(sum(n), 0) AS n, coalesce(sum(workers), 0) AS workers FROM ${table("alliance_workforce_counts", source)} WHERE ${where(scope)}`).get(...params(scope)) as { n: number; workers: number };
  return {
    total,
    verified,
    byType,
    memberHouseholds: members.n,
    declaredMembers,
    // Nothing declared yet is "no data", not zero workers.
    declaredWorkers: workforce.n ? workforce.workers : null,
    workforceDeclarations: workforce.n,
  };
}

export function productFigures(scope: Scope, source: Source = "rollup") {
  const rows = stmt(`SELECT status, gtin_state AS g, sum(n) AS n FROM ${table("alliance_product_counts", source)} WHERE ${where(scope)} GROUP BY 1, 2`).all(...params(scope)) as { status: string; g: 0 | 1 | 2; n: number }[];
  let published = 0;
  const gtin = { valid: 0, missing: 0, invalid: 0 };
  for (const r of rows) {
    if (r.status !== "published") continue;
    published += r.n;
    if (r.g === 1) gtin.valid += r.n;
    else if (r.g === 2) gtin.invalid += r.n;
    else gtin.missing += r.n;
  }
  return { published, gtin, validGtinShare: published ? gtin.valid / published : null };
}

/** OCOP products active today, by exact stars (counted as "at least n" and differenced) and by OCOP group. */
export function ocopFigures(scope: Scope, today: string, source: Source = "rollup") {
  const rows = stmt(`SELECT group_code AS g, min_stars AS s, sum(n) AS n FROM ${table("alliance_ocop_counts", source)} WHERE ${where(scope)} AND until >= ? GROUP BY 1, 2`).all(...params(scope), today) as { g: string | null; s: 3 | 4 | 5; n: number }[];
  const groups = stmt("SELECT DISTINCT group_code AS code, group_vi AS vi, group_en AS en FROM ocop_categories ORDER BY group_code").all() as { code: string; vi: string; en: string }[];
  const atLeast = { 3: 0, 4: 0, 5: 0 } as Record<3 | 4 | 5, number>;
  const groupAtLeast3 = new Map<string, number>();
  for (const r of rows) {
    atLeast[r.s] += r.n;
    if (r.s === 3 && r.g) groupAtLeast3.set(r.g, (groupAtLeast3.get(r.g) ?? 0) + r.n);
  }
  const byStars = { 3: atLeast[3] - atLeast[4], 4: atLeast[4] - atLeast[5], 5: atLeast[5] };
  return { total: atLeast[3], byStars, byGroup: groups.map((g) => ({ ...g, n: groupAtLeast3.get(g.code) ?? 0 })) };
}

/** Verified certificates expiring within 30, 60 and 90 days from today (each window includes the shorter ones). */
export function expiryFigures(scope: Scope, today: string, source: Source = "rollup") {
  const rows = stmt(`SELECT expiry_date AS d, type, sum(n) AS n FROM ${table("alliance_cert_expiry", source)} WHERE ${where(scope)} AND expiry_date BETWEEN ? AND ? GROUP BY 1, 2`).all(...params(scope), today, addDays(today, 90)) as { d: string; type: string; n: number }[];
  const within = { 30: 0, 60: 0, 90: 0 } as Record<(typeof expiryWindows)[number], number>;
  const ocopWithin = { 30: 0, 60: 0, 90: 0 } as Record<(typeof expiryWindows)[number], number>;
  for (const r of rows) {
    for (const w of expiryWindows) {
      if (r.d <= addDays(today, w)) {
        within[w] += r.n;
        if (r.type === "ocop") ocopWithin[w] += r.n;
      }
    }
  }
  return { within, ocopWithin };
}

/* ------------------------------------------------------------------ period figures */

type Pair = { now: number; before: number };
const pairSql = (t: string, scope: Scope, measure = "n") =>
  `SELECT coalesce(sum(CASE WHEN day BETWEEN ? AND ? THEN ${measure} END), 0) AS now, coalesce(sum(CASE WHEN day BETWEEN ? AND ? THEN ${measure} END), 0) AS before FROM ${t} WHERE ${where(scope)} AND day BETWEEN ? AND ?`;
function pair(t: string, scope: Scope, p: Period, prev: Period, measure = "n"): Pair {
  return stmt(pairSql(t, scope, measure)).get(p.from, p.to, prev.from, prev.to, ...params(scope), prev.from, p.to) as Pair;
}

export function lotFigures(scope: Scope, p: Period, prev: Period, source: Source = "rollup") {
  return pair(table("alliance_lot_days", source), scope, p, prev);
}

/** Scans in the period and the previous one, and per Monday-start week of the period. */
export function scanFigures(scope: Scope, p: Period, prev: Period, source: Source = "rollup") {
  const totals = pair(table("alliance_scan_days", source), scope, p, prev);
  const rows = stmt(`SELECT day, sum(n) AS n FROM ${table("alliance_scan_days", source)} WHERE ${where(scope)} AND day BETWEEN ? AND ? GROUP BY day`).all(...params(scope), p.from, p.to) as { day: string; n: number }[];
  const weeks = new Map(weeksIn(p.from, p.to).map((w) => [w, 0]));
  for (const r of rows) {
    const w = weekStart(r.day);
    weeks.set(w, (weeks.get(w) ?? 0) + r.n);
  }
  return { ...totals, perWeek: [...weeks].map(([week, n]) => ({ week, n })) };
}

function inquiryPeriod(scope: Scope, from: string, to: string, source: Source) {
  const t = table("alliance_inquiries", source);
  const c = stmt(`SELECT count(*) AS n, count(reply_seconds) AS answered FROM ${t} WHERE ${where(scope)} AND day BETWEEN ? AND ?`).get(...params(scope), from, to) as { n: number; answered: number };
  let medianSeconds: number | null = null;
  if (c.answered) {
    const mid = stmt(`SELECT reply_seconds AS s FROM ${t} WHERE ${where(scope)} AND day BETWEEN ? AND ? AND reply_seconds IS NOT NULL ORDER BY reply_seconds LIMIT ? OFFSET ?`)
      .all(...params(scope), from, to, c.answered % 2 ? 1 : 2, Math.floor((c.answered - 1) / 2)) as { s: number }[];
    medianSeconds = median(mid.map((r) => r.s));
  }
  return { ...c, medianSeconds };
}

/** Inquiries opened in the period, how many the cooperative answered, and the median time to its first reply. */
export function inquiryFigures(scope: Scope, p: Period, prev: Period, source: Source = "rollup") {
  return { now: inquiryPeriod(scope, p.from, p.to, source), before: inquiryPeriod(scope, prev.from, prev.to, source) };
}

type MethodTotals = Record<PaymentMethod, { n: number; value: number }>;
const emptyMethods = (): MethodTotals => Object.fromEntries(paymentMethods.map((m) => [m, { n: 0, value: 0 }])) as MethodTotals;

/**
 * Orders placed in the period (count and value, whatever became of them) and orders paid in it (by the day the
 * payment was recorded, by method); the paid value per month for the twelve months ending with the period.
 */
export function orderFigures(scope: Scope, p: Period, prev: Period, source: Source = "rollup") {
  const placedRows = stmt(`SELECT CASE WHEN day >= ? THEN 'now' ELSE 'before' END AS side, status, sum(n) AS n, sum(value) AS value FROM ${table("alliance_order_days", source)} WHERE ${where(scope)} AND ((day BETWEEN ? AND ?) OR (day BETWEEN ? AND ?)) GROUP BY 1, 2`)
    .all(p.from, ...params(scope), p.from, p.to, prev.from, prev.to) as { side: "now" | "before"; status: string; n: number; value: number }[];
  const placed = { now: { n: 0, value: 0, cancelled: 0 }, before: { n: 0, value: 0, cancelled: 0 } };
  for (const r of placedRows) {
    placed[r.side].n += r.n;
    placed[r.side].value += r.value;
    if (["cancelled", "rejected", "expired"].includes(r.status)) placed[r.side].cancelled += r.n;
  }
  const paidRows = stmt(`SELECT CASE WHEN day >= ? THEN 'now' ELSE 'before' END AS side, payment_method AS m, sum(n) AS n, sum(value) AS value FROM ${table("alliance_paid_days", source)} WHERE ${where(scope)} AND ((day BETWEEN ? AND ?) OR (day BETWEEN ? AND ?)) GROUP BY 1, 2`)
    .all(p.from, ...params(scope), p.from, p.to, prev.from, prev.to) as { side: "now" | "before"; m: PaymentMethod; n: number; value: number }[];
  const paid = { now: { n: 0, value: 0, byMethod: emptyMethods() }, before: { n: 0, value: 0, byMethod: emptyMethods() } };
  for (const r of paidRows) {
    const side = paid[r.side];
    side.n += r.n;
    side.value += r.value;
    if (side.byMethod[r.m]) {
      side.byMethod[r.m].n += r.n;
      side.byMethod[r.m].value += r.value;
    }
  }
  const months = monthsEnding(p.to, 12);
  const monthRows = stmt(`SELECT substr(day, 1, 7) AS month, payment_method AS m, sum(n) AS n, sum(value) AS value FROM ${table("alliance_paid_days", source)} WHERE ${where(scope)} AND day BETWEEN ? AND ? GROUP BY 1, 2`)
    .all(...params(scope), `${months[0]}-01`, p.to) as { month: string; m: PaymentMethod; n: number; value: number }[];
  const perMonth = months.map((month) => ({ month, byMethod: emptyMethods(), n: 0, value: 0 }));
  const index = new Map(perMonth.map((m) => [m.month, m]));
  for (const r of monthRows) {
    const m = index.get(r.month);
    if (!m || !m.byMethod[r.m]) continue;
    m.byMethod[r.m].n += r.n;
    m.byMethod[r.m].value += r.value;
    m.n += r.n;
    m.value += r.value;
  }
  return { placed, paid, perMonth };
}

export function decisionFigures(scope: Scope, p: Period, prev: Period, source: Source = "rollup") {
  const rows = stmt(`SELECT CASE WHEN day >= ? THEN 'now' ELSE 'before' END AS side, status, sum(n) AS n FROM ${table("alliance_decision_days", source)} WHERE ${where(scope)} AND ((day BETWEEN ? AND ?) OR (day BETWEEN ? AND ?)) GROUP BY 1, 2`)
    .all(p.from, ...params(scope), p.from, p.to, prev.from, prev.to) as { side: "now" | "before"; status: string; n: number }[];
  const out = { now: { verified: 0, rejected: 0, revoked: 0 }, before: { verified: 0, rejected: 0, revoked: 0 } };
  for (const r of rows) if (r.status in out[r.side]) out[r.side][r.status as "verified"] += r.n;
  return out;
}

/* ------------------------------------------------------------------ one province, or the whole country */

export type DashboardFigures = ReturnType<typeof dashboardFigures>;

/** Every figure of the dashboard for one province (or, with `provinceCode` null, the whole country). */
export function dashboardFigures({ provinceCode, period, previous, today, source = "rollup" }: { provinceCode: string | null; period: Period; previous: Period; today: string; source?: Source }) {
  const scope = { provinceCode };
  return {
    provinceCode,
    period,
    previous,
    today,
    cooperatives: cooperativeFigures(scope, source),
    products: productFigures(scope, source),
    ocop: ocopFigures(scope, today, source),
    expiry: expiryFigures(scope, today, source),
    lots: lotFigures(scope, period, previous, source),
    scans: scanFigures(scope, period, previous, source),
    inquiries: inquiryFigures(scope, period, previous, source),
    orders: orderFigures(scope, period, previous, source),
    decisions: decisionFigures(scope, period, previous, source),
    // Figures other capabilities add (e.g. supply–demand requests and offers) register in alliance-extra.
    extra: extraFigures.map((f) => f({ provinceCode, period, previous, today })).filter((x): x is ExtraFigure => x !== null),
  };
}

/**
 * A figure another capability contributes: a label key, how it is counted, and values (null when it has no data
 * yet, so the page shows nothing rather than zero).
 */
export type ExtraFigure = { id: string; label: string; how: string; now: number | null; before: number | null; href?: string };
export const extraFigures: ((args: { provinceCode: string | null; period: Period; previous: Period; today: string }) => ExtraFigure | null)[] = [];

/** The national comparison: one row of key figures per province, from the same rollups in one pass per table. */
export function nationalTable({ period, today, source = "rollup" }: { period: Period; today: string; source?: Source }) {
  const rows = new Map<string, { provinceCode: string; cooperatives: number; verified: number; members: number; published: number; validGtin: number; ocop: number; lots: number; scans: number; inquiries: number; answered: number; ordersPlaced: number; paidValue: number; paidOrders: number }>();
  const row = (code: string) => {
    let r = rows.get(code);
    if (!r) {
      r = { provinceCode: code, cooperatives: 0, verified: 0, members: 0, published: 0, validGtin: 0, ocop: 0, lots: 0, scans: 0, inquiries: 0, answered: 0, ordersPlaced: 0, paidValue: 0, paidOrders: 0 };
      rows.set(code, r);
    }
    return r;
  };
  for (const c of stmt("SELECT code FROM provinces ORDER BY code").all() as { code: string }[]) row(c.code);
  for (const r of stmt(`SELECT province_code AS p, state, sum(n) AS n FROM ${table("alliance_coop_counts", source)} GROUP BY 1, 2`).all() as { p: string; state: string; n: number }[]) {
    if (r.state === "suspended") continue;
    row(r.p).cooperatives += r.n;
    if (r.state === "verified") row(r.p).verified += r.n;
  }
  for (const r of stmt(`SELECT province_code AS p, sum(n) AS n FROM ${table("alliance_member_counts", source)} GROUP BY 1`).all() as { p: string; n: number }[]) row(r.p).members += r.n;
  for (const r of stmt(`SELECT province_code AS p, gtin_state AS g, sum(n) AS n FROM ${table("alliance_product_counts", source)} WHERE status = 'published' GROUP BY 1, 2`).all() as { p: string; g: number; n: number }[]) {
    row(r.p).published += r.n;
    if (r.g === 1) row(r.p).validGtin += r.n;
  }
  for (const r of stmt(`SELECT province_code AS p, sum(n) AS n FROM ${table("alliance_ocop_counts", source)} WHERE min_stars = 3 AND until >= ? GROUP BY 1`).all(today) as { p: string; n: number }[]) row(r.p).ocop += r.n;
  const sumBy = (t: string, measure: string, key: "lots" | "scans" | "paidValue" | "paidOrders" | "ordersPlaced") => {
    for (const r of stmt(`SELECT province_code AS p, sum(${measure}) AS n FROM ${table(t, source)} WHERE day BETWEEN ? AND ? GROUP BY 1`).all(period.from, period.to) as { p: string; n: number }[]) row(r.p)[key] += r.n;
  };
  sumBy("alliance_lot_days", "n", "lots");
  sumBy("alliance_scan_days", "n", "scans");
  sumBy("alliance_order_days", "n", "ordersPlaced");
  sumBy("alliance_paid_days", "value", "paidValue");
  sumBy("alliance_paid_days", "n", "paidOrders");
  for (const r of stmt(`SELECT province_code AS p, count(*) AS n, count(reply_seconds) AS answered FROM ${table("alliance_inquiries", source)} WHERE day BETWEEN ? AND ? GROUP BY 1`).all(period.from, period.to) as { p: string; n: number; answered: number }[]) {
    row(r.p).inquiries += r.n;
    row(r.p).answered += r.answered;
  }
  return [...rows.values()];
}

/**
 * Writes db/migrations/NNNN_alliance_sql.sql (the custom migration made with `drizzle-kit generate --custom`): the per-province rollup tables the alliance dashboard reads, each with
 * a `<table>_source` view that computes the same rows from the raw tables, and the triggers that keep the table
 * equal to its view. Run: npx tsx scripts/alliance-rollups-sql.ts
 *
 * Every rollup is described once by its "contribution": the rows one base-table row adds (a SELECT list and a
 * condition over an alias). From it come the view (GROUP BY over the base table), and the triggers: INSERT adds the
 * new row's contribution, DELETE adds the old one's with the measures negated, UPDATE does both. Rows that fall to
 * zero stay (they are harmless and the next write reuses them).
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

type Part = { select: (r: string) => string; where?: (r: string) => string };
export type Rollup = {
  table: string;
  base: string;
  keys: [string, string][]; // name, SQL type
  measures: string[];
  parts: Part[];
  /** Columns whose update changes the contribution (all others leave it alone). */
  updateOf: string[];
  doc: string;
};

const vnDay = (col: string) => `date(${col}, '+7 hours')`;
const coopProvince = (r: string, col = "cooperative_id") => `(SELECT o.province_code FROM organisations o WHERE o.id = ${r}.${col})`;

function gtinState(r: string) {
  const g = `${r}.gtin`;
  const d = (i: number) => `CAST(substr(${g},${i},1) AS INTEGER)`;
  const sum = Array.from({ length: 13 }, (_, k) => (k % 2 === 0 ? `3*${d(k + 1)}` : d(k + 1))).join("+");
  return `CASE WHEN ${g} IS NULL THEN 0 WHEN length(${g}) = 14 AND ${g} NOT GLOB '*[^0-9]*' AND (10 - ((${sum}) % 10)) % 10 = ${d(14)} THEN 1 ELSE 2 END`;
}

export const rollups: Rollup[] = [
  {
    table: "alliance_order_days",
    doc: "Orders placed per province of the cooperative, Viet Nam day of placing, payment method and current status: count and total value.",
    base: "orders",
    keys: [["province_code", "TEXT"], ["day", "TEXT"], ["payment_method", "TEXT"], ["status", "TEXT"]],
    measures: ["n", "value"],
    parts: [{ select: (r) => `${coopProvince(r)}, ${vnDay(`${r}.created_at`)}, ${r}.payment_method, ${r}.status, 1, ${r}.total` }],
    updateOf: ["cooperative_id", "created_at", "payment_method", "status", "total"],
  },
  {
    table: "alliance_paid_days",
    doc: "Paid orders per province, Viet Nam day of payment and payment method: count and value.",
    base: "orders",
    keys: [["province_code", "TEXT"], ["day", "TEXT"], ["payment_method", "TEXT"]],
    measures: ["n", "value"],
    parts: [{ select: (r) => `${coopProvince(r)}, ${vnDay(`${r}.paid_at`)}, ${r}.payment_method, 1, ${r}.total`, where: (r) => `${r}.paid_at IS NOT NULL` }],
    updateOf: ["cooperative_id", "paid_at", "payment_method", "total"],
  },
  {
    table: "alliance_scan_days",
    doc: "Consumer scans per province of the lot's cooperative and Viet Nam day.",
    base: "scans",
    keys: [["province_code", "TEXT"], ["day", "TEXT"]],
    measures: ["n"],
    parts: [
      {
        select: (r) => `(SELECT o.province_code FROM lots l JOIN organisations o ON o.id = l.cooperative_id WHERE l.id = ${r}.lot_id), ${vnDay(`${r}.at`)}, 1`,
      },
    ],
    updateOf: ["lot_id", "at"],
  },
  {
    table: "alliance_lot_days",
    doc: "Lots recorded per province and Viet Nam day of recording.",
    base: "lots",
    keys: [["province_code", "TEXT"], ["day", "TEXT"]],
    measures: ["n"],
    parts: [{ select: (r) => `${coopProvince(r)}, ${vnDay(`${r}.created_at`)}, 1` }],
    updateOf: ["cooperative_id", "created_at"],
  },
  {
    table: "alliance_decision_days",
    doc: "Certificate decisions (verified, rejected, revoked) per province, Viet Nam day of the decision and certificate type.",
    base: "certificates",
    keys: [["province_code", "TEXT"], ["day", "TEXT"], ["type", "TEXT"], ["status", "TEXT"]],
    measures: ["n"],
    parts: [{ select: (r) => `${coopProvince(r)}, ${vnDay(`${r}.decided_at`)}, ${r}.type, ${r}.status, 1`, where: (r) => `${r}.decided_at IS NOT NULL AND ${r}.status <> 'pending'` }],
    updateOf: ["cooperative_id", "decided_at", "type", "status"],
  },
  {
    table: "alliance_cert_expiry",
    doc: "Verified certificates with an expiry date, per province, type, OCOP stars (0 for other types) and expiry date.",
    base: "certificates",
    keys: [["province_code", "TEXT"], ["type", "TEXT"], ["stars", "INTEGER"], ["expiry_date", "TEXT"]],
    measures: ["n"],
    parts: [{ select: (r) => `${coopProvince(r)}, ${r}.type, coalesce(${r}.ocop_stars, 0), ${r}.expiry_date, 1`, where: (r) => `${r}.status = 'verified' AND ${r}.expiry_date IS NOT NULL` }],
    updateOf: ["cooperative_id", "status", "type", "ocop_stars", "expiry_date"],
  },
  {
    table: "alliance_coop_counts",
    doc: "Cooperatives per province, type (htx, tht, lhhtx) and state (verified, pending, rejected, suspended), with the members they declare.",
    base: "organisations",
    keys: [["province_code", "TEXT"], ["cooperative_type", "TEXT"], ["state", "TEXT"]],
    measures: ["n", "declared_members"],
    parts: [
      {
        select: (r) =>
          `${r}.province_code, coalesce(${r}.cooperative_type, 'htx'), CASE WHEN ${r}.status = 'suspended' THEN 'suspended' WHEN ${r}.verified_at IS NOT NULL THEN 'verified' WHEN ${r}.rejection_reason IS NOT NULL THEN 'rejected' ELSE 'pending' END, 1, coalesce(${r}.member_count, 0)`,
        where: (r) => `${r}.kind = 'cooperative'`,
      },
    ],
    updateOf: ["kind", "province_code", "cooperative_type", "status", "verified_at", "rejection_reason", "member_count"],
  },
  {
    table: "alliance_member_counts",
    doc: "Member households recorded per province of their cooperative.",
    base: "members",
    keys: [["province_code", "TEXT"]],
    measures: ["n"],
    parts: [{ select: (r) => `${coopProvince(r)}, 1` }],
    updateOf: ["cooperative_id"],
  },
  {
    table: "alliance_workforce_counts",
    doc: "Declared workers per province: cooperatives that declared, and the sum of workers.",
    base: "cooperative_workforce",
    keys: [["province_code", "TEXT"]],
    measures: ["n", "workers"],
    parts: [{ select: (r) => `${coopProvince(r)}, 1, ${r}.workers` }],
    updateOf: ["cooperative_id", "workers"],
  },
  {
    table: "alliance_product_counts",
    doc: "Products per province of origin, status and GTIN state (0 none, 1 valid check digit, 2 invalid).",
    base: "products",
    keys: [["province_code", "TEXT"], ["status", "TEXT"], ["gtin_state", "INTEGER"]],
    measures: ["n"],
    parts: [{ select: (r) => `${r}.origin_province_code, ${r}.status, ${gtinState(r)}, 1` }],
    updateOf: ["origin_province_code", "status", "gtin"],
  },
  {
    table: "alliance_ocop_counts",
    doc: "Searchable products holding a verified OCOP certificate of at least `min_stars`, per province of origin, OCOP group and the latest expiry: active today means until >= today.",
    base: "search_attrs",
    keys: [["province_code", "TEXT"], ["group_code", "TEXT"], ["min_stars", "INTEGER"], ["until", "TEXT"]],
    measures: ["n"],
    parts: [3, 4, 5].map((s) => ({
      select: (r: string) => `${r}.province_code, (SELECT c.group_code FROM ocop_categories c WHERE c.code = ${r}.category_code), ${s}, ${r}.u_ocop${s}, 1`,
      where: (r: string) => `${r}.u_ocop${s} IS NOT NULL`,
    })),
    updateOf: [],
  },
];

const cols = (r: Rollup) => [...r.keys.map(([k]) => k), ...r.measures];

/** Splits a SELECT list on its top-level commas (not those inside parentheses or quotes). */
function splitList(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = false;
  let cur = "";
  for (const ch of list) {
    if (ch === "'") quote = !quote;
    if (!quote && ch === "(") depth++;
    if (!quote && ch === ")") depth--;
    if (!quote && depth === 0 && ch === ",") {
      out.push(cur.trim());
      cur = "";
    } else cur += ch;
  }
  out.push(cur.trim());
  return out;
}

/** The rows one base row (alias) contributes, with named columns; with `from`, every base row's. */
const contribution = (r: Rollup, alias: string, from?: string) =>
  r.parts
    .map((p) => {
      const exprs = splitList(p.select(alias));
      if (exprs.length !== cols(r).length) throw new Error(`${r.table}: ${exprs.length} expressions for ${cols(r).length} columns`);
      const list = exprs.map((e, i) => `${e} AS ${cols(r)[i]}`).join(", ");
      return `SELECT ${list}${from ? ` FROM ${from} ${alias}` : ""}${p.where ? ` WHERE ${p.where(alias)}` : ""}`;
    })
    .join(" UNION ALL ");

function apply(r: Rollup, alias: "NEW" | "OLD", sign: 1 | -1) {
  const keys = r.keys.map(([k]) => k);
  const measures = r.measures.map((m) => (sign === 1 ? m : `-${m}`));
  // `WHERE` before ON CONFLICT also keeps SQLite's parser from reading ON as a join constraint.
  return `  INSERT INTO ${r.table} (${cols(r).join(", ")}) SELECT ${[...keys, ...measures].join(", ")} FROM (${contribution(r, alias)}) WHERE province_code IS NOT NULL
    ON CONFLICT (${keys.join(", ")}) DO UPDATE SET ${r.measures.map((m) => `${m} = ${m} + excluded.${m}`).join(", ")};`;
}

export function rollupSql(): string {
  const out: string[] = [];
  const header =
    "-- Alliance dashboard rollups (generated by scripts/alliance-rollups-sql.ts; edit that file, not this one).\n" +
    "-- Each table equals its <table>_source view (checked by tests/integration/alliance-rollups.test.ts).\n";
  for (const [i, r] of rollups.entries()) {
    out.push(
      `${i === 0 ? header : ""}-- ${r.table}: ${r.doc}\nCREATE TABLE ${r.table} (\n${r.keys.map(([k, t]) => `  ${k} ${t} NOT NULL`).join(",\n")},\n${r.measures.map((m) => `  ${m} INTEGER NOT NULL`).join(",\n")},\n  PRIMARY KEY (${r.keys.map(([k]) => k).join(", ")})\n) WITHOUT ROWID`,
    );
    const keys = r.keys.map(([k]) => k);
    out.push(
      `CREATE VIEW ${r.table}_source AS SELECT ${keys.join(", ")}, ${r.measures.map((m) => `sum(${m}) AS ${m}`).join(", ")} FROM (${contribution(r, "R", r.base)}) WHERE ${keys[0]} IS NOT NULL GROUP BY ${keys.join(", ")}`,
    );
    const of = r.updateOf.length ? ` OF ${r.updateOf.join(", ")}` : "";
    out.push(`CREATE TRIGGER ${r.table}_ai AFTER INSERT ON ${r.base} BEGIN\n${apply(r, "NEW", 1)}\nEND`);
    out.push(`CREATE TRIGGER ${r.table}_ad AFTER DELETE ON ${r.base} BEGIN\n${apply(r, "OLD", -1)}\nEND`);
    out.push(`CREATE TRIGGER ${r.table}_au AFTER UPDATE${of} ON ${r.base} BEGIN\n${apply(r, "OLD", -1)}\n${apply(r, "NEW", 1)}\nEND`);
  }
  // A lot's scans are deleted by the cascade after the lot row is gone, when their province can no longer be
  // found (the scan trigger then skips them): take them off here, while the lot still exists.
  out.push(`CREATE TRIGGER alliance_scan_days_lot_bd BEFORE DELETE ON lots BEGIN
  INSERT INTO alliance_scan_days (province_code, day, n)
    SELECT ${coopProvince("OLD")} AS province_code, ${vnDay("s.at")} AS day, -count(*) FROM scans s WHERE s.lot_id = OLD.id AND ${coopProvince("OLD")} IS NOT NULL GROUP BY day
    ON CONFLICT (province_code, day) DO UPDATE SET n = n + excluded.n;
END`);

  // Inquiries: one row per thread with the seconds to the cooperative's first reply (null while unanswered), so the
  // median over any range of days is exact.
  out.push(`-- alliance_inquiries: one row per inquiry thread: province of the cooperative, Viet Nam day it was opened, seconds to the cooperative's first reply.
CREATE TABLE alliance_inquiries (
  thread_id INTEGER PRIMARY KEY NOT NULL,
  province_code TEXT NOT NULL,
  day TEXT NOT NULL,
  reply_seconds INTEGER
)`);
  out.push("CREATE INDEX alliance_inquiries_province_day_idx ON alliance_inquiries (province_code, day, reply_seconds)");
  out.push(`CREATE VIEW alliance_inquiries_source AS SELECT t.id AS thread_id, o.province_code, ${vnDay("t.created_at")} AS day,
  (SELECT CAST(round((julianday(min(m.created_at)) - julianday(t.created_at)) * 86400) AS INTEGER) FROM messages m WHERE m.thread_id = t.id AND m.sender_org_id = t.cooperative_id) AS reply_seconds
FROM threads t JOIN organisations o ON o.id = t.cooperative_id`);
  const refresh = (id: string) => `  INSERT OR REPLACE INTO alliance_inquiries SELECT * FROM alliance_inquiries_source WHERE thread_id = ${id};`;
  out.push(`CREATE TRIGGER alliance_inquiries_thread_ai AFTER INSERT ON threads BEGIN\n${refresh("NEW.id")}\nEND`);
  out.push(`CREATE TRIGGER alliance_inquiries_thread_au AFTER UPDATE OF cooperative_id, created_at ON threads BEGIN\n${refresh("NEW.id")}\nEND`);
  out.push(`CREATE TRIGGER alliance_inquiries_thread_ad AFTER DELETE ON threads BEGIN\n  DELETE FROM alliance_inquiries WHERE thread_id = OLD.id;\nEND`);
  out.push(`CREATE TRIGGER alliance_inquiries_message_ai AFTER INSERT ON messages BEGIN\n${refresh("NEW.thread_id")}\nEND`);
  out.push(`CREATE TRIGGER alliance_inquiries_message_ad AFTER DELETE ON messages BEGIN\n${refresh("OLD.thread_id")}\nEND`);

  // Fill the tables from what is already there (a database migrated after data was written).
  for (const r of rollups) out.push(`INSERT INTO ${r.table} SELECT * FROM ${r.table}_source`);
  out.push("INSERT INTO alliance_inquiries SELECT * FROM alliance_inquiries_source");
  return out.join("\n--> statement-breakpoint\n") + "\n";
}

/** Every trigger-kept table and its view, for the exactness tests and the bench's rebuild. */
export const allianceRollupTables = [...rollups.map((r) => r.table), "alliance_inquiries"];

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  // The migration's number changes when branches are merged and migrations regenerated: find it by its name.
  const migrations = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../db/migrations");
  const name = fs.readdirSync(migrations).find((f) => /^\d+_alliance_sql\.sql$/.test(f));
  if (!name) throw new Error("no *_alliance_sql.sql migration: run npx drizzle-kit generate --custom --name=alliance_sql first");
  const file = path.join(migrations, name);
  fs.writeFileSync(file, rollupSql());
  console.log(`wrote ${file}`);
}

import { getDb } from "~/db.server";
import { addDays, vietnamDayStartUtc, type Period } from "~/lib/periods";
import { isValidGtin } from "~/lib/gtin";

/*
 * The lists behind the dashboard's figures ("drill-down"), read from the raw tables and always scoped to one
 * province (or none, for the platform admin's national view). Each list's row count equals the figure it opens
 * (tests/integration/alliance-reports.test.ts checks this). Column kinds tell the page, the CSV and the XLSX how
 * to show a value; labels are message keys the route translates.
 */

export const listIds = ["cooperatives", "products", "ocop", "expiring", "lots", "scans", "inquiries", "orders", "decisions"] as const;
export type ListId = (typeof listIds)[number];
export type ColumnKind = "text" | "number" | "vnd" | "date" | "datetime" | "hours" | "enum";
export type Column = { key: string; kind: ColumnKind; /** For enums: the message key prefix of the value. */ enumPrefix?: string };
export type ListRow = Record<string, string | number | null> & { href?: string | null };

/** Filters each list accepts, with their allowed values; anything else is a 400. */
export const listFilters: Record<ListId, Record<string, readonly string[]>> = {
  cooperatives: { type: ["htx", "tht", "lhhtx"], state: ["verified", "pending", "rejected", "suspended"] },
  products: { gtin: ["valid", "missing", "invalid"] },
  ocop: { stars: ["3", "4", "5"], group: ["I", "II", "III", "IV", "V", "VI"] },
  expiring: { within: ["30", "60", "90"], type: ["ocop", "vietgap", "organic", "globalgap", "iso9001", "iso22000", "haccp", "gi", "collective_trademark", "planting_area_code", "other"] },
  lots: {},
  scans: {},
  inquiries: { answered: ["yes", "no"] },
  orders: { basis: ["placed", "paid"], method: ["card", "bank_transfer", "cod"], status: ["placed", "confirmed", "rejected", "paid", "packed", "shipped", "delivered", "completed", "cancelled", "expired"] },
  decisions: { status: ["verified", "rejected", "revoked"] },
};

/** Lists that depend on the period (the others are "as of today"). */
export const periodLists: ReadonlySet<ListId> = new Set(["lots", "scans", "inquiries", "orders", "decisions"]);

export const listColumns: Record<ListId, Column[]> = {
  cooperatives: [
    { key: "name", kind: "text" },
    { key: "type", kind: "enum", enumPrefix: "alliance.coopType." },
    { key: "state", kind: "enum", enumPrefix: "alliance.coopState." },
    { key: "commune", kind: "text" },
    { key: "declaredMembers", kind: "number" },
    { key: "memberHouseholds", kind: "number" },
  ],
  products: [
    { key: "name", kind: "text" },
    { key: "cooperative", kind: "text" },
    { key: "gtin", kind: "text" },
    { key: "gtinState", kind: "enum", enumPrefix: "alliance.gtin." },
  ],
  ocop: [
    { key: "name", kind: "text" },
    { key: "cooperative", kind: "text" },
    { key: "stars", kind: "number" },
    { key: "group", kind: "text" },
    { key: "until", kind: "date" },
  ],
  expiring: [
    { key: "cooperative", kind: "text" },
    { key: "type", kind: "enum", enumPrefix: "catalogue.certType." },
    { key: "number", kind: "text" },
    { key: "stars", kind: "number" },
    { key: "expiryDate", kind: "date" },
    { key: "daysLeft", kind: "number" },
  ],
  lots: [
    { key: "code", kind: "text" },
    { key: "product", kind: "text" },
    { key: "cooperative", kind: "text" },
    { key: "harvestDate", kind: "date" },
    { key: "recordedAt", kind: "datetime" },
  ],
  scans: [
    { key: "code", kind: "text" },
    { key: "product", kind: "text" },
    { key: "cooperative", kind: "text" },
    { key: "scans", kind: "number" },
  ],
  inquiries: [
    { key: "subject", kind: "text" },
    { key: "cooperative", kind: "text" },
    { key: "buyer", kind: "text" },
    { key: "openedAt", kind: "datetime" },
    { key: "replyHours", kind: "hours" },
  ],
  orders: [
    { key: "number", kind: "text" },
    { key: "cooperative", kind: "text" },
    { key: "buyer", kind: "text" },
    { key: "placedAt", kind: "datetime" },
    { key: "status", kind: "enum", enumPrefix: "orders.status." },
    { key: "method", kind: "enum", enumPrefix: "orders.method." },
    { key: "total", kind: "vnd" },
    { key: "paidAt", kind: "datetime" },
  ],
  decisions: [
    { key: "cooperative", kind: "text" },
    { key: "type", kind: "enum", enumPrefix: "catalogue.certType." },
    { key: "number", kind: "text" },
    { key: "status", kind: "enum", enumPrefix: "catalogue.certStatus." },
    { key: "decidedAt", kind: "datetime" },
  ],
};

export type ListQuery = { list: ListId; provinceCode: string | null; period: Period; today: string; filters: Record<string, string> };

const client = () => getDb().$client;
/** `AND o.province_code = ?` for one province, nothing for the national view. */
function inProvince(provinceCode: string | null, column = "o.province_code") {
  return provinceCode ? { sql: ` AND ${column} = ?`, args: [provinceCode] } : { sql: "", args: [] as string[] };
}
/** The UTC instants bounding a period of Viet Nam days: [start of `from`, start of the day after `to`). */
function instants(p: Period) {
  return [vietnamDayStartUtc(p.from), vietnamDayStartUtc(addDays(p.to, 1))] as const;
}

function state(o: { status: string; verified_at: string | null; rejection_reason: string | null }) {
  return o.status === "suspended" ? "suspended" : o.verified_at ? "verified" : o.rejection_reason ? "rejected" : "pending";
}

/** The rows behind one figure, at most `limit` of them, and how many there are in all. */
export function listRows(q: ListQuery, limit = 10_000): { rows: ListRow[]; total: number } {
  const p = inProvince(q.provinceCode);
  const f = q.filters;
  const [start, end] = instants(q.period);
  let rows: ListRow[];
  switch (q.list) {
    case "cooperatives": {
      const raw = client()
        .prepare(
          `SELECT o.id, o.name, o.slug, coalesce(o.cooperative_type, 'htx') AS type, o.status, o.verified_at, o.rejection_reason, o.commune, o.member_count,
             (SELECT count(*) FROM members m WHERE m.cooperative_id = o.id) AS households
           FROM organisations o WHERE o.kind = 'cooperative'${p.sql} ORDER BY o.name`,
        )
        .all(...p.args) as { id: number; name: string; slug: string; type: string; status: string; verified_at: string | null; rejection_reason: string | null; commune: string | null; member_count: number | null; households: number }[];
      rows = raw
        .map((o) => ({ name: o.name, type: o.type, state: state(o), commune: o.commune, declaredMembers: o.member_count, memberHouseholds: o.households, href: `/cooperatives/${o.slug}` }))
        // With no state filter the list is the active ones, like the figure.
        .filter((o) => (f.type ? o.type === f.type : true) && (f.state ? o.state === f.state : o.state !== "suspended"));
      break;
    }
    case "products": {
      const pp = inProvince(q.provinceCode, "p.origin_province_code");
      const raw = client()
        .prepare(`SELECT p.id, p.name_vi AS name, o.name AS coop, p.gtin FROM products p JOIN organisations o ON o.id = p.cooperative_id WHERE p.status = 'published'${pp.sql} ORDER BY o.name, p.name_vi`)
        .all(...pp.args) as { id: number; name: string; coop: string; gtin: string | null }[];
      rows = raw
        .map((r) => ({ name: r.name, cooperative: r.coop, gtin: r.gtin, gtinState: r.gtin === null ? "missing" : isValidGtin(r.gtin) ? "valid" : "invalid", href: `/products/${r.id}` }))
        .filter((r) => !f.gtin || r.gtinState === f.gtin);
      break;
    }
    case "ocop": {
      const sp = inProvince(q.provinceCode, "a.province_code");
      const raw = client()
        .prepare(
          `SELECT p.id, p.name_vi AS name, o.name AS coop, c.group_code AS grp, a.u_ocop3, a.u_ocop4, a.u_ocop5 FROM search_attrs a
           JOIN products p ON p.id = a.product_id JOIN organisations o ON o.id = a.cooperative_id JOIN ocop_categories c ON c.code = a.category_code
           WHERE a.u_ocop3 >= ?${sp.sql} ORDER BY o.name, p.name_vi`,
        )
        .all(q.today, ...sp.args) as { id: number; name: string; coop: string; grp: string; u_ocop3: string; u_ocop4: string | null; u_ocop5: string | null }[];
      rows = raw
        .map((r) => {
          const stars = r.u_ocop5 && r.u_ocop5 >= q.today ? 5 : r.u_ocop4 && r.u_ocop4 >= q.today ? 4 : 3;
          const until = stars === 5 ? r.u_ocop5 : stars === 4 ? r.u_ocop4 : r.u_ocop3;
          return { name: r.name, cooperative: r.coop, stars, group: r.grp, until: until === "9999-12-31" ? null : until, href: `/products/${r.id}` };
        })
        .filter((r) => (!f.stars || String(r.stars) === f.stars) && (!f.group || r.group === f.group));
      break;
    }
    case "expiring": {
      const within = Number(f.within ?? 90);
      const raw = client()
        .prepare(
          `SELECT c.id, o.name AS coop, c.type, c.number, c.ocop_stars AS stars, c.expiry_date AS expiry FROM certificates c JOIN organisations o ON o.id = c.cooperative_id
           WHERE c.status = 'verified' AND c.expiry_date BETWEEN ? AND ?${p.sql}${f.type ? " AND c.type = ?" : ""} ORDER BY c.expiry_date, c.id`,
        )
        .all(q.today, addDays(q.today, within), ...p.args, ...(f.type ? [f.type] : [])) as { id: number; coop: string; type: string; number: string; stars: number | null; expiry: string }[];
      rows = raw.map((r) => ({
        cooperative: r.coop,
        type: r.type,
        number: r.number,
        stars: r.stars,
        expiryDate: r.expiry,
        daysLeft: Math.round((Date.parse(`${r.expiry}T00:00:00Z`) - Date.parse(`${q.today}T00:00:00Z`)) / 86_400_000),
        href: `/alliance/certificates/${r.id}`,
      }));
      break;
    }
    case "lots": {
      rows = (
        client()
          .prepare(
            `SELECT l.id, l.code, p.name_vi AS product, o.name AS coop, l.harvest_date, l.created_at FROM lots l JOIN products p ON p.id = l.product_id JOIN organisations o ON o.id = l.cooperative_id
             WHERE l.created_at >= ? AND l.created_at < ?${p.sql} ORDER BY l.created_at DESC`,
          )
          .all(start, end, ...p.args) as { id: number; code: string; product: string; coop: string; harvest_date: string; created_at: string }[]
      ).map((r) => ({ code: r.code, product: r.product, cooperative: r.coop, harvestDate: r.harvest_date, recordedAt: r.created_at, href: null }));
      break;
    }
    case "scans": {
      rows = (
        client()
          .prepare(
            `SELECT l.code, p.name_vi AS product, o.name AS coop, count(*) AS n FROM scans s JOIN lots l ON l.id = s.lot_id JOIN products p ON p.id = l.product_id JOIN organisations o ON o.id = l.cooperative_id
             WHERE s.at >= ? AND s.at < ?${p.sql} GROUP BY l.id ORDER BY n DESC, l.code`,
          )
          .all(start, end, ...p.args) as { code: string; product: string; coop: string; n: number }[]
      ).map((r) => ({ code: r.code, product: r.product, cooperative: r.coop, scans: r.n, href: null }));
      break;
    }
    case "inquiries": {
      const raw = client()
        .prepare(
          `SELECT t.id, t.subject, o.name AS coop, b.name AS buyer, t.created_at,
             (SELECT min(m.created_at) FROM messages m WHERE m.thread_id = t.id AND m.sender_org_id = t.cooperative_id) AS replied
           FROM threads t JOIN organisations o ON o.id = t.cooperative_id JOIN organisations b ON b.id = t.buyer_id
           WHERE t.created_at >= ? AND t.created_at < ?${p.sql} ORDER BY t.created_at DESC`,
        )
        .all(start, end, ...p.args) as { id: number; subject: string; coop: string; buyer: string; created_at: string; replied: string | null }[];
      rows = raw
        .map((r) => ({
          subject: r.subject,
          cooperative: r.coop,
          buyer: r.buyer,
          openedAt: r.created_at,
          replyHours: r.replied ? Math.round(((Date.parse(r.replied) - Date.parse(r.created_at)) / 3_600_000) * 10) / 10 : null,
          href: null,
        }))
        .filter((r) => (f.answered === "yes" ? r.replyHours !== null : f.answered === "no" ? r.replyHours === null : true));
      break;
    }
    case "orders": {
      const paid = f.basis === "paid";
      const raw = client()
        .prepare(
          `SELECT x.number, o.name AS coop, b.name AS buyer, x.created_at, x.status, x.payment_method AS method, x.total, x.paid_at FROM orders x
           JOIN organisations o ON o.id = x.cooperative_id JOIN organisations b ON b.id = x.buyer_id
           WHERE ${paid ? "x.paid_at" : "x.created_at"} >= ? AND ${paid ? "x.paid_at" : "x.created_at"} < ?${p.sql}${f.method ? " AND x.payment_method = ?" : ""}${f.status ? " AND x.status = ?" : ""}
           ORDER BY x.created_at DESC`,
        )
        .all(start, end, ...p.args, ...(f.method ? [f.method] : []), ...(f.status ? [f.status] : [])) as { number: string; coop: string; buyer: string; created_at: string; status: string; method: string; total: number; paid_at: string | null }[];
      rows = raw.map((r) => ({ number: r.number, cooperative: r.coop, buyer: r.buyer, placedAt: r.created_at, status: r.status, method: r.method, total: r.total, paidAt: r.paid_at, href: null }));
      break;
    }
    case "decisions": {
      rows = (
        client()
          .prepare(
            `SELECT c.id, o.name AS coop, c.type, c.number, c.status, c.decided_at FROM certificates c JOIN organisations o ON o.id = c.cooperative_id
             WHERE c.decided_at >= ? AND c.decided_at < ? AND c.status <> 'pending'${p.sql}${f.status ? " AND c.status = ?" : ""} ORDER BY c.decided_at DESC`,
          )
          .all(start, end, ...p.args, ...(f.status ? [f.status] : [])) as { id: number; coop: string; type: string; number: string; status: string; decided_at: string }[]
      ).map((r) => ({ cooperative: r.coop, type: r.type, number: r.number, status: r.status, decidedAt: r.decided_at, href: `/alliance/certificates/${r.id}` }));
      break;
    }
  }
  return { rows: rows.slice(0, limit), total: rows.length };
}

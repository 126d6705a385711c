import { describe, expect, it } from "vitest";
import { getDb } from "~/db.server";
import { gtinCheckDigit, isValidGtin } from "~/lib/gtin";
import { allianceRollupTables } from "../../scripts/alliance-rollups-sql";

/*
 * The rollup tables the dashboard reads must equal their `_source` views (the same rows computed from the raw
 * tables) after any write: inserts, updates, deletes, and deletes that cascade.
 */
const c = () => getDb().$client;

/** Rows that differ between a rollup and its view, ignoring rows whose measures have fallen to zero. */
function differences(table: string) {
  const nonZero = table === "alliance_inquiries" ? "1" : "n <> 0";
  const a = c().prepare(`SELECT count(*) AS n FROM (SELECT * FROM ${table} WHERE ${nonZero} EXCEPT SELECT * FROM ${table}_source)`).get() as { n: number };
  const b = c().prepare(`SELECT count(*) AS n FROM (SELECT * FROM ${table}_source EXCEPT SELECT * FROM ${table})`).get() as { n: number };
  return a.n + b.n;
}
const allExact = () => Object.fromEntries(allianceRollupTables.map((t) => [t, differences(t)]));
const zeroes = Object.fromEntries(allianceRollupTables.map((t) => [t, 0]));
const one = <T,>(sql: string, ...args: unknown[]) => c().prepare(sql).get(...args) as T;

describe("alliance rollups", () => {
  it("equal their source views on the seeded database, and hold history", () => {
    expect(allExact()).toEqual(zeroes);
    expect(one<{ n: number }>("SELECT count(*) AS n FROM alliance_order_days").n).toBeGreaterThan(100);
    expect(one<{ n: number }>("SELECT count(*) AS n FROM alliance_scan_days").n).toBeGreaterThan(100);
  });

  it("stay exact through inserts, updates and deletes of every table they count", () => {
    const coop = one<{ id: number; province_code: string }>("SELECT id, province_code FROM organisations WHERE kind = 'cooperative' AND province_code = '86' ORDER BY id LIMIT 1 OFFSET 1");
    const other = one<{ id: number }>("SELECT id FROM organisations WHERE kind = 'cooperative' AND province_code <> '86' LIMIT 1");
    const buyer = one<{ id: number }>("SELECT id FROM organisations WHERE kind = 'buyer' LIMIT 1");
    const product = one<{ id: number }>("SELECT id FROM products WHERE cooperative_id = ? AND status = 'published' LIMIT 1", coop.id);

    // Orders: placed, paid, moved to another cooperative, re-priced, deleted.
    const order = Number(c().prepare("INSERT INTO orders (number, buyer_id, cooperative_id, status, payment_method, subtotal, total, delivery_province_code, delivery_commune, delivery_address, created_at) VALUES ('T-1', ?, ?, 'placed', 'card', 100, 100, '79', 'x', 'y', '2026-06-30T17:30:00.000Z')").run(buyer.id, coop.id).lastInsertRowid);
    c().prepare("UPDATE orders SET status = 'paid', paid_at = '2026-07-02T03:00:00.000Z' WHERE id = ?").run(order);
    c().prepare("UPDATE orders SET total = 250, payment_method = 'bank_transfer' WHERE id = ?").run(order);
    c().prepare("UPDATE orders SET cooperative_id = ? WHERE id = ?").run(other.id, order);
    expect(allExact()).toEqual(zeroes);
    c().prepare("DELETE FROM orders WHERE id = ?").run(order);

    // Lots and scans, including a lot deleted with its scans (cascade).
    const lot = Number(c().prepare("INSERT INTO lots (product_id, cooperative_id, code, harvest_date, packing_date, best_before_date, quantity, unit) VALUES (?, ?, 'T-LOT', '2026-05-01', '2026-05-02', '2026-07-01', 10, 'kg')").run(product.id, coop.id).lastInsertRowid);
    for (let i = 0; i < 5; i++) c().prepare("INSERT INTO scans (lot_id, at, language, device) VALUES (?, ?, 'vi', 'phone')").run(lot, `2026-05-1${i}T18:00:00.000Z`);
    c().prepare("DELETE FROM scans WHERE id = (SELECT max(id) FROM scans WHERE lot_id = ?)").run(lot);
    expect(allExact()).toEqual(zeroes);
    c().prepare("DELETE FROM lots WHERE id = ?").run(lot);
    expect(allExact()).toEqual(zeroes);

    // Inquiries: opened, answered, the answer deleted, the thread deleted.
    const thread = Number(c().prepare("INSERT INTO threads (buyer_id, cooperative_id, subject, last_message_at, created_at) VALUES (?, ?, 'T', '2026-05-01T01:00:00.000Z', '2026-05-01T01:00:00.000Z')").run(buyer.id, coop.id).lastInsertRowid);
    c().prepare("INSERT INTO messages (thread_id, sender_org_id, body, created_at) VALUES (?, ?, 'q', '2026-05-01T01:00:00.000Z')").run(thread, buyer.id);
    const reply = Number(c().prepare("INSERT INTO messages (thread_id, sender_org_id, body, created_at) VALUES (?, ?, 'a', '2026-05-01T04:30:00.000Z')").run(thread, coop.id).lastInsertRowid);
    expect(one<{ s: number }>("SELECT reply_seconds AS s FROM alliance_inquiries WHERE thread_id = ?", thread).s).toBe(3.5 * 3600);
    c().prepare("DELETE FROM messages WHERE id = ?").run(reply);
    expect(one<{ s: number | null }>("SELECT reply_seconds AS s FROM alliance_inquiries WHERE thread_id = ?", thread).s).toBeNull();
    expect(allExact()).toEqual(zeroes);
    c().prepare("DELETE FROM threads WHERE id = ?").run(thread);

    // Certificates: decided, its expiry moved, revoked; an OCOP certificate verified for a product (search_attrs).
    const cert = Number(c().prepare("INSERT INTO certificates (cooperative_id, type, ocop_stars, number, issuer, issue_date, expiry_date, status) VALUES (?, 'ocop', 4, 'T-OCOP', 'UBND', '2026-01-01', '2029-01-01', 'pending')").run(coop.id).lastInsertRowid);
    c().prepare("INSERT INTO certificate_products (certificate_id, product_id) VALUES (?, ?)").run(cert, product.id);
    c().prepare("UPDATE certificates SET status = 'verified', decided_at = '2026-06-01T02:00:00.000Z' WHERE id = ?").run(cert);
    c().prepare("UPDATE certificates SET expiry_date = '2027-02-01', ocop_stars = 5 WHERE id = ?").run(cert);
    expect(allExact()).toEqual(zeroes);
    c().prepare("UPDATE certificates SET status = 'revoked' WHERE id = ?").run(cert);
    expect(allExact()).toEqual(zeroes);
    c().prepare("DELETE FROM certificates WHERE id = ?").run(cert);

    // Cooperatives, members, workforce and products.
    c().prepare("UPDATE organisations SET verified_at = NULL, rejection_reason = 'x', member_count = 12 WHERE id = ?").run(coop.id);
    c().prepare("UPDATE organisations SET status = 'suspended' WHERE id = ?").run(coop.id);
    const member = Number(c().prepare("INSERT INTO members (cooperative_id, name) VALUES (?, 'Hộ T')").run(coop.id).lastInsertRowid);
    c().prepare("INSERT INTO cooperative_workforce (cooperative_id, workers, declared_at) VALUES (?, 7, '2026-01-01') ON CONFLICT (cooperative_id) DO UPDATE SET workers = 7").run(coop.id);
    c().prepare("UPDATE products SET gtin = '08931234567890' WHERE id = ?").run(product.id);
    c().prepare("UPDATE products SET status = 'archived' WHERE id = ?").run(product.id);
    expect(allExact()).toEqual(zeroes);
    c().prepare("DELETE FROM members WHERE id = ?").run(member);
    c().prepare("DELETE FROM cooperative_workforce WHERE cooperative_id = ?").run(coop.id);
    c().prepare("UPDATE organisations SET status = 'active' WHERE id = ?").run(coop.id);
    expect(allExact()).toEqual(zeroes);
  });

  it("tells a valid GTIN from a wrong check digit in SQL the way the app does", () => {
    const product = one<{ id: number }>("SELECT id FROM products WHERE status = 'published' AND gtin IS NULL LIMIT 1");
    const body = "089399900123";
    const good = `0${body}${gtinCheckDigit(body)}`.slice(-14).padStart(14, "0");
    const bad = good.slice(0, 13) + String((Number(good[13]) + 1) % 10);
    expect(isValidGtin(good)).toBe(true);
    expect(isValidGtin(bad)).toBe(false);
    const counts = () => one<{ v: number; i: number }>("SELECT coalesce(sum(CASE WHEN gtin_state = 1 THEN n END), 0) AS v, coalesce(sum(CASE WHEN gtin_state = 2 THEN n END), 0) AS i FROM alliance_product_counts");
    const before = counts();
    c().prepare("UPDATE products SET gtin = ? WHERE id = ?").run(good, product.id);
    expect(counts()).toEqual({ v: before.v + 1, i: before.i });
    c().prepare("UPDATE products SET gtin = ? WHERE id = ?").run(bad, product.id);
    expect(counts()).toEqual({ v: before.v, i: before.i + 1 });
    expect(allExact()).toEqual(zeroes);
  });
});

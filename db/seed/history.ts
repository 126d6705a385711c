import { todayInVietnam } from "../../app/lib/certificates";
import type { Db } from "../open";
import type { FoundationIds } from "./foundation";
import { addDays, prng } from "./random";

/** Months of history every seeded cooperative gets: enough for a year-on-year view of the last quarter. */
export const HISTORY_MONTHS = 15;

/**
 * A year and more of trade for every seeded cooperative except the demo one (whose few hand-written orders and
 * conversations other tests rely on): orders with payments, inquiries with replies, lots with consumer scans,
 * certificate decisions, and declared workers. Deterministic (one PRNG seed, dates counted back from the seed day
 * in Viet Nam) and written with prepared statements in one transaction, so it adds well under a second.
 */
export function seedHistory(db: Db, ids: FoundationIds) {
  const rand = prng(20261115);
  const today = todayInVietnam();
  const c = db.$client;
  const coops = ids.cooperatives.filter((x) => x.id !== ids.demoCooperativeId);
  const buyers = ids.buyers.map((b) => b.id).filter((id) => id !== ids.demoBuyerId);
  const productsOf = c.prepare("SELECT id, name_vi, unit, price, min_order_qty FROM products WHERE cooperative_id = ? AND status = 'published' ORDER BY id");
  const ownerOf = c.prepare("SELECT user_id FROM memberships WHERE organisation_id = ? AND role = 'owner' LIMIT 1").pluck();
  const buyerRow = c.prepare("SELECT id, province_code, commune, address FROM organisations WHERE id = ?");
  const insOrder = c.prepare(
    `INSERT INTO orders (number, buyer_id, cooperative_id, status, payment_method, subtotal, total, delivery_province_code, delivery_commune, delivery_address, placed_by, paid_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const setNumber = c.prepare("UPDATE orders SET number = ? WHERE id = ?");
  const insLine = c.prepare("INSERT INTO order_lines (order_id, product_id, product_name, unit, quantity, unit_price, line_total, price_source) VALUES (?, ?, ?, ?, ?, ?, ?, 'base')");
  const insEvent = c.prepare("INSERT INTO order_events (order_id, from_status, to_status, actor_user_id, actor_org_id, created_at) VALUES (?, ?, ?, ?, ?, ?)");
  const insPayment = c.prepare("INSERT INTO payments (order_id, method, stripe_session_id, amount, status, confirmed_by, paid_at, created_at) VALUES (?, ?, ?, ?, 'paid', ?, ?, ?)");
  const insThread = c.prepare("INSERT INTO threads (buyer_id, cooperative_id, product_id, subject, created_by, last_message_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
  const insMessage = c.prepare("INSERT INTO messages (thread_id, sender_org_id, sender_user_id, body, created_at) VALUES (?, ?, ?, ?, ?)");
  const insRead = c.prepare("INSERT INTO thread_reads (thread_id, organisation_id, last_read_message_id) VALUES (?, ?, ?)");
  const insLot = c.prepare("INSERT INTO lots (product_id, cooperative_id, code, harvest_date, packing_date, best_before_date, quantity, unit, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'kg', ?)");
  const insScan = c.prepare("INSERT INTO scans (lot_id, at, language, device) VALUES (?, ?, ?, ?)");
  const insCert = c.prepare(
    `INSERT INTO certificates (cooperative_id, type, ocop_stars, number, issuer, issue_date, expiry_date, status, decision_reason, decided_by, decided_at, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insWorkforce = c.prepare("INSERT INTO cooperative_workforce (cooperative_id, workers, declared_at) VALUES (?, ?, ?)");
  const memberCount = c.prepare("SELECT member_count FROM organisations WHERE id = ?").pluck();

  /** A timestamp on a Viet Nam day at a given local hour. */
  const at = (day: string, hour: number, minute = 0) => new Date(Date.parse(`${day}T00:00:00Z`) - 7 * 3600_000 + (hour * 60 + minute) * 60_000).toISOString();
  const first = addDays(today, -HISTORY_MONTHS * 30);
  const span = HISTORY_MONTHS * 30;

  c.transaction(() => {
    coops.forEach((coop, ci) => {
      const products = productsOf.all(coop.id) as { id: number; name_vi: string; unit: string; price: number; min_order_qty: number }[];
      if (!products.length) return;
      const owner = ownerOf.get(coop.id) as number;
      // Trade grows over the months, more in the south's harvest seasons; a few cooperatives sell far more.
      const scale = 1 + (ci % 4);
      const members = (memberCount.get(coop.id) as number | null) ?? 20;
      if (ci % 5 !== 4) insWorkforce.run(coop.id, Math.max(2, Math.round(members * (0.15 + rand.next() * 0.2))), at(addDays(today, -30 - ci), 9));

      // Orders: placed on a random day, paid one or two days later (bank transfer mostly), most completed.
      const nOrders = Math.round((HISTORY_MONTHS * (1.5 + scale)) / 1.5);
      for (let k = 0; k < nOrders; k++) {
        const ago = Math.floor(Math.pow(rand.next(), 0.8) * span) + 1;
        const day = addDays(today, -ago);
        const p = rand.pick(products);
        const qty = p.min_order_qty * rand.int(2, 12);
        const total = p.price * qty;
        const method = rand.chance(0.6) ? "bank_transfer" : rand.chance(0.7) ? "card" : "cod";
        const r = rand.next();
        const status = ago < 4 ? (r < 0.5 ? "confirmed" : "paid") : r < 0.08 ? "cancelled" : r < 0.12 ? "rejected" : "completed";
        const paid = status === "paid" || status === "completed";
        const createdAt = at(day, rand.int(7, 20), rand.int(0, 59));
        const paidAt = paid ? at(addDays(day, method === "cod" ? 4 : 1), rand.int(8, 17)) : null;
        const buyer = buyerRow.get(rand.pick(buyers)) as { id: number; province_code: string; commune: string | null; address: string | null };
        const info = insOrder.run(`hist-${coop.id}-${k}`, buyer.id, coop.id, status, method, total, total, buyer.province_code, buyer.commune ?? "Phường Sài Gòn", buyer.address ?? "Kho hàng", null, paidAt, createdAt, paidAt ?? createdAt);
        const orderId = Number(info.lastInsertRowid);
        setNumber.run(`CHX-${createdAt.slice(0, 4)}-${String(orderId).padStart(6, "0")}`, orderId);
        insLine.run(orderId, p.id, p.name_vi, p.unit, qty, p.price, total);
        insEvent.run(orderId, null, "placed", null, buyer.id, createdAt);
        insEvent.run(orderId, "placed", status, owner, coop.id, paidAt ?? createdAt);
        if (paidAt) insPayment.run(orderId, method, method === "card" ? `cs_hist_${orderId}` : null, total, method === "card" ? null : owner, paidAt, createdAt);
      }

      // Inquiries: most answered within hours, some the next day, a few never.
      const nThreads = HISTORY_MONTHS * (1 + (ci % 3));
      for (let k = 0; k < nThreads; k++) {
        const day = addDays(today, -rand.int(1, span));
        const p = rand.pick(products);
        const buyerId = rand.pick(buyers);
        const opened = at(day, rand.int(7, 21), rand.int(0, 59));
        const answered = rand.chance(0.85);
        const replyAt = answered ? new Date(Date.parse(opened) + Math.round(Math.pow(rand.next(), 2) * 40 * 3600_000 + 15 * 60_000)).toISOString() : null;
        const th = Number(insThread.run(buyerId, coop.id, p.id, `Hỏi về ${p.name_vi}`, null, replyAt ?? opened, opened).lastInsertRowid);
        const m1 = Number(insMessage.run(th, buyerId, null, `Chào HTX, bên em cần khoảng ${p.min_order_qty * 20} ${p.unit} ${p.name_vi} mỗi tháng. HTX báo giá giúp em.`, opened).lastInsertRowid);
        let last = m1;
        if (replyAt) last = Number(insMessage.run(th, coop.id, owner, "Chào anh/chị, HTX giao được ạ. HTX gửi báo giá và mẫu trong tuần này.", replyAt).lastInsertRowid);
        insRead.run(th, buyerId, last);
        insRead.run(th, coop.id, last);
      }

      // Lots every month or two, each scanned by consumers for some weeks after packing.
      for (let m = HISTORY_MONTHS - 1; m >= 0; m -= 1 + (ci % 2)) {
        const p = products[m % products.length]!;
        const harvest = addDays(today, -(m * 30 + rand.int(5, 25)));
        const packing = addDays(harvest, 1);
        const code = `H${String(coop.id).padStart(3, "0")}-${harvest.replace(/-/g, "").slice(2)}`;
        const lotId = Number(insLot.run(p.id, coop.id, code, harvest, packing, addDays(packing, 60), 500 + rand.int(0, 20) * 50, at(packing, 16)).lastInsertRowid);
        const weeks = rand.int(3, 9);
        for (let w = 0; w < weeks; w++) {
          const n = Math.round(rand.int(2, 12) * scale * (1 - w / (weeks + 2)));
          for (let s = 0; s < n; s++) {
            const day = addDays(packing, 2 + w * 7 + rand.int(0, 6));
            if (day > today) break;
            insScan.run(lotId, at(day, rand.int(6, 22), rand.int(0, 59)), rand.chance(0.9) ? "vi" : "en", rand.chance(0.85) ? "phone" : "desktop");
          }
        }
      }

      // Certificate decisions over the year: renewals verified, a few rejected; one renewal due within 90 days.
      const types = ["vietgap", "organic", "haccp", "iso22000"] as const;
      const nDecisions = 2 + (ci % 3);
      for (let k = 0; k < nDecisions; k++) {
        const decided = addDays(today, -rand.int(10, span - 10));
        const type = types[(ci + k) % types.length]!;
        const rejected = rand.chance(0.2);
        const issue = addDays(decided, -rand.int(5, 30));
        const expiry = k === 0 && !rejected ? addDays(today, rand.int(5, 88)) : addDays(issue, 365 * 2);
        insCert.run(coop.id, type, null, `${type.toUpperCase()}-H-${coop.id}-${k + 1}`, type === "vietgap" ? "VIETCERT" : "Control Union", issue, expiry, rejected ? "rejected" : "verified", rejected ? "Bản scan không đọc được số chứng nhận." : null, ids.demoAllianceUserId, at(decided, 10), at(addDays(decided, -3), 9));
      }
    });
  })();
}

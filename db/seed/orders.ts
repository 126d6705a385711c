import { and, asc, eq, sql } from "drizzle-orm";
import { todayInVietnam } from "../../app/lib/certificates";
import type { OrderStatus, PaymentMethod } from "../../app/lib/order-states";
import type { Db } from "../open";
import * as schema from "../schema";
import type { FoundationIds } from "./foundation";
import { addDays } from "./random";

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

/**
 * Demo conversations, quotes and orders between the demo buyer and the demo cooperative: one order in each of the
 * main states, so both dashboards have something to show. Stock of orders that still hold it is taken off.
 */
export function seedOrders(db: Db, ids: FoundationIds) {
  const products = db
    .select()
    .from(schema.products)
    .where(and(eq(schema.products.cooperativeId, ids.demoCooperativeId), eq(schema.products.status, "published")))
    .orderBy(asc(schema.products.id))
    .limit(6)
    .all();
  if (products.length < 3) return;
  const buyer = db.select().from(schema.organisations).where(eq(schema.organisations.id, ids.demoBuyerId)).get()!;
  const buyerUser = ids.demoBuyerUserId;
  const coopUser = ids.demoCooperativeOwnerId;
  const today = todayInVietnam();
  const [p0, p1, p2] = products as [typeof products[number], typeof products[number], typeof products[number]];

  db.transaction((tx) => {
    // Inquiries: one answered (gives the profile a response time), one waiting for the cooperative.
    const conversation = (subject: string, productId: number | null, lines: { fromBuyer: boolean; body: string; at: string }[]) => {
      const thread = tx
        .insert(schema.threads)
        .values({ buyerId: buyer.id, cooperativeId: ids.demoCooperativeId, productId, subject, createdBy: buyerUser, lastMessageAt: lines.at(-1)!.at, createdAt: lines[0]!.at })
        .returning()
        .get();
      let lastBuyer = 0;
      let lastCoop = 0;
      for (const l of lines) {
        const m = tx
          .insert(schema.messages)
          .values({ threadId: thread.id, senderOrgId: l.fromBuyer ? buyer.id : ids.demoCooperativeId, senderUserId: l.fromBuyer ? buyerUser : coopUser, body: l.body, createdAt: l.at })
          .returning()
          .get();
        if (l.fromBuyer) lastBuyer = m.id;
        else lastCoop = m.id;
      }
      // Each side has read up to its own last message.
      tx.insert(schema.threadReads).values({ threadId: thread.id, organisationId: buyer.id, lastReadMessageId: Math.max(lastBuyer, lastCoop) }).run();
      if (lastCoop) tx.insert(schema.threadReads).values({ threadId: thread.id, organisationId: ids.demoCooperativeId, lastReadMessageId: lastCoop }).run();
      return thread;
    };
    const answered = conversation(`Hỏi về ${p0.nameVi}`, p0.id, [
      { fromBuyer: true, body: `Chào HTX, bên em cần ${p0.minOrderQty * 20} ${p0.unit} ${p0.nameVi} mỗi tháng cho hệ thống cửa hàng. HTX có giao định kỳ được không?`, at: hoursAgo(72) },
      { fromBuyer: false, body: "Chào anh/chị, HTX giao định kỳ hằng tuần được ạ. Hàng có chứng nhận VietGAP, đóng thùng theo yêu cầu.", at: hoursAgo(69) },
      { fromBuyer: true, body: "Cảm ơn HTX, bên em sẽ gửi yêu cầu báo giá.", at: hoursAgo(68) },
    ]);
    conversation(`Mẫu thử ${p1.nameVi}`, p1.id, [
      { fromBuyer: true, body: `HTX gửi giúp bên em mẫu thử ${p1.nameVi} trước khi đặt số lượng lớn được không ạ?`, at: hoursAgo(5) },
    ]);

    // Quotes: one answered and still valid, one waiting.
    tx.insert(schema.quotes)
      .values({
        buyerId: buyer.id,
        cooperativeId: ids.demoCooperativeId,
        productId: p0.id,
        threadId: answered.id,
        quantity: p0.minOrderQty * 20,
        deliveryProvinceCode: buyer.provinceCode,
        deliveryDate: addDays(today, 14),
        note: "Giao tại kho Thủ Đức, đóng thùng 10 kg.",
        unitPrice: Math.round((p0.price * 0.85) / 100) * 100,
        validUntil: addDays(today, 10),
        terms: "Giao hàng trong 5 ngày sau khi xác nhận; thanh toán chuyển khoản.",
        status: "answered",
        requestedBy: buyerUser,
        answeredBy: coopUser,
        answeredAt: hoursAgo(20),
        createdAt: hoursAgo(30),
      })
      .run();
    tx.insert(schema.quotes)
      .values({
        buyerId: buyer.id,
        cooperativeId: ids.demoCooperativeId,
        productId: p2.id,
        quantity: p2.minOrderQty * 10,
        deliveryProvinceCode: buyer.provinceCode,
        deliveryDate: addDays(today, 21),
        note: null,
        status: "requested",
        requestedBy: buyerUser,
        createdAt: hoursAgo(3),
      })
      .run();

    // Orders, oldest first; each walks the lifecycle up to its status with events.
    const paths: Record<OrderStatus, OrderStatus[]> = {
      placed: ["placed"],
      confirmed: ["placed", "confirmed"],
      paid: ["placed", "confirmed", "paid"],
      packed: ["placed", "confirmed", "paid", "packed"],
      shipped: ["placed", "confirmed", "paid", "packed", "shipped"],
      delivered: ["placed", "confirmed", "paid", "packed", "shipped", "delivered"],
      completed: ["placed", "confirmed", "paid", "packed", "shipped", "delivered", "completed"],
      cancelled: ["placed", "cancelled"],
      rejected: ["placed", "rejected"],
      expired: ["placed", "expired"],
    };
    const plan: { status: OrderStatus; method: PaymentMethod; product: typeof p0; mult: number; daysAgo: number }[] = [
      { status: "completed", method: "bank_transfer", product: p0, mult: 10, daysAgo: 30 },
      { status: "shipped", method: "card", product: p1, mult: 5, daysAgo: 6 },
      { status: "paid", method: "bank_transfer", product: p2, mult: 3, daysAgo: 3 },
      { status: "cancelled", method: "card", product: p1, mult: 2, daysAgo: 4 },
      { status: "confirmed", method: "bank_transfer", product: p0, mult: 2, daysAgo: 1 },
      { status: "placed", method: "card", product: p2, mult: 1, daysAgo: 0 },
    ];
    for (const o of plan) {
      const quantity = o.product.minOrderQty * o.mult;
      const tiers = tx.select().from(schema.priceTiers).where(eq(schema.priceTiers.productId, o.product.id)).all();
      const tier = tiers.filter((t) => t.minQty <= quantity).sort((a, b) => b.minQty - a.minQty)[0];
      const unitPrice = tier && tier.unitPrice < o.product.price ? tier.unitPrice : o.product.price;
      const total = unitPrice * quantity;
      const createdAt = hoursAgo(o.daysAgo * 24 + 2);
      const holds = !["cancelled", "rejected", "expired"].includes(o.status);
      const row = tx
        .insert(schema.orders)
        .values({
          number: `seed-${createdAt}-${o.status}`,
          buyerId: buyer.id,
          cooperativeId: ids.demoCooperativeId,
          status: o.status,
          paymentMethod: o.method,
          subtotal: total,
          total,
          deliveryProvinceCode: buyer.provinceCode,
          deliveryCommune: buyer.commune ?? "Phường Thủ Đức",
          deliveryAddress: buyer.address ?? "Kho số 3, đường số 9",
          contactPhone: buyer.phone,
          requestedDate: addDays(today, 7 - o.daysAgo),
          notes: o.status === "placed" ? "Giao giờ hành chính." : null,
          carrier: ["shipped", "delivered", "completed"].includes(o.status) ? "Giao Hàng Nhanh" : null,
          trackingNumber: ["shipped", "delivered", "completed"].includes(o.status) ? `GHN${String(o.daysAgo).padStart(3, "0")}7741` : null,
          cancelReason: o.status === "cancelled" ? "Đổi kế hoạch nhập hàng." : null,
          placedBy: buyerUser,
          expiresAt: ["placed", "confirmed"].includes(o.status) ? new Date(Date.parse(createdAt) + 72 * 3_600_000).toISOString() : null,
          paidAt: ["paid", "packed", "shipped", "delivered", "completed"].includes(o.status) ? hoursAgo(o.daysAgo * 24) : null,
          createdAt,
        })
        .returning()
        .get();
      tx.update(schema.orders)
        .set({ number: `CHX-${createdAt.slice(0, 4)}-${String(row.id).padStart(6, "0")}` })
        .where(eq(schema.orders.id, row.id))
        .run();
      tx.insert(schema.orderLines)
        .values({ orderId: row.id, productId: o.product.id, productName: o.product.nameVi, unit: o.product.unit, quantity, unitPrice, lineTotal: total, priceSource: unitPrice === o.product.price ? "base" : "tier" })
        .run();
      if (holds) tx.update(schema.products).set({ stock: sql`max(0, ${schema.products.stock} - ${quantity})` }).where(eq(schema.products.id, o.product.id)).run();
      const steps = paths[o.status];
      steps.forEach((to, i) => {
        const byBuyer = to === "placed" || to === "cancelled" || to === "completed";
        const system = to === "paid" && o.method === "card";
        tx.insert(schema.orderEvents)
          .values({
            orderId: row.id,
            fromStatus: i === 0 ? null : steps[i - 1]!,
            toStatus: to,
            actorUserId: system ? null : byBuyer ? buyerUser : coopUser,
            actorOrgId: system ? null : byBuyer ? buyer.id : ids.demoCooperativeId,
            note: to === "cancelled" ? "Đổi kế hoạch nhập hàng." : null,
            at: new Date(Date.parse(createdAt) + i * 6 * 3_600_000).toISOString(),
          })
          .run();
      });
      if (["paid", "packed", "shipped", "delivered", "completed"].includes(o.status)) {
        tx.insert(schema.payments)
          .values({ orderId: row.id, method: o.method, amount: total, status: "paid", stripeSessionId: o.method === "card" ? `cs_seed_${row.id}` : null, confirmedBy: o.method === "card" ? null : coopUser, paidAt: hoursAgo(o.daysAgo * 24) })
          .run();
      }
      // Shipped orders name a real lot of the demo cooperative (the trace seed ran first), so the buyer can open
      // its trace page.
      const lot = tx
        .select({ id: schema.lots.id, code: schema.lots.code })
        .from(schema.lots)
        .where(eq(schema.lots.cooperativeId, ids.demoCooperativeId))
        .orderBy(asc(schema.lots.id))
        .get();
      if (lot && ["shipped", "completed"].includes(o.status)) {
        tx.insert(schema.orderLots).values({ orderId: row.id, lotCode: lot.code, lotId: lot.id, addedBy: coopUser }).run();
      }
    }
    // The demo buyer may pay the demo cooperative on delivery.
    tx.insert(schema.trustedBuyers).values({ cooperativeId: ids.demoCooperativeId, buyerId: buyer.id, createdBy: coopUser }).run();
  });
}

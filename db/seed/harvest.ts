import crypto from "node:crypto";
import { and, asc, eq, inArray, ne } from "drizzle-orm";
import { todayInVietnam } from "../../app/lib/certificates";
import { normaliseSeedSearch } from "./harvest-search";
import type { Db } from "../open";
import * as schema from "../schema";
import type { FoundationIds } from "./foundation";
import { addDays } from "./random";

/** A fixed token per seeded saved search, so the seed is the same on every machine (demo data only). */
const seedToken = (n: number) => crypto.createHash("sha256").update(`chohtx-demo-saved-search-${n}`).digest("base64url").slice(0, 32);

/**
 * Ten harvest announcements (three from the demo cooperative, seven from others across categories), reservations
 * (one waiting for the demo cooperative's confirmation, one confirmed with a lot ready to ship), the demo
 * buyer's follows and saved searches with alerts waiting for the next digest. Dates are relative to the seed day.
 */
export function seedHarvest(db: Db, ids: FoundationIds) {
  const today = todayInVietnam();
  const demoProducts = db
    .select()
    .from(schema.products)
    .where(and(eq(schema.products.cooperativeId, ids.demoCooperativeId), eq(schema.products.status, "published")))
    .orderBy(asc(schema.products.id))
    .all();
  if (demoProducts.length < 3) return;
  // Prefer demo products that already have a packed lot, so a confirmed reservation can become an order at once.
  const withLots = new Set(
    db.select({ p: schema.lots.productId }).from(schema.lots).where(eq(schema.lots.cooperativeId, ids.demoCooperativeId)).all().map((r) => r.p),
  );
  const demoPicks = [...demoProducts.filter((p) => withLots.has(p.id)), ...demoProducts.filter((p) => !withLots.has(p.id))].slice(0, 3);
  const others = db
    .select()
    .from(schema.products)
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.products.cooperativeId))
    .where(and(ne(schema.products.cooperativeId, ids.demoCooperativeId), eq(schema.products.status, "published"), eq(schema.organisations.status, "active")))
    .orderBy(asc(schema.products.id))
    .all();
  const seenCategories = new Set(demoPicks.map((p) => p.categoryCode));
  const seenCoops = new Set<number>();
  const otherPicks: (typeof others)[number]["products"][] = [];
  for (const o of others) {
    if (otherPicks.length >= 7) break;
    if (seenCoops.has(o.products.cooperativeId) || seenCategories.has(o.products.categoryCode)) continue;
    seenCoops.add(o.products.cooperativeId);
    seenCategories.add(o.products.categoryCode);
    otherPicks.push(o.products);
  }
  const buyer = db.select().from(schema.organisations).where(eq(schema.organisations.id, ids.demoBuyerId)).get()!;
  const otherBuyers = ids.buyers.filter((b) => b.id !== ids.demoBuyerId);
  const otherBuyerUsers = new Map(
    otherBuyers.length
      ? db
          .select({ org: schema.memberships.organisationId, user: schema.memberships.userId })
          .from(schema.memberships)
          .where(inArray(schema.memberships.organisationId, otherBuyers.map((b) => b.id)))
          .all()
          .map((m) => [m.org, m.user])
      : [],
  );
  const notes = [
    "Hàng tuyển loại 1, đóng thùng carton theo yêu cầu. Giao tại kho HTX hoặc xe lạnh đến kho người mua.",
    "Vụ chính năm nay, sản lượng ổn định. Nhận đặt trước tối thiểu theo MOQ sản phẩm.",
    "Có thể chia giao nhiều đợt trong thời gian thu hoạch.",
  ];

  db.transaction((tx) => {
    const announce = (p: typeof demoProducts[number], i: number, createdBy: number | null) => {
      const start = addDays(today, 5 + i * 6);
      const quantity = Math.max(p.minOrderQty * 40, 500) + i * 100;
      const priceMin = Math.round((p.price * 0.9) / 500) * 500;
      return tx
        .insert(schema.harvestAnnouncements)
        .values({
          cooperativeId: p.cooperativeId,
          productId: p.id,
          quantity,
          unit: p.unit,
          remainingQuantity: quantity,
          harvestFrom: start,
          harvestTo: addDays(start, 20 + (i % 3) * 10),
          priceMin,
          priceMax: i % 2 === 0 ? Math.round((p.price * 1.05) / 500) * 500 : null,
          notes: notes[i % notes.length]!,
          status: "open",
          createdBy,
          createdAt: new Date(Date.parse(`${today}T01:00:00Z`) - (10 - i) * 3_600_000).toISOString(),
        })
        .returning()
        .get();
    };
    const demoAnnouncements = demoPicks.map((p, i) => announce(p, i, ids.demoCooperativeOwnerId));
    const otherAnnouncements = otherPicks.map((p, i) => announce(p, i + 3, null));

    const reserve = (
      a: (typeof demoAnnouncements)[number],
      buyerOrg: { id: number; provinceCode: string; commune: string | null; address: string | null },
      userId: number | null,
      quantity: number,
      status: "requested" | "confirmed",
      note: string,
    ) => {
      tx.insert(schema.harvestReservations)
        .values({
          announcementId: a.id,
          buyerId: buyerOrg.id,
          cooperativeId: a.cooperativeId,
          quantity,
          unitPrice: status === "confirmed" ? a.priceMin : null,
          note,
          deliveryProvinceCode: buyerOrg.provinceCode,
          deliveryCommune: buyerOrg.commune ?? "Phường Bến Thành",
          deliveryAddress: buyerOrg.address ?? "Kho trung tâm",
          paymentMethod: "bank_transfer",
          status,
          requestedBy: userId,
          decidedBy: status === "confirmed" ? ids.demoCooperativeOwnerId : null,
          decidedAt: status === "confirmed" ? new Date(Date.parse(`${today}T02:00:00Z`)).toISOString() : null,
        })
        .run();
      tx.update(schema.harvestAnnouncements)
        .set({ remainingQuantity: a.remainingQuantity - quantity })
        .where(eq(schema.harvestAnnouncements.id, a.id))
        .run();
      a.remainingQuantity -= quantity;
    };
    const [d0, d1] = demoAnnouncements as [(typeof demoAnnouncements)[number], (typeof demoAnnouncements)[number]];
    const unitQty = (a: typeof d0, share: number) => Math.max(1, Math.round((a.quantity * share) / 10) * 10);
    // Waiting for the demo cooperative: the demo buyer's request on its first announcement.
    reserve(d0, buyer, ids.demoBuyerUserId, unitQty(d0, 0.2), "requested", "Bên em cần giao làm 2 đợt, mỗi đợt một nửa.");
    // Confirmed, with a lot already packed: the demo cooperative can turn it into an order from the reservation page.
    reserve(d1, buyer, ids.demoBuyerUserId, unitQty(d1, 0.1), "confirmed", "Giao tại kho Thủ Đức.");
    const second = otherBuyers[0] ? db.select().from(schema.organisations).where(eq(schema.organisations.id, otherBuyers[0].id)).get() : undefined;
    if (second) reserve(d0, second, otherBuyerUsers.get(second.id) ?? null, unitQty(d0, 0.15), "confirmed", "Đóng thùng 10 kg.");
    if (otherAnnouncements[0]) reserve(otherAnnouncements[0], buyer, ids.demoBuyerUserId, unitQty(otherAnnouncements[0], 0.1), "requested", "Xin báo giá chốt khi thu hoạch.");

    // Follows: the demo cooperative, its province and the category of the first other announcement.
    const follow = (kind: "cooperative" | "category" | "province", value: string) =>
      tx.insert(schema.harvestFollows).values({ buyerId: buyer.id, kind, value, createdBy: ids.demoBuyerUserId }).onConflictDoNothing().run();
    follow("cooperative", String(ids.demoCooperativeId));
    follow("province", demoPicks[0]!.originProvinceCode);
    if (otherPicks[0]) follow("category", otherPicks[0].categoryCode);

    // Saved searches, each with its normalised query and filter columns; the first has alerts waiting.
    const searches = [
      { name: "Bưởi VietGAP", search: "q=bưởi&cert=vietgap" },
      { name: `Sản phẩm ${demoPicks[0]!.nameVi.split(" ").slice(0, 2).join(" ")} – Bến Tre`, search: `province=Bến Tre&category=${demoPicks[0]!.categoryCode}` },
      { name: "Gạo ST25", search: "q=gao st25" },
    ];
    const saved = searches.map((s, i) =>
      tx
        .insert(schema.savedSearches)
        .values({ userId: ids.demoBuyerUserId, buyerId: buyer.id, name: s.name, ...normaliseSeedSearch(tx, s.search), unsubscribeToken: seedToken(i + 1), createdAt: addDays(today, -14) + "T03:00:00.000Z" })
        .returning()
        .get(),
    );
    tx.insert(schema.alertDeliveries)
      .values([
        { savedSearchId: saved[1]!.id, kind: "announcement", ref: `announcement:${d0.id}`, productId: d0.productId, announcementId: d0.id },
        { savedSearchId: saved[1]!.id, kind: "product", ref: `product:${demoPicks[0]!.id}`, productId: demoPicks[0]!.id },
      ])
      .run();
    // What the catalogue seed queued predates the saved searches: nothing in it is news to anyone.
    tx.delete(schema.alertQueue).run();
  });
}

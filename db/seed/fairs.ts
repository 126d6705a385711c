import { and, asc, eq, inArray } from "drizzle-orm";
import { fairs as fairMessages } from "../../app/i18n/messages/fairs";
import { todayInVietnam } from "../../app/lib/certificates";
import { leadDedupeKey } from "../../app/lib/fair-rules";
import type { Db } from "../open";
import * as schema from "../schema";
import type { FoundationIds } from "./foundation";
import { addDays, prng } from "./random";

const vi = fairMessages.vi;
const fill = (template: string, params: Record<string, string>) => template.replace(/\{(\w+)\}/g, (m, k: string) => params[k] ?? m);
const vnDate = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
/** A wall-clock time in Viet Nam on a calendar date, as a UTC instant. */
const at = (date: string, hour: number, minute = 0) => new Date(Date.parse(`${date}T00:00:00Z`) + ((hour - 7) * 60 + minute) * 60_000).toISOString();

const visitors = [
  { name: "Nguyễn Thị Lan", business: "Siêu thị Co.op Vĩnh Long", phone: "+84918234567", email: null, interest: "Bưởi da xanh loại 1, khoảng 500 kg mỗi tuần cho quầy trái cây." },
  { name: "Trần Văn Hùng", business: "Nhà hàng Sông Tiền", phone: "+84907345678", email: "hung.tran@songtien.vn", interest: "Dừa tươi và kẹo dừa cho nhà hàng, cần báo giá sỉ." },
  { name: "Lê Minh Thư", business: null, phone: null, email: "minhthu.le@gmail.com", interest: "Mua quà Tết cho công ty, khoảng 80 hộp đặc sản OCOP." },
  { name: "Phạm Quốc Bảo", business: "Công ty TNHH Xuất khẩu Mekong Fresh", phone: "+842703822111", email: "bao.pham@mekongfresh.vn", interest: "Tìm nguồn hàng có VietGAP và mã vùng trồng để xuất khẩu." },
  { name: "Võ Thị Hạnh", business: "Cửa hàng Nông sản sạch Hạnh Phúc", phone: "+84389456123", email: null, interest: "Rau củ hữu cơ giao hai lần mỗi tuần." },
  { name: "Đặng Hoàng Nam", business: "Bếp ăn công nghiệp Tân Phú", phone: "+84976512340", email: null, interest: "Gạo và rau củ cho bếp ăn 1.200 suất/ngày." },
  { name: "Huỳnh Ngọc Mai", business: null, phone: "+84865123987", email: "ngocmai.huynh@yahoo.com", interest: "Muốn làm đại lý bán lẻ tại Trà Vinh." },
];

/**
 * Two fairs of the Vĩnh Long alliance, dated from the seed's today: one that ended five weeks ago (booths, leads
 * that became inquiry threads, some answered, an attributed inquiry and two attributed orders) and one that opens
 * in three weeks with registrations open. Booth numbers are set, so posters print complete.
 */
export function seedFairs(db: Db, ids: FoundationIds) {
  const today = todayInVietnam();
  const rand = prng(2026_11);
  const alliance = db
    .select({ id: schema.organisations.id, provinceCode: schema.organisations.provinceCode })
    .from(schema.memberships)
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.memberships.organisationId))
    .where(and(eq(schema.memberships.userId, ids.demoAllianceUserId), eq(schema.organisations.kind, "alliance")))
    .get();
  if (!alliance) return;
  const local = ids.cooperatives.filter((c) => c.province === alliance.provinceCode && c.id !== ids.demoCooperativeId);
  const coops = [ids.demoCooperativeId, ...local.map((c) => c.id)];
  const active = db
    .select({ id: schema.organisations.id })
    .from(schema.organisations)
    .where(and(inArray(schema.organisations.id, coops), eq(schema.organisations.status, "active")))
    .all()
    .map((r) => r.id);
  const exhibitors = coops.filter((id) => active.includes(id));
  const ownerOf = (cooperativeId: number) =>
    db
      .select({ userId: schema.memberships.userId })
      .from(schema.memberships)
      .where(and(eq(schema.memberships.organisationId, cooperativeId), eq(schema.memberships.role, "owner")))
      .orderBy(asc(schema.memberships.userId))
      .get()?.userId ?? null;
  const productsOf = (cooperativeId: number, n: number) =>
    db
      .select()
      .from(schema.products)
      .where(and(eq(schema.products.cooperativeId, cooperativeId), eq(schema.products.status, "published")))
      .orderBy(asc(schema.products.id))
      .limit(n)
      .all();

  db.transaction((tx) => {
    const createFair = (values: Omit<typeof schema.fairs.$inferInsert, "organiserId" | "provinceCode" | "createdBy">) =>
      tx
        .insert(schema.fairs)
        .values({ ...values, organiserId: alliance.id, provinceCode: alliance.provinceCode, createdBy: ids.demoAllianceUserId, createdAt: at(addDays(values.startDate, -45), 9) })
        .returning()
        .get();
    const addBooths = (fairId: number, members: number[], prefix: string, registeredOn: string) =>
      members.map((cooperativeId, i) => {
        tx.insert(schema.fairInvitations).values({ fairId, cooperativeId, invitedBy: ids.demoAllianceUserId, createdAt: at(addDays(registeredOn, -7), 10) }).run();
        const booth = tx
          .insert(schema.fairBooths)
          .values({ fairId, cooperativeId, boothNumber: `${prefix}${String(i + 1).padStart(2, "0")}`, registeredBy: ownerOf(cooperativeId), createdAt: at(registeredOn, 14, i * 7) })
          .returning()
          .get();
        const shown = productsOf(cooperativeId, 4);
        if (shown.length) tx.insert(schema.fairBoothProducts).values(shown.map((p, position) => ({ boothId: booth.id, productId: p.id, position }))).run();
        return { ...booth, products: shown };
      });

    // ---------------------------------------------------------------- The past fair
    const pastStart = addDays(today, -38);
    const past = createFair({
      name: "Hội chợ Nông sản – OCOP Vĩnh Long 2026",
      startDate: pastStart,
      endDate: addDays(pastStart, 3),
      registrationDeadline: addDays(pastStart, -10),
      venue: "Quảng trường Thành phố Vĩnh Long, Phường 1",
      description:
        "Hội chợ giới thiệu sản phẩm OCOP và nông sản của các hợp tác xã tỉnh Vĩnh Long (gồm cả Bến Tre và Trà Vinh cũ), kết hợp phiên kết nối cung cầu với doanh nghiệp thu mua.",
      state: "published",
    });
    const pastBooths = addBooths(past.id, exhibitors.slice(0, 6), "A", addDays(pastStart, -14));
    const visitorOrg = tx
      .insert(schema.organisations)
      .values({ kind: "buyer", name: fill(vi["fairs.thread.visitorOrg"], { fair: past.name }), slug: `khach-hoi-cho-${past.id}`, provinceCode: alliance.provinceCode, status: "suspended" })
      .returning()
      .get();
    tx.update(schema.fairs).set({ visitorOrgId: visitorOrg.id }).where(eq(schema.fairs.id, past.id)).run();

    const dates = `${vnDate(past.startDate)} – ${vnDate(past.endDate)}`;
    const none = vi["fairs.thread.none"];
    visitors.forEach((v, i) => {
      const booth = i < 3 ? pastBooths[0]! : pastBooths[(i % (pastBooths.length - 1)) + 1] ?? pastBooths[0]!;
      const day = addDays(past.startDate, i % 4);
      const createdAt = at(day, 9 + (i % 8), rand.int(0, 59));
      const body = [
        fill(vi["fairs.thread.body"], {
          booth: booth.boothNumber ?? "—",
          fair: past.name,
          dates,
          name: v.name,
          business: v.business ?? none,
          phone: v.phone ? `0${v.phone.slice(3)}` : none,
          email: v.email ?? none,
          interest: v.interest,
        }),
        vi["fairs.thread.bodyVisitor"],
      ].join("\n\n");
      const thread = tx
        .insert(schema.threads)
        .values({ buyerId: visitorOrg.id, cooperativeId: booth.cooperativeId, subject: fill(vi["fairs.thread.subject"], { name: v.name, fair: past.name }), createdBy: null, lastMessageAt: createdAt, createdAt })
        .returning()
        .get();
      const first = tx.insert(schema.messages).values({ threadId: thread.id, senderOrgId: visitorOrg.id, senderUserId: null, body, createdAt }).returning().get();
      tx.insert(schema.threadReads).values({ threadId: thread.id, organisationId: visitorOrg.id, lastReadMessageId: first.id }).run();
      // Most leads were answered within a day (a note of the call); the rest still wait.
      if (i % 3 !== 2) {
        const replyAt = new Date(Date.parse(createdAt) + rand.int(2, 20) * 3_600_000).toISOString();
        const reply = tx
          .insert(schema.messages)
          .values({ threadId: thread.id, senderOrgId: booth.cooperativeId, senderUserId: ownerOf(booth.cooperativeId), body: `Đã gọi điện cho anh/chị ${v.name.split(" ").at(-1)}, gửi báo giá qua Zalo.`, createdAt: replyAt })
          .returning()
          .get();
        tx.update(schema.threads).set({ lastMessageAt: replyAt }).where(eq(schema.threads.id, thread.id)).run();
        tx.insert(schema.threadReads).values({ threadId: thread.id, organisationId: booth.cooperativeId, lastReadMessageId: reply.id }).run();
      }
      tx.insert(schema.fairLeads)
        .values({
          fairId: past.id,
          boothId: booth.id,
          name: v.name,
          business: v.business,
          phone: v.phone,
          email: v.email,
          interest: v.interest,
          consent: true,
          dedupeKey: leadDedupeKey({ boothId: booth.id, phone: v.phone, email: v.email, day }),
          threadId: thread.id,
          createdAt,
        })
        .run();
    });

    // The demo buyer met the demo cooperative at its booth: an inquiry and two orders that started from the booth page.
    const demoBooth = pastBooths.find((b) => b.cooperativeId === ids.demoCooperativeId)!;
    const buyer = tx.select().from(schema.organisations).where(eq(schema.organisations.id, ids.demoBuyerId)).get()!;
    const askedAt = at(addDays(past.endDate, 1), 10, 15);
    const inquiry = tx
      .insert(schema.threads)
      .values({ buyerId: buyer.id, cooperativeId: ids.demoCooperativeId, subject: "Sau hội chợ: đặt hàng định kỳ", createdBy: ids.demoBuyerUserId, lastMessageAt: askedAt, createdAt: askedAt })
      .returning()
      .get();
    const asked = tx
      .insert(schema.messages)
      .values({ threadId: inquiry.id, senderOrgId: buyer.id, senderUserId: ids.demoBuyerUserId, body: `Chào HTX, bên em đã ghé gian ${demoBooth.boothNumber} ở hội chợ. Bên em muốn đặt hàng định kỳ hằng tháng.`, createdAt: askedAt })
      .returning()
      .get();
    tx.insert(schema.threadReads).values({ threadId: inquiry.id, organisationId: buyer.id, lastReadMessageId: asked.id }).run();
    tx.insert(schema.fairAttributions).values({ fairId: past.id, boothId: demoBooth.id, kind: "inquiry", threadId: inquiry.id, createdAt: askedAt }).run();

    const chain = ["placed", "confirmed", "paid", "packed", "shipped", "delivered", "completed"] as const;
    demoBooth.products.slice(0, 2).forEach((product, i) => {
      const placedOn = addDays(past.endDate, 2 + i * 3);
      const createdAt = at(placedOn, 15, 20);
      const quantity = product.minOrderQty * (i + 2);
      const total = product.price * quantity;
      const order = tx
        .insert(schema.orders)
        .values({
          number: `seed-fair-${past.id}-${i}`,
          buyerId: buyer.id,
          cooperativeId: ids.demoCooperativeId,
          status: "completed",
          paymentMethod: "bank_transfer",
          subtotal: total,
          total,
          deliveryProvinceCode: buyer.provinceCode,
          deliveryCommune: buyer.commune ?? "Phường Thủ Đức",
          deliveryAddress: buyer.address ?? "Kho số 3, đường số 9",
          contactPhone: buyer.phone,
          requestedDate: addDays(placedOn, 7),
          notes: "Đơn sau hội chợ Vĩnh Long.",
          carrier: "Giao Hàng Nhanh",
          trackingNumber: `GHN${past.id}${i}8812`,
          placedBy: ids.demoBuyerUserId,
          paidAt: at(addDays(placedOn, 1), 9),
          createdAt,
        })
        .returning()
        .get();
      tx.update(schema.orders).set({ number: `CHX-${createdAt.slice(0, 4)}-${String(order.id).padStart(6, "0")}` }).where(eq(schema.orders.id, order.id)).run();
      tx.insert(schema.orderLines)
        .values({ orderId: order.id, productId: product.id, productName: product.nameVi, unit: product.unit, quantity, unitPrice: product.price, lineTotal: total, priceSource: "base" })
        .run();
      chain.forEach((to, step) => {
        const byBuyer = to === "placed" || to === "completed";
        tx.insert(schema.orderEvents)
          .values({
            orderId: order.id,
            fromStatus: step === 0 ? null : chain[step - 1]!,
            toStatus: to,
            actorUserId: byBuyer ? ids.demoBuyerUserId : ids.demoCooperativeOwnerId,
            actorOrgId: byBuyer ? buyer.id : ids.demoCooperativeId,
            at: new Date(Date.parse(createdAt) + step * 20 * 3_600_000).toISOString(),
          })
          .run();
      });
      tx.insert(schema.payments).values({ orderId: order.id, method: "bank_transfer", amount: total, status: "paid", confirmedBy: ids.demoCooperativeOwnerId, paidAt: at(addDays(placedOn, 1), 9) }).run();
      tx.insert(schema.fairAttributions).values({ fairId: past.id, boothId: demoBooth.id, kind: "order", orderId: order.id, createdAt }).run();
    });

    // ---------------------------------------------------------------- The upcoming fair
    const nextStart = addDays(today, 21);
    const next = createFair({
      name: "Phiên kết nối cung cầu nông sản Vĩnh Long – Thành phố Hồ Chí Minh",
      startDate: nextStart,
      endDate: addDays(nextStart, 2),
      registrationDeadline: addDays(nextStart, -7),
      venue: "Trung tâm Hội nghị tỉnh Vĩnh Long, 2 Hoàng Thái Hiếu, Phường 1",
      description: "Phiên kết nối giữa hợp tác xã tỉnh Vĩnh Long và các nhà phân phối, siêu thị, bếp ăn tại Thành phố Hồ Chí Minh. Mỗi hợp tác xã trưng bày tối đa 8 sản phẩm.",
      state: "published",
    });
    addBooths(next.id, exhibitors.slice(0, 3), "B", addDays(today, -2));
    // Invited but not registered yet, so the invitations list has someone to chase.
    for (const cooperativeId of exhibitors.slice(3, 5)) {
      tx.insert(schema.fairInvitations).values({ fairId: next.id, cooperativeId, invitedBy: ids.demoAllianceUserId, createdAt: at(addDays(today, -3), 10) }).run();
    }
  });
}

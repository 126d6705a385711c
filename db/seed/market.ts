import { and, eq, inArray } from "drizzle-orm";
import { todayInVietnam } from "../../app/lib/certificates";
import { checkRequirements, matchScore, provinceScore, seasonOverlap, unitFactor, type SaleUnit } from "../../app/lib/market-rules";
import { fold } from "../../app/lib/text";
import type { Db } from "../open";
import * as schema from "../schema";
import type { FoundationIds } from "./foundation";
import { addDays } from "./random";

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

type N = { key: string; params?: Record<string, string | number> };
type Cert = { type: (typeof schema.certificateTypes)[number]; minStars?: number };
type OfferSpec = { coop: string; product: string; share: number; priceFactor: number; revisions?: number; tiers?: boolean; notes?: string; accepted?: boolean };
type Spec = {
  buyer: number; // index into the seed buyers; 0 is the demo buyer
  title: string;
  description: string;
  category: string;
  product: string; // folded words the matched products' names contain
  quantity: number;
  unit: SaleUnit;
  certs: Cert[];
  provinces: string[];
  from: number; // delivery window, days from the demo date
  to: number;
  closing: number;
  visibility: "public" | "invited";
  showName?: boolean;
  targetPrice?: number;
  payment?: string;
  invite?: string[];
  offers: OfferSpec[];
  state?: "fulfilled";
};

const DEMO = "HTX Nông nghiệp Phú Ngãi";

/**
 * The demand board of the demo: 16 open requests from five buyers across fruit, rice, tea, honey, coffee, pepper,
 * fish sauce and dried goods, public and invited, one closing tomorrow, one already fulfilled, with offers (partial
 * and revised ones) from several cooperatives. The demo buyer has offers to compare; the demo cooperative has
 * matches and an invitation waiting, and an offer of its own it can still revise.
 */
const specs: Spec[] = [
  { buyer: 0, title: "Bưởi da xanh VietGAP cho Tết", description: "Trái 1,2–1,8 kg, vỏ xanh, đóng thùng 10 kg, giao kho Thủ Đức.", category: "I.1.a", product: "buoi", quantity: 8000, unit: "kg", certs: [{ type: "vietgap" }], provinces: ["86"], from: 20, to: 45, closing: 10, visibility: "public", showName: true, targetPrice: 42000, payment: "Chuyển khoản 30% khi xác nhận, 70% khi nhận hàng", offers: [{ coop: DEMO, product: "buoi da xanh loai 1", share: 0.6, priceFactor: 0.95, revisions: 2, tiers: true, notes: "Hàng tuyển, giao 2 đợt." }, { coop: "HTX Bưởi Năm Roi Bình Minh", product: "buoi", share: 0.4, priceFactor: 0.9 }, { coop: "HTX Bưởi Phúc Trạch", product: "buoi", share: 0.5, priceFactor: 0.88 }] },
  { buyer: 0, title: "Xoài cát Hòa Lộc loại 1", description: "Xoài 350–450 g/trái, không đốm, cho hệ thống cửa hàng.", category: "I.1.a", product: "xoai cat", quantity: 3, unit: "tan", certs: [{ type: "vietgap" }], provinces: ["82", "86"], from: 10, to: 30, closing: 1, visibility: "public", targetPrice: 55000, offers: [{ coop: "HTX Tân Nông Phát", product: "xoai cat hoa loc", share: 0.5, priceFactor: 0.97, revisions: 2 }, { coop: "HTX Xoài Cam Lâm", product: "xoai cat hoa loc", share: 1, priceFactor: 1.02 }] },
  { buyer: 0, title: "Dừa xiêm xanh giao hằng tuần", description: "Dừa gọt kim cương, 300 trái mỗi tuần.", category: "I.1.a", product: "dua xiem", quantity: 1200, unit: "qua", certs: [], provinces: ["86"], from: 7, to: 60, closing: 12, visibility: "invited", invite: [DEMO, "HTX Kẹo dừa Mỏ Cày"], offers: [{ coop: "HTX Kẹo dừa Mỏ Cày", product: "dua xiem", share: 0.5, priceFactor: 0.95 }] },
  { buyer: 0, title: "Bưởi da xanh hộp quà Tết", description: "Hộp quà 2 trái, in logo công ty.", category: "I.1.a", product: "buoi da xanh hop qua", quantity: 500, unit: "hop", certs: [{ type: "ocop", minStars: 4 }], provinces: ["86"], from: 25, to: 50, closing: 15, visibility: "invited", invite: [DEMO], offers: [] },
  { buyer: 1, title: "Gạo ST25 cho chuỗi siêu thị", description: "Túi 5 kg, hạn dùng ≥ 9 tháng.", category: "I.2.a", product: "gao st25", quantity: 2000, unit: "tui", certs: [{ type: "vietgap" }], provinces: ["92", "96"], from: 14, to: 40, closing: 9, visibility: "public", showName: true, offers: [{ coop: "HTX Gạo ST25 Cù Lao Dung", product: "gao st25", share: 0.8, priceFactor: 0.96 }, { coop: "HTX Tôm lúa Thới Bình", product: "gao st25", share: 0.3, priceFactor: 0.92, revisions: 2 }] },
  { buyer: 1, title: "Chè Shan tuyết cổ thụ", description: "Gói 200 g, cho quầy đặc sản.", category: "I.5.a", product: "che shan tuyet", quantity: 600, unit: "goi", certs: [{ type: "ocop", minStars: 3 }], provinces: ["08", "12"], from: 10, to: 35, closing: 8, visibility: "public", offers: [{ coop: "HTX Chè Shan tuyết Lũng Phìn", product: "che shan tuyet", share: 1, priceFactor: 0.98 }, { coop: "HTX Chè Tam Đường", product: "che shan tuyet", share: 0.5, priceFactor: 0.9 }] },
  { buyer: 1, title: "Mật ong hoa bạc hà", description: "Chai 500 ml, có kiểm nghiệm.", category: "I.2.b", product: "mat ong", quantity: 800, unit: "chai", certs: [], provinces: ["15"], from: 7, to: 28, closing: 6, visibility: "public", offers: [{ coop: "HTX Mật ong Bạc Hà", product: "mat ong hoa bac ha", share: 0.6, priceFactor: 0.95 }, { coop: "HTX Mật ong U Minh Hạ", product: "mat ong", share: 0.4, priceFactor: 0.9 }] },
  { buyer: 2, title: "Cà phê Robusta nhân xanh xuất khẩu", description: "Sàng 18, độ ẩm ≤ 12,5%.", category: "I.6", product: "robusta", quantity: 5, unit: "tan", certs: [{ type: "vietgap" }], provinces: ["66"], from: 20, to: 60, closing: 14, visibility: "public", payment: "L/C trả ngay", offers: [{ coop: "HTX Cà phê Ea Tu", product: "robusta nhan xanh", share: 0.6, priceFactor: 0.97, revisions: 3 }] },
  { buyer: 2, title: "Hồ tiêu đen 500 g/l", description: "Đóng bao 50 kg, hàng xuất khẩu.", category: "I.4.b", product: "ho tieu den", quantity: 10, unit: "tan", certs: [{ type: "globalgap" }], provinces: ["52", "44"], from: 30, to: 75, closing: 20, visibility: "public", offers: [{ coop: "HTX Hồ tiêu Chư Sê", product: "ho tieu den", share: 0.5, priceFactor: 0.95 }, { coop: "HTX Hồ tiêu Vĩnh Linh", product: "ho tieu den", share: 0.4, priceFactor: 0.93 }] },
  { buyer: 2, title: "Sầu riêng Ri6 cấp mã vùng trồng", description: "Cơm vàng, hạt lép, cho container đi Trung Quốc.", category: "I.1.a", product: "sau rieng", quantity: 12, unit: "tan", certs: [{ type: "planting_area_code" }], provinces: ["86", "82"], from: 15, to: 40, closing: 7, visibility: "invited", invite: ["HTX Sầu riêng Cái Mơn", "HTX Tân Nông Phát", DEMO], offers: [{ coop: "HTX Sầu riêng Cái Mơn", product: "sau rieng ri6", share: 0.4, priceFactor: 0.96 }] },
  { buyer: 3, title: "Nước mắm cá cơm 40 độ đạm", description: "Chai thủy tinh 500 ml, cho nhà máy chế biến.", category: "I.4.a", product: "nuoc mam", quantity: 3000, unit: "chai", certs: [], provinces: ["91"], from: 10, to: 45, closing: 11, visibility: "public", offers: [{ coop: "HTX Nước mắm Khải Hoàn", product: "nuoc mam ca com", share: 1, priceFactor: 0.94, revisions: 2 }] },
  { buyer: 3, title: "Dừa sấy giòn đóng túi", description: "Túi 100 g, nhãn trắng.", category: "I.3.c", product: "dua say", quantity: 1500, unit: "tui", certs: [{ type: "vietgap" }], provinces: [], from: 14, to: 40, closing: 10, visibility: "public", offers: [{ coop: "HTX Kẹo dừa Mỏ Cày", product: "dua say gion", share: 0.5, priceFactor: 0.93 }] },
  { buyer: 4, title: "Rau thơm các loại cho bếp trung tâm", description: "Giao 3 lần mỗi tuần, rửa sạch.", category: "I.1.a", product: "rau thom", quantity: 900, unit: "kg", certs: [{ type: "vietgap" }], provinces: ["68", "48"], from: 5, to: 35, closing: 4, visibility: "public", offers: [{ coop: "HTX Rau Trà Quế", product: "rau thom", share: 0.5, priceFactor: 0.98 }, { coop: "HTX Nông nghiệp Dịch vụ Cầu Đất", product: "rau thom", share: 0.6, priceFactor: 0.95 }] },
  { buyer: 4, title: "Tôm khô Cà Mau loại 1", description: "Tôm đất, size 300 con/kg.", category: "I.3.d", product: "tom kho", quantity: 200, unit: "kg", certs: [], provinces: ["96"], from: 10, to: 30, closing: 8, visibility: "public", offers: [{ coop: "HTX Tôm lúa Thới Bình", product: "tom kho", share: 1, priceFactor: 0.97 }] },
  { buyer: 5, title: "Vải thiều sấy khô", description: "Hộp 500 g, cho quà biếu.", category: "I.3.c", product: "vai thieu say", quantity: 1500, unit: "kg", certs: [{ type: "vietgap" }], provinces: ["24", "31"], from: 20, to: 50, closing: 13, visibility: "public", offers: [{ coop: "HTX Vải thiều Lục Ngạn", product: "vai thieu say", share: 0.7, priceFactor: 0.95 }, { coop: "HTX Vải thiều Thanh Hà", product: "vai thieu say", share: 0.4, priceFactor: 0.92, revisions: 2 }] },
  { buyer: 5, title: "Hạt điều nhân trắng W240", description: "Thùng 10 kg, hút chân không.", category: "I.2.b", product: "hat dieu", quantity: 2, unit: "tan", certs: [], provinces: ["75"], from: 15, to: 45, closing: 9, visibility: "public", offers: [{ coop: "HTX Hạt điều Bù Đăng", product: "hat dieu nhan trang", share: 0.5, priceFactor: 0.96 }] },
  { buyer: 0, title: "Khoai lang tím Nhật", description: "Củ 200–400 g, đã đủ hàng.", category: "I.1.a", product: "khoai lang", quantity: 2000, unit: "kg", certs: [], provinces: ["86"], from: 3, to: 20, closing: 2, visibility: "public", state: "fulfilled", offers: [{ coop: "HTX Khoai lang Bình Tân", product: "khoai lang", share: 1, priceFactor: 0.95, accepted: true }, { coop: DEMO, product: "buoi da xanh loai 1", share: 0.2, priceFactor: 1 }] },
];

export function seedMarket(db: Db, ids: FoundationIds) {
  const today = todayInVietnam();
  const coops = db.select().from(schema.organisations).where(eq(schema.organisations.kind, "cooperative")).all();
  const coopByName = new Map(coops.map((c) => [c.name, c]));
  const buyers = [ids.demoBuyerId, ...ids.buyers.map((b) => b.id).filter((id) => id !== ids.demoBuyerId)];
  const products = db.select().from(schema.products).where(eq(schema.products.status, "published")).all();
  const productOf = (coopId: number, words: string) =>
    products.filter((p) => p.cooperativeId === coopId && fold(p.nameVi).includes(words)).sort((a, b) => (a.unit === "kg" ? -1 : 0) - (b.unit === "kg" ? -1 : 0) || a.id - b.id)[0];
  const certRows = db
    .select({ productId: schema.certificateProducts.productId, type: schema.certificates.type, status: schema.certificates.status, expiryDate: schema.certificates.expiryDate, issueDate: schema.certificates.issueDate, ocopStars: schema.certificates.ocopStars })
    .from(schema.certificateProducts)
    .innerJoin(schema.certificates, eq(schema.certificates.id, schema.certificateProducts.certificateId))
    .all();
  const demoOwner = ids.demoCooperativeOwnerId;
  const provinceNames = new Map(db.select().from(schema.provinces).all().map((p) => [p.code, p.shortName]));

  db.transaction((tx) => {
    specs.forEach((s, i) => {
      const buyerId = buyers[s.buyer % buyers.length]!;
      const from = addDays(today, s.from);
      const to = addDays(today, s.to);
      const fulfilled = s.state === "fulfilled";
      const published = hoursAgo(24 * (fulfilled ? 12 : 6 - (i % 5)) + i);
      const category = tx.select().from(schema.ocopCategories).where(eq(schema.ocopCategories.code, s.category)).get()!;
      const request = tx
        .insert(schema.requests)
        .values({
          buyerId,
          createdBy: buyerId === ids.demoBuyerId ? ids.demoBuyerUserId : null,
          title: s.title,
          description: s.description,
          categoryCode: s.category,
          quantity: s.quantity,
          unit: s.unit,
          deliveryFrom: from,
          deliveryTo: to,
          deliveryProvinceCode: tx.select().from(schema.organisations).where(eq(schema.organisations.id, buyerId)).get()!.provinceCode,
          targetPrice: s.targetPrice ?? null,
          paymentTerms: s.payment ?? "Chuyển khoản trong 7 ngày sau khi nhận hàng",
          closingDate: fulfilled ? addDays(today, -1) : addDays(today, s.closing),
          visibility: s.visibility,
          showBuyerName: s.showName ?? false,
          state: fulfilled ? "fulfilled" : "open",
          searchText: fold(`${s.title} ${s.description} ${category.nameVi} ${category.groupVi}`),
          publishedAt: published,
          closedAt: fulfilled ? hoursAgo(30) : null,
          closeReason: fulfilled ? "covered" : null,
          createdAt: published,
        })
        .returning()
        .get();
      if (s.provinces.length) tx.insert(schema.requestProvinces).values(s.provinces.map((provinceCode) => ({ requestId: request.id, provinceCode }))).run();
      if (s.certs.length) tx.insert(schema.requestCertifications).values(s.certs.map((c) => ({ requestId: request.id, type: c.type, minStars: c.minStars ?? null }))).run();

      // Matches: each cooperative's best product by the same rules the matcher uses.
      const candidates = products.filter((p) => p.categoryCode === s.category || fold(p.nameVi).includes(s.product));
      const best = new Map<number, { productId: number; score: number; reasons: { key: string; params?: Record<string, string | number> }[]; gaps: { key: string; params?: Record<string, string | number> }[] }>();
      for (const p of candidates) {
        const results = checkRequirements(certRows.filter((c) => c.productId === p.id), s.certs, to);
        const overlap = seasonOverlap(p.harvestMonths, from, to);
        const factor = unitFactor(p.unit, s.unit);
        const ps = provinceScore(p.originProvinceCode, s.provinces);
        const text = fold(p.nameVi).includes(s.product);
        const score = matchScore({ textMatch: text, certsMet: results.filter((r) => r.ok).length, certsRequired: s.certs.length, seasonOverlap: overlap.length > 0, stockCovers: factor !== null && p.stock * factor >= s.quantity, stockSome: factor !== null && p.stock > 0, provinceScore: ps, verified: true });
        const current = best.get(p.cooperativeId);
        if (current && current.score >= score) continue;
        const reasons: N[] = [
          ...results.filter((r) => r.ok).map((r) => ({ key: "market.reason.certificate", params: { cert: `catalogue.certType.${r.type}`, until: r.ok && r.until ? `${r.until.slice(5, 7)}/${r.until.slice(0, 4)}` : "∞" } })),
          ...(overlap.length ? [{ key: "market.reason.season", params: { months: overlap.join(", ") } }] : []),
          ...(factor !== null && p.stock > 0 ? [{ key: "market.reason.stock", params: { quantity: p.stock, unit: `units.${p.unit}` } }] : []),
        ];
        const gaps: N[] = [
          ...results.filter((r) => !r.ok).map((r) => ({ key: "market.gap.certMissing", params: { cert: `catalogue.certType.${r.type}` } })),
          ...(factor === null ? [{ key: "market.gap.unit", params: { unit: `units.${p.unit}` } }] : []),
          ...(ps === 0 ? [{ key: "market.gap.province", params: { province: provinceNames.get(p.originProvinceCode) ?? p.originProvinceCode } }] : []),
        ];
        best.set(p.cooperativeId, { productId: p.id, score, reasons, gaps });
      }
      const ranked = [...best.entries()].sort((a, b) => b[1].score - a[1].score || a[0] - b[0]).slice(0, 12);
      const demoMatch = best.get(ids.demoCooperativeId);
      if (demoMatch && !ranked.some(([id]) => id === ids.demoCooperativeId) && s.provinces.includes("86")) ranked.push([ids.demoCooperativeId, demoMatch]);
      ranked.forEach(([cooperativeId, m], rank) =>
        tx.insert(schema.requestMatches).values({ requestId: request.id, cooperativeId, productId: m.productId, rank: rank + 1, score: m.score, reasons: m.reasons, gaps: m.gaps }).run(),
      );
      for (const name of s.invite ?? []) {
        const coop = coopByName.get(name);
        if (coop) tx.insert(schema.requestInvitations).values({ requestId: request.id, cooperativeId: coop.id, invitedBy: ids.demoBuyerUserId }).onConflictDoNothing().run();
      }
      // The demo cooperative has been told about what fits it (unread, mailed already: no mail at seed time).
      const toldDemo = !fulfilled && ((s.visibility === "public" && ranked.some(([id]) => id === ids.demoCooperativeId)) || (s.invite ?? []).includes(DEMO));
      if (toldDemo) {
        const reason = (s.invite ?? []).includes(DEMO) ? "invitation" : "match";
        tx.insert(schema.requestNotices).values({ requestId: request.id, organisationId: ids.demoCooperativeId, reason, mailedAt: published }).run();
        tx.insert(schema.notifications)
          .values({ organisationId: ids.demoCooperativeId, kind: `market.${reason}`, messageKey: reason === "invitation" ? "market.notice.invited" : "market.notice.matched", params: { title: s.title, quantity: s.quantity, unit: `units.${s.unit}` }, path: `/requests/${request.id}`, dedupeKey: `request:${request.id}`, createdAt: published })
          .run();
      }

      s.offers.forEach((o, k) => {
        const coop = coopByName.get(o.coop);
        const product = coop ? productOf(coop.id, o.product) : undefined;
        if (!coop || !product) return;
        const factor = unitFactor(product.unit, s.unit);
        if (factor === null) return;
        const quantity = Math.max(1, Math.round((s.quantity * o.share) / factor));
        const revisions = o.revisions ?? 1;
        const firstPrice = Math.round((product.price * o.priceFactor * (1 + 0.04 * (revisions - 1))) / 100) * 100;
        const finalPrice = Math.round((product.price * o.priceFactor) / 100) * 100;
        const tiers = o.tiers ? [{ minQty: Math.round(quantity / 2), unitPrice: Math.round((finalPrice * 0.97) / 100) * 100 }] : [];
        const createdAt = hoursAgo(24 * (4 - (k % 3)) + k);
        const terms = {
          productId: product.id,
          quantity,
          unitPrice: finalPrice,
          tiers,
          harvestFrom: addDays(from, -5),
          harvestTo: addDays(from, 10),
          packingDate: addDays(from, -1),
          validUntil: addDays(today, s.closing + 7),
          notes: o.notes ?? null,
        };
        const offer = tx
          .insert(schema.offers)
          .values({ requestId: request.id, cooperativeId: coop.id, state: fulfilled ? (o.accepted ? "accepted" : "declined") : "submitted", revision: revisions, ...terms, shortlistedAt: k === 0 && !fulfilled ? hoursAgo(10) : null, createdAt, updatedAt: revisions > 1 ? hoursAgo(20) : null, decidedAt: fulfilled ? hoursAgo(30) : null })
          .returning()
          .get();
        for (let r = 1; r <= revisions; r++) {
          const price = r === revisions ? finalPrice : Math.round((firstPrice - ((firstPrice - finalPrice) * (r - 1)) / Math.max(1, revisions - 1)) / 100) * 100;
          tx.insert(schema.offerRevisions)
            .values({ offerId: offer.id, revision: r, ...terms, unitPrice: price, createdBy: coop.id === ids.demoCooperativeId ? demoOwner : null, createdAt: r === 1 ? createdAt : hoursAgo(20 + revisions - r) })
            .run();
        }
        tx.insert(schema.notifications)
          .values({ organisationId: buyerId, kind: "market.offer", messageKey: revisions > 1 ? "market.notice.revised" : "market.notice.offer", params: { cooperative: coop.name, title: s.title, revision: revisions }, path: `/dashboard/requests/${request.id}`, dedupeKey: `offer:${request.id}:${coop.id}:${revisions}`, readAt: k > 0 ? hoursAgo(8) : null, createdAt })
          .run();
        if (fulfilled && o.accepted) {
          const total = finalPrice * quantity;
          const placedAt = hoursAgo(30);
          const buyer = tx.select().from(schema.organisations).where(eq(schema.organisations.id, buyerId)).get()!;
          const order = tx
            .insert(schema.orders)
            .values({ number: `seed-market-${request.id}`, buyerId, cooperativeId: coop.id, status: "confirmed", paymentMethod: "bank_transfer", subtotal: total, total, deliveryProvinceCode: buyer.provinceCode, deliveryCommune: buyer.commune ?? "Phường Sài Gòn", deliveryAddress: buyer.address ?? "Kho số 3", requestedDate: from, notes: `#${request.id} ${s.title}`, placedBy: ids.demoBuyerUserId, expiresAt: addDays(today, 2) + "T00:00:00.000Z", createdAt: placedAt })
            .returning()
            .get();
          tx.update(schema.orders).set({ number: `CHX-${placedAt.slice(0, 4)}-${String(order.id).padStart(6, "0")}` }).where(eq(schema.orders.id, order.id)).run();
          tx.insert(schema.orderLines).values({ orderId: order.id, productId: product.id, productName: product.nameVi, unit: product.unit, quantity, unitPrice: finalPrice, lineTotal: total, priceSource: "quote" }).run();
          tx.insert(schema.orderEvents).values([
            { orderId: order.id, fromStatus: null, toStatus: "placed", actorUserId: ids.demoBuyerUserId, actorOrgId: buyerId, at: placedAt },
            { orderId: order.id, fromStatus: "placed", toStatus: "confirmed", actorOrgId: coop.id, at: hoursAgo(26) },
          ]).run();
          tx.update(schema.products).set({ stock: Math.max(0, product.stock - quantity) }).where(eq(schema.products.id, product.id)).run();
          tx.update(schema.offers).set({ orderId: order.id, acceptedAt: placedAt }).where(eq(schema.offers.id, offer.id)).run();
        }
      });
    });
    // Offers on requests the demo cooperative answered need stock to be accepted in the demo.
    const demoOffers = tx.select().from(schema.offers).where(and(eq(schema.offers.cooperativeId, ids.demoCooperativeId), inArray(schema.offers.state, ["submitted"]))).all();
    for (const o of demoOffers) {
      const p = tx.select().from(schema.products).where(eq(schema.products.id, o.productId)).get()!;
      if (p.stock < o.quantity) tx.update(schema.products).set({ stock: o.quantity * 2 }).where(eq(schema.products.id, p.id)).run();
    }
  });
}

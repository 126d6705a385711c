import { and, asc, eq, isNotNull, ne } from "drizzle-orm";
import { todayInVietnam } from "../../app/lib/certificates";
import { epcisMapping, type EventType } from "../../app/lib/trace-rules";
import type { Db } from "../open";
import * as schema from "../schema";
import type { FoundationIds } from "./foundation";
import { addDays, prng } from "./random";

/** The serial the demo shows as copied: scanned far more often than the copy limit. */
export const DEMO_COPIED_SERIAL = "K7Q2MX000007";

type Diary = { type: EventType; day: number; hour: number; who: string; what: string; notes?: string; spray?: [string, number] };

/** A rice crop's diary, days relative to harvest. */
const riceDiary: Diary[] = [
  { type: "planting", day: -95, hour: 6, who: "Tổ sản xuất số 2", what: "Gieo sạ giống ST25 xác nhận, mật độ 80 kg/ha" },
  { type: "fertilising", day: -75, hour: 7, who: "Tổ sản xuất số 2", what: "Bón thúc đợt 1: NPK 20-20-15, 100 kg/ha" },
  { type: "spraying", day: -40, hour: 6, who: "Cán bộ kỹ thuật HTX", what: "Phun phòng đạo ôn lá", spray: ["Beam 75WP (Tricyclazole)", 14] },
  { type: "fertilising", day: -35, hour: 7, who: "Tổ sản xuất số 2", what: "Bón đón đòng: Kali clorua 50 kg/ha" },
  { type: "harvesting", day: 0, hour: 6, who: "Tổ cơ giới HTX", what: "Thu hoạch bằng máy gặt đập liên hợp, độ ẩm hạt 24%" },
  { type: "processing", day: 1, hour: 8, who: "Xưởng sấy HTX", what: "Sấy lúa bằng máy sấy tĩnh vỉ ngang xuống độ ẩm 14%" },
  { type: "quality_test", day: 3, hour: 9, who: "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng 3", what: "Kiểm nghiệm dư lượng thuốc BVTV: đạt (không phát hiện)" },
  { type: "packing", day: 5, hour: 8, who: "Xưởng đóng gói HTX", what: "Xay xát, đóng túi hút chân không 5 kg" },
  { type: "shipping", day: 7, hour: 14, who: "Nhà xe Phương Trang", what: "Giao cho nhà phân phối tại TP. Hồ Chí Minh" },
];

/**
 * Fruit and other crops: a shorter diary. The spray respects its 7-day interval, except on the lots in
 * `SPRAYED_LATE`, where it falls 5 days before harvest on purpose (flagged): one of the demo cooperative's own and
 * one elsewhere (/t/5).
 */
const SPRAYED_LATE = new Set([3, 10]);
const SPRAYED_LATE_DAY = -5;

const fruitDiary: Diary[] = [
  { type: "fertilising", day: -60, hour: 7, who: "Hộ thành viên", what: "Bón phân hữu cơ vi sinh 2 kg/gốc" },
  { type: "spraying", day: -12, hour: 6, who: "Hộ thành viên", what: "Phun trừ rệp sáp", notes: "Cán bộ kỹ thuật đã nhắc lại thời gian cách ly.", spray: ["Movento 150OD (Spirotetramat)", 7] },
  { type: "harvesting", day: 0, hour: 6, who: "Hộ thành viên", what: "Thu hái bằng tay, phân loại tại vườn" },
  { type: "packing", day: 1, hour: 9, who: "Nhà sơ chế HTX", what: "Rửa, phân loại loại 1, đóng thùng carton 10 kg" },
  { type: "shipping", day: 2, hour: 15, who: "Xe lạnh HTX", what: "Vận chuyển đến kho mát" },
];

/**
 * Lots for the demo cooperative's products (one serialised with a copied serial) and one lot for a few other
 * cooperatives' products, with members, a diary and scans over the last three weeks.
 */
export function seedTrace(db: Db, ids: FoundationIds) {
  const rand = prng(20261206);
  const today = todayInVietnam();
  const demoProducts = db
    .select()
    .from(schema.products)
    .where(and(eq(schema.products.cooperativeId, ids.demoCooperativeId), eq(schema.products.status, "published"), isNotNull(schema.products.gtin)))
    .orderBy(asc(schema.products.id))
    .limit(4)
    .all();
  const otherProducts = db
    .select()
    .from(schema.products)
    .where(and(ne(schema.products.cooperativeId, ids.demoCooperativeId), eq(schema.products.status, "published"), isNotNull(schema.products.gtin)))
    .orderBy(asc(schema.products.id))
    .all()
    .filter((p, i, all) => all.findIndex((q) => q.cooperativeId === p.cooperativeId) === i)
    .slice(0, 5);

  db.transaction((tx) => {
    const plan = [
      ...demoProducts.map((p, i) => ({ p, harvestAgo: 20 + i * 9, serials: i === 0 ? 40 : 0, index: i })),
      ...otherProducts.map((p, i) => ({ p, harvestAgo: 15 + i * 6, serials: 0, index: i + 10 })),
    ];
    for (const { p, harvestAgo, serials, index } of plan) {
      const coop = tx.select().from(schema.organisations).where(eq(schema.organisations.id, p.cooperativeId)).get()!;
      const members = tx.select().from(schema.members).where(eq(schema.members.cooperativeId, p.cooperativeId)).orderBy(asc(schema.members.id)).all();
      const rice = /gạo|lúa/i.test(p.nameVi);
      const harvestDate = addDays(today, -harvestAgo);
      const diary = rice ? riceDiary : fruitDiary;
      const packDay = diary.find((d) => d.type === "packing")!.day;
      const packingDate = addDays(harvestDate, packDay);
      const quantity = rice ? 2000 + 500 * (index % 3) : 800 + 100 * (index % 4);
      const [, mm, dd] = harvestDate.split("-");
      const code = `${coop.slug.split("-").map((w) => w[0]).join("").toUpperCase().slice(0, 6)}-${mm}${dd}-${String(index + 1).padStart(2, "0")}`;
      const lot = tx
        .insert(schema.lots)
        .values({
          productId: p.id,
          cooperativeId: p.cooperativeId,
          code,
          harvestDate,
          packingDate,
          bestBeforeDate: addDays(packingDate, rice ? 365 : 30),
          quantity,
          // The lot counts what the product is sold in (hộp, thùng…) when that is a lot unit; otherwise kilograms.
          unit: (schema.lotUnits as readonly string[]).includes(p.unit) ? (p.unit as (typeof schema.lotUnits)[number]) : "kg",
          serialised: serials > 0,
        })
        .returning()
        .get();
      // Contributions: a few households, together a bit under the lot.
      const contributors = members.slice(0, Math.min(members.length, 3 + (index % 3)));
      let left = Math.floor(quantity * 0.95);
      contributors.forEach((m, i) => {
        const share = i === contributors.length - 1 ? left : Math.floor(left / (contributors.length - i) * (0.8 + rand.next() * 0.4));
        left -= share;
        tx.insert(schema.lotMembers).values({ lotId: lot.id, memberId: m.id, plantingArea: m.plantingAreaCode ?? `Thửa ${10 + i}, ${m.commune ?? coop.commune ?? ""}`.trim(), quantity: share }).run();
      });
      for (const d of diary) {
        const day = addDays(harvestDate, d.type === "spraying" && !rice && SPRAYED_LATE.has(index) ? SPRAYED_LATE_DAY : d.day);
        if (day > today) continue;
        const mapping = epcisMapping(d.type);
        tx.insert(schema.lotEvents)
          .values({
            lotId: lot.id,
            type: d.type,
            ...mapping,
            eventTime: new Date(Date.parse(`${day}T${String(d.hour).padStart(2, "0")}:00:00+07:00`)).toISOString(),
            commune: coop.commune ?? "",
            latitude: index === 0 ? "10.2135" : null,
            longitude: index === 0 ? "105.9702" : null,
            who: d.who,
            what: d.what,
            notes: d.notes ?? null,
            sprayProduct: d.spray?.[0] ?? null,
            preHarvestIntervalDays: d.spray?.[1] ?? null,
          })
          .run();
      }
      const serialList: string[] = [];
      for (let s = 1; s <= serials; s++) {
        const serial = s === 7 ? DEMO_COPIED_SERIAL : `K7Q2M${String.fromCharCode(65 + (s % 26))}${String(s).padStart(6, "0")}`;
        serialList.push(serial);
        tx.insert(schema.serials).values({ lotId: lot.id, serial }).run();
      }
      // Scans since packing: a handful a day, and the copied serial scanned again and again from day 5 on.
      const days = Math.min(21, harvestAgo - packDay);
      for (let back = days; back >= 0; back--) {
        const day = addDays(today, -back);
        const n = rand.int(0, index < 10 ? 6 : 3);
        for (let k = 0; k < n; k++) {
          const at = new Date(Date.parse(`${day}T${String(7 + rand.int(0, 13)).padStart(2, "0")}:${String(rand.int(0, 59)).padStart(2, "0")}:00+07:00`));
          if (at.getTime() > Date.now()) continue;
          tx.insert(schema.scans)
            .values({
              lotId: lot.id,
              serial: serialList.length ? rand.pick(serialList.filter((s) => s !== DEMO_COPIED_SERIAL)) : null,
              at: at.toISOString(),
              language: rand.chance(0.9) ? "vi" : "en",
              device: rand.chance(0.85) ? "phone" : rand.chance(0.5) ? "desktop" : "tablet",
            })
            .run();
        }
        if (serialList.includes(DEMO_COPIED_SERIAL) && back <= 12) {
          for (let k = 0; k < 3; k++) {
            const at = new Date(Date.parse(`${day}T${String(8 + k * 3).padStart(2, "0")}:15:00+07:00`));
            if (at.getTime() > Date.now()) continue;
            tx.insert(schema.scans).values({ lotId: lot.id, serial: DEMO_COPIED_SERIAL, at: at.toISOString(), language: "vi", device: "phone" }).run();
          }
        }
      }
    }
  });
}

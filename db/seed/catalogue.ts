import { eq } from "drizzle-orm";
import { ocopExpiry, todayInVietnam } from "../../app/lib/certificates";
import { withCheckDigit } from "../../app/lib/gtin";
import { slugify } from "../../app/lib/text";
import type { Db } from "../open";
import * as schema from "../schema";
import { certifiers, memberNames, productTemplates } from "./catalogue-data";
import type { FoundationIds } from "./foundation";
import { addDays, prng } from "./random";

const monthsMask = (months: number[]) => months.reduce((mask, m) => mask | (1 << (m - 1)), 0);

/**
 * Products (with volume tiers and GTINs under a per-cooperative 893 prefix), member households and certificates in
 * every state: verified, pending, rejected, expired, and some expiring within 90 days.
 */
export function seedCatalogue(db: Db, ids: FoundationIds) {
  const rand = prng(20261201);
  const today = todayInVietnam();
  const coops = db.select().from(schema.organisations).where(eq(schema.organisations.kind, "cooperative")).all();
  const allianceAdmin = ids.adminUserId;

  db.transaction((tx) => {
    coops.forEach((coop, ci) => {
      const isDemo = coop.id === ids.demoCooperativeId;
      const templates = productTemplates.filter((t) => t.match.test(coop.mainProducts ?? ""));
      // Grades and pack sizes give each cooperative a realistic range from its few crops.
      const variants = templates.flatMap((t) => [
        { t, suffix: "", factor: 1 },
        ...(t.unit === "kg" ? [{ t, suffix: " (thùng 10 kg)", suffixEn: " (10 kg carton)", factor: 9.5, unit: "thung" as const, pack: "10 kg" }] : []),
        ...(["tui", "goi", "hop", "chai"].includes(t.unit)
          ? [{ t, suffix: " (thùng 20 đơn vị)", suffixEn: " (carton of 20)", factor: 18.5, unit: "thung" as const, pack: `20 × ${t.pack ?? t.unit}` }]
          : []),
      ]);
      const productIds: { id: number; category: string; name: string }[] = [];
      variants.forEach((v, vi) => {
        const { t } = v;
        const unit = "unit" in v && v.unit ? v.unit : t.unit;
        const matched = t.nameFromMatch ? (coop.mainProducts ?? "").match(t.match)?.[0] : undefined;
        const baseVi = matched ? matched.charAt(0).toUpperCase() + matched.slice(1) : t.vi;
        const baseEn = matched ? `${t.en} (${matched.replace(/^bưởi\s*/i, "")})` : t.en;
        const nameVi = `${baseVi}${v.suffix}`;
        const nameEn = `${baseEn}${"suffixEn" in v ? v.suffixEn : ""}`;
        const price = Math.round((t.price * v.factor) / 500) * 500;
        const status = isDemo || vi < 3 ? "published" : rand.chance(0.9) ? "published" : rand.pick(["draft", "archived"] as const);
        const hasGtin = isDemo || rand.chance(0.85);
        const gtin = hasGtin
          ? withCheckDigit(`893${String(1000 + ci).padStart(4, "0")}${String(vi + 1).padStart(5, "0")}`).padStart(14, "0")
          : null;
        const moq = unit === "kg" ? rand.pick([20, 50, 100]) : rand.pick([5, 10, 20]);
        // Spread over the year before the demo date, never in the future.
        const createdAt = new Date(Date.UTC(2026, 10, 1) - (ci * 13 + vi * 5) * 43_200_000).toISOString();
        const product = tx
          .insert(schema.products)
          .values({
            cooperativeId: coop.id,
            slug: slugify(nameVi),
            nameVi,
            nameEn,
            categoryCode: t.category,
            descriptionVi: `${t.descVi} Sản phẩm của ${coop.name}.`,
            descriptionEn: `${t.descEn} From ${coop.name}.`,
            unit,
            packSize: "pack" in v && v.pack ? v.pack : (t.pack ?? null),
            originProvinceCode: coop.provinceCode,
            harvestMonths: monthsMask(t.months),
            leadTimeDays: rand.pick([1, 2, 3, 5, 7]),
            price,
            minOrderQty: moq,
            stock: rand.int(moq * 5, moq * 200),
            gtin,
            status,
            publishedAt: status === "published" ? createdAt : null,
            createdAt,
          })
          .returning({ id: schema.products.id })
          .get();
        productIds.push({ id: product.id, category: t.category, name: nameVi });
        tx.insert(schema.priceTiers)
          .values([
            { productId: product.id, minQty: moq * 10, unitPrice: Math.round((price * 0.93) / 100) * 100 },
            { productId: product.id, minQty: moq * 50, unitPrice: Math.round((price * 0.86) / 100) * 100 },
          ])
          .run();
      });

      // Member households.
      const memberCount = isDemo ? 8 : rand.int(3, 6);
      for (let m = 0; m < memberCount; m++) {
        tx.insert(schema.members)
          .values({
            cooperativeId: coop.id,
            name: memberNames[(ci * 3 + m) % memberNames.length]!,
            commune: coop.commune,
            areaHa: (rand.int(5, 40) / 10).toFixed(1),
            plantingAreaCode: rand.chance(0.4) ? `VN-${coop.provinceCode}-${String(ci * 10 + m).padStart(4, "0")}` : null,
            publicConsent: rand.chance(0.7),
          })
          .run();
      }

      if (!productIds.length) return;
      const cert = (values: Omit<typeof schema.certificates.$inferInsert, "cooperativeId">, covers: number[]) => {
        // Seeded claims all point at one sample scan shipped in public/, so the moderation queue shows evidence.
        const evidence = { evidencePath: "/demo/chung-nhan-mau.png", evidenceMime: "image/png" };
        const row = tx.insert(schema.certificates).values({ ...evidence, ...values, cooperativeId: coop.id }).returning().get();
        if (covers.length) tx.insert(schema.certificateProducts).values(covers.map((productId) => ({ certificateId: row.id, productId }))).run();
        return row;
      };
      const decided = (status: "verified" | "rejected" | "revoked", reason?: string) => ({
        status,
        decidedBy: allianceAdmin,
        decidedAt: new Date(Date.UTC(2026, 8, 1) + ci * 86_400_000).toISOString(),
        decisionReason: reason ?? null,
      });
      const fresh = productIds.filter((p) => p.category.startsWith("I.1") || p.category.startsWith("I.2"));
      const scope = (fresh.length ? fresh : productIds).map((p) => p.id);

      // VietGAP: most valid; every seventh expired, every fifth expiring within 90 days.
      const vietgapExpiry =
        ci % 7 === 3 ? addDays(today, -rand.int(10, 200)) : ci % 5 === 2 || isDemo ? addDays(today, rand.int(20, 80)) : addDays(today, rand.int(200, 700));
      cert(
        {
          type: "vietgap",
          number: `VietGAP-TT-${String(13 + (ci % 20)).padStart(2, "0")}-${String(ci + 1).padStart(2, "0")}-${coop.provinceCode}-${String(96 + ci).padStart(4, "0")}`,
          issuer: rand.pick(certifiers),
          issueDate: addDays(vietgapExpiry, -730),
          expiryDate: vietgapExpiry,
          scope: "TCVN 11892-1:2017, trồng trọt",
          ...(ci % 11 === 6 ? { status: "pending" as const } : decided("verified")),
        },
        scope,
      );

      // OCOP for the cooperative's best product; stars 3–5, 36 months from the decision.
      if (ci % 3 !== 1 || isDemo) {
        const stars = isDemo ? 4 : ([3, 3, 4, 4, 5] as const)[ci % 5]!;
        const decision = addDays(today, -rand.int(60, 900));
        const [y, m, d] = decision.split("-").map(Number) as [number, number, number];
        const expiry = new Date(Date.UTC(y + 3, m - 1, d)).toISOString().slice(0, 10);
        cert(
          {
            type: "ocop",
            ocopStars: stars,
            number: `${100 + ci}/QĐ-${stars === 5 ? "BNNMT" : "UBND"}`,
            issuer: stars === 5 ? "Bộ Nông nghiệp và Môi trường" : `UBND ${coop.provinceCode === "79" ? "Thành phố" : "tỉnh"}`,
            issueDate: decision,
            expiryDate: expiry,
            scope: productIds[0]!.name,
            ...(ci % 13 === 8 ? { status: "pending" as const } : decided("verified")),
          },
          [productIds[0]!.id],
        );
      }
      // A few organic, GI and rejected claims.
      if (ci % 6 === 0) {
        cert(
          { type: "organic", number: `HC-${coop.provinceCode}-${2026}-${ci}`, issuer: "Control Union Việt Nam", issueDate: addDays(today, -300), expiryDate: addDays(today, 430), scope: "TCVN 11041-2:2017", ...decided("verified") },
          scope.slice(0, 2),
        );
      }
      if (ci % 8 === 0) {
        cert(
          { type: "gi", number: `CDĐL-000${ci}`, issuer: "Cục Sở hữu trí tuệ", issueDate: "2019-05-10", expiryDate: null, scope: "Chỉ dẫn địa lý", ...decided("verified") },
          [productIds[0]!.id],
        );
      }
      // Every cooperative of the demo alliance's province has a claim waiting, so its moderation queue has work.
      if (coop.provinceCode === "86" && !isDemo) {
        cert(
          {
            type: "ocop",
            ocopStars: 4,
            number: `${200 + ci}/QĐ-UBND`,
            issuer: "UBND tỉnh Vĩnh Long",
            issueDate: addDays(today, -20),
            expiryDate: ocopExpiry(addDays(today, -20)),
            scope: productIds[productIds.length - 1]!.name,
            status: "pending",
          },
          [productIds[productIds.length - 1]!.id],
        );
      }
      if (ci % 9 === 4) {
        cert(
          { type: "globalgap", number: `GGN-40${ci}55${ci}`, issuer: "Control Union Việt Nam", issueDate: addDays(today, -100), expiryDate: addDays(today, 265), scope: "Fruit & vegetables", ...decided("rejected", "Bản scan không đọc được số GGN; vui lòng gửi lại bản rõ nét.") },
          scope.slice(0, 1),
        );
      }
    });
  });
}

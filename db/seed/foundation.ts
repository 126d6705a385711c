import { eq } from "drizzle-orm";
import { slugify } from "../../app/lib/text";
import type { Db } from "../open";
import * as schema from "../schema";
import { demoAccounts, seedBuyers, seedCooperatives } from "./foundation-data";

export type FoundationIds = {
  cooperatives: { id: number; province: string; name: string }[];
  buyers: { id: number }[];
  demoCooperativeId: number;
  demoBuyerId: number;
  demoCooperativeOwnerId: number;
  demoBuyerUserId: number;
  demoAllianceUserId: number;
  adminUserId: number;
};

/** Cooperatives still awaiting the alliance's review, so the moderation queue has work in it. */
const pendingReview = new Set(["HTX Khoai lang Bình Tân", "HTX Dưa lưới Tân Châu", "HTX Cá tra Thoại Sơn"]);

function isoDaysAgo(days: number): string {
  return new Date(Date.UTC(2026, 10, 1) - days * 86_400_000).toISOString();
}

/** Organisations, their owners, one alliance per province and the demo accounts. All in one transaction. */
export function seedFoundation(db: Db, { passwordHash }: { passwordHash: string }): FoundationIds {
  return db.transaction((tx) => {
    const user = (email: string, name: string, isPlatformAdmin = false) =>
      tx.insert(schema.users).values({ email, name, passwordHash, isPlatformAdmin }).returning().get();
    const member = (userId: number, organisationId: number, role: "owner" | "staff" = "owner") =>
      tx.insert(schema.memberships).values({ userId, organisationId, role }).run();

    const admin = user(demoAccounts.admin.email, demoAccounts.admin.name, true);

    // One alliance per province, each with an admin account.
    const provinces = tx.select().from(schema.provinces).all();
    const allianceByProvince = new Map<string, number>();
    let demoAllianceUserId = 0;
    for (const p of provinces) {
      const name = `Liên minh Hợp tác xã ${p.kind === "city" ? "thành phố" : "tỉnh"} ${p.shortName}`;
      const org = tx
        .insert(schema.organisations)
        .values({ kind: "alliance", name, slug: slugify(`lien minh htx ${p.shortName}`), provinceCode: p.code, status: "active" })
        .returning()
        .get();
      allianceByProvince.set(p.code, org.id);
      const isDemo = p.code === demoAccounts.alliance.province;
      const u = isDemo
        ? user(demoAccounts.alliance.email, demoAccounts.alliance.name)
        : user(`lienminh-${p.slug}@demo.chohtx.vn`, `Cán bộ Liên minh ${p.shortName}`);
      if (isDemo) demoAllianceUserId = u.id;
      member(u.id, org.id);
    }

    const cooperatives: FoundationIds["cooperatives"] = [];
    let demoCooperativeId = 0;
    let demoCooperativeOwnerId = 0;
    seedCooperatives.forEach((c, i) => {
      const slug = slugify(c.name);
      const verified = !pendingReview.has(c.name);
      const org = tx
        .insert(schema.organisations)
        .values({
          kind: "cooperative",
          name: c.name,
          slug,
          provinceCode: c.province,
          commune: c.commune,
          address: `${c.commune}${c.formerProvince ? ` (trước đây tỉnh ${c.formerProvince})` : ""}`,
          cooperativeType: c.type,
          registrationNumber: `${c.province}07${String(100000 + i * 37).padStart(6, "0")}`,
          status: "active",
          verifiedAt: verified ? isoDaysAgo(200 - i * 3) : null,
          verifiedBy: verified ? admin.id : null,
          yearFounded: c.founded,
          memberCount: c.members,
          areaHa: c.areaHa,
          mainProducts: c.main,
          descriptionVi: `${c.name} có ${c.members} thành viên, chuyên ${c.main.toLowerCase()}.`,
          descriptionEn: `${c.name} has ${c.members} members and grows ${c.main.toLowerCase()}.`,
          contactName: `Ban giám đốc ${c.name}`,
          phone: `09${String(12345670 + i * 7919).slice(0, 8)}`,
          zalo: `09${String(12345670 + i * 7919).slice(0, 8)}`,
          email: `lienhe@${slug}.vn`,
          bankBin: ["970436", "970405", "970418", "970415", "970422"][i % 5],
          bankAccount: String(1012345678 + i * 104729),
          bankHolder: c.name.toUpperCase(),
          createdAt: isoDaysAgo(400 - i * 5),
        })
        .returning()
        .get();
      cooperatives.push({ id: org.id, province: c.province, name: c.name });
      const isDemo = c.name === demoAccounts.cooperative.organisation;
      const owner = isDemo
        ? user(demoAccounts.cooperative.email, demoAccounts.cooperative.name)
        : user(`${slug}@demo.chohtx.vn`, `Giám đốc ${c.name.replace(/^HTX |^Tổ hợp tác |^Liên hiệp HTX /, "")}`);
      member(owner.id, org.id);
      if (isDemo) {
        demoCooperativeId = org.id;
        demoCooperativeOwnerId = owner.id;
        const staff = user(demoAccounts.cooperativeStaff.email, demoAccounts.cooperativeStaff.name);
        member(staff.id, org.id, "staff");
      }
    });

    const buyers: FoundationIds["buyers"] = [];
    let demoBuyerId = 0;
    let demoBuyerUserId = 0;
    seedBuyers.forEach((b, i) => {
      const org = tx
        .insert(schema.organisations)
        .values({
          kind: "buyer",
          name: b.name,
          slug: slugify(b.name),
          provinceCode: b.province,
          // "45 Láng Hạ, Phường Láng": the ward is the commune, kept apart so a delivery address never says it twice.
          commune: wardOf(b.address).commune,
          address: wardOf(b.address).street,
          taxCode: b.taxCode,
          buyerType: b.type,
          status: "active",
          email: `muahang@${slugify(b.name)}.vn`,
          phone: `028${String(38220000 + i * 1111)}`,
        })
        .returning()
        .get();
      buyers.push({ id: org.id });
      const isDemo = b.name === demoAccounts.buyer.organisation;
      const u = isDemo
        ? user(demoAccounts.buyer.email, demoAccounts.buyer.name)
        : user(`muahang-${i + 1}@demo.chohtx.vn`, `Phòng mua hàng ${b.name}`);
      member(u.id, org.id);
      if (isDemo) {
        demoBuyerId = org.id;
        demoBuyerUserId = u.id;
      }
    });

    return {
      cooperatives,
      buyers,
      demoCooperativeId,
      demoBuyerId,
      demoCooperativeOwnerId,
      demoBuyerUserId,
      demoAllianceUserId,
      adminUserId: admin.id,
    };
  });
}

function wardOf(address: string) {
  const parts = address.split(",").map((p) => p.trim());
  const last = parts.at(-1) ?? "";
  return /^(Phường|Xã|Đặc khu)\s/.test(last) && parts.length > 1 ? { street: parts.slice(0, -1).join(", "), commune: last } : { street: address, commune: null };
}

export function isSeeded(db: Db): boolean {
  return !!db.select().from(schema.users).where(eq(schema.users.email, demoAccounts.admin.email)).get();
}

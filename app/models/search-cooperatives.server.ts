import type { Badge } from "~/lib/badges";
import { todayInVietnam } from "~/lib/certificates";
import { cached } from "~/models/search-cache.server";
import { decodeCursor, encodeCursor, MAX_PAGE, PAGE_SIZE, parseQueryText, type CertificateType } from "~/models/search-query.server";
import { stmt } from "~/models/search-sql.server";
import { relevanceTiers, tokenOf, type Tier, type Where } from "~/models/search-tiers.server";

/* The cooperative directory's search over coop_fts (same tiers as products, totals cached per generation). */

export type CooperativeQuery = {
  q?: string;
  province?: string;
  certification?: CertificateType;
  verifiedOnly?: boolean;
  page?: number;
  cursor?: string;
  limit?: number;
  today?: string;
};

export type CooperativeHit = {
  id: number;
  name: string;
  slug: string;
  provinceCode: string;
  provinceName: string;
  commune: string | null;
  cooperativeType: string | null;
  verified: boolean;
  verifiedAt: string | null;
  memberCount: number | null;
  mainProducts: string | null;
  productCount: number;
  badges: Badge[];
};

function coopTiers(query: CooperativeQuery, today: string): Tier[] {
  const text = parseQueryText(query.q);
  const tags: string[] = [];
  const where: Where = { sql: [], params: [] };
  if (query.province) tags.push(tokenOf.province(query.province));
  if (query.verifiedOnly) tags.push("v");
  if (query.certification) {
    tags.push(tokenOf.certification(query.certification));
    where.sql.push(
      "EXISTS (SELECT 1 FROM certificates c WHERE c.cooperative_id = coop_fts.rowid AND c.type = ? AND c.status = 'verified' AND (c.expiry_date IS NULL OR c.expiry_date >= ?))",
    );
    where.params.push(query.certification, today);
  }
  const t = tags.length ? `t : (${tags.map((x) => `"${x}"`).join(" AND ")})` : null;
  return relevanceTiers(text, t, where);
}

function coopTierIds(tier: Tier, limit: number, offset: number, after?: number): number[] {
  const cond = tier.where.sql.length ? ` AND ${tier.where.sql.join(" AND ")}` : "";
  const a = after !== undefined ? " AND coop_fts.rowid < ?" : "";
  return stmt(`SELECT coop_fts.rowid FROM coop_fts WHERE coop_fts MATCH ?${cond}${a} ORDER BY coop_fts.rowid DESC LIMIT ? OFFSET ?`)
    .pluck()
    .all(tier.match, ...tier.where.params, ...(after !== undefined ? [after] : []), limit, offset) as number[];
}

function coopTierCount(tier: Tier): number {
  const cond = tier.where.sql.length ? ` AND ${tier.where.sql.join(" AND ")}` : "";
  return stmt(`SELECT count(*) FROM coop_fts WHERE coop_fts MATCH ?${cond}`).pluck().get(tier.match, ...tier.where.params) as number;
}

export function hydrateCoops(ids: number[], today: string): CooperativeHit[] {
  if (!ids.length) return [];
  const rows = stmt(
    `SELECT o.id, o.name, o.slug, o.province_code AS provinceCode, pr.short_name AS provinceName, o.commune,
       o.cooperative_type AS cooperativeType, o.verified_at AS verifiedAt, o.member_count AS memberCount,
       o.main_products AS mainProducts, (SELECT count(*) FROM search_attrs a WHERE a.cooperative_id = o.id) AS productCount
     FROM organisations o JOIN provinces pr ON pr.code = o.province_code WHERE o.id IN (${ids.map(() => "?").join(",")})`,
  ).all(...ids) as Record<string, unknown>[];
  const certRows = stmt(
    `SELECT cooperative_id AS id, type, ocop_stars AS ocopStars FROM certificates WHERE cooperative_id IN (${ids.map(() => "?").join(",")})
       AND status = 'verified' AND (expiry_date IS NULL OR expiry_date >= ?)`,
  ).all(...ids, today) as { id: number; type: string; ocopStars: number | null }[];
  const byId = new Map(rows.map((r) => [r.id as number, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    const badges: Badge[] = [];
    for (const c of certRows) {
      if (c.id === id && !badges.some((b) => b.type === c.type && b.ocopStars === c.ocopStars)) badges.push({ type: c.type, ocopStars: c.ocopStars });
    }
    return [
      {
        id,
        name: r.name as string,
        slug: r.slug as string,
        provinceCode: r.provinceCode as string,
        provinceName: r.provinceName as string,
        commune: (r.commune as string | null) ?? null,
        cooperativeType: (r.cooperativeType as string | null) ?? null,
        verified: r.verifiedAt != null,
        verifiedAt: (r.verifiedAt as string | null) ?? null,
        memberCount: (r.memberCount as number | null) ?? null,
        mainProducts: (r.mainProducts as string | null) ?? null,
        productCount: r.productCount as number,
        badges,
      },
    ];
  });
}

export function searchCooperatives(query: CooperativeQuery) {
  const today = query.today ?? todayInVietnam();
  const limit = Math.min(Math.max(query.limit ?? PAGE_SIZE, 1), 100);
  const page = Math.min(Math.max(query.page ?? 1, 1), MAX_PAGE);
  const tiers = coopTiers(query, today);
  const key = JSON.stringify(["coop", tiers.map((t) => [t.match, t.where.params]), today]);
  const total = cached(key, () => tiers.reduce((n, t) => n + coopTierCount(t), 0));
  let ids: number[] = [];
  let nextCursor: string | null = null;
  if (query.cursor !== undefined) {
    const cursor = query.cursor ? decodeCursor(query.cursor) : null;
    const got: { id: number; tier: number }[] = [];
    for (let i = cursor?.tier ?? 0; i < tiers.length && got.length < limit + 1; i++) {
      for (const id of coopTierIds(tiers[i]!, limit + 1 - got.length, 0, cursor && i === cursor.tier ? cursor.last : undefined)) got.push({ id, tier: i });
    }
    ids = got.slice(0, limit).map((g) => g.id);
    const last = got[limit - 1];
    nextCursor = got.length > limit && last ? encodeCursor({ tier: last.tier, last: last.id }) : null;
  } else {
    let skip = (page - 1) * limit;
    for (const tier of tiers) {
      const got = coopTierIds(tier, limit - ids.length, skip);
      if (got.length) {
        ids.push(...got);
        skip = 0;
      } else if (skip > 0) skip = Math.max(0, skip - coopTierCount(tier));
      if (ids.length >= limit) break;
    }
  }
  return { items: hydrateCoops(ids, today), total, page, pageCount: Math.max(1, Math.ceil(total / limit)), nextCursor };
}


export function cooperativeCountsByProvince(): Map<string, number> {
  return cached("coop-counts", () => {
    const rows = stmt(
      "SELECT province_code AS code, count(*) AS n FROM organisations WHERE kind = 'cooperative' AND status = 'active' GROUP BY province_code",
    ).all() as { code: string; n: number }[];
    return new Map(rows.map((r) => [r.code, r.n]));
  });
}

export function recentlyVerifiedCooperatives({ limit = 6, today }: { limit?: number; today?: string } = {}) {
  const ids = stmt(
    "SELECT id FROM organisations WHERE kind = 'cooperative' AND status = 'active' AND verified_at IS NOT NULL ORDER BY verified_at DESC, id DESC LIMIT ?",
  )
    .pluck()
    .all(limit) as number[];
  return hydrateCoops(ids, today ?? todayInVietnam());
}

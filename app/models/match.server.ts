import { getDb } from "~/db.server";
import { todayInVietnam } from "~/lib/certificates";
import {
  checkRequirements,
  matchScore,
  monthRuns,
  provinceScore,
  seasonOverlap,
  unitFactor,
  windowMask,
  type HeldCertificate,
  type SaleUnit,
} from "~/lib/market-rules";
import { parseQueryText, searchIndex } from "~/models/search.server";
import { fold } from "~/lib/text";
import { getProvince } from "~/models/province.server";

/*
 * Matching a buyer request to cooperatives, on the search index (docs/market.md):
 * 1. one FTS5 MATCH picks the candidate products: the request's OCOP category token OR its title's folded words;
 * 2. SQLite scores every candidate on its search_attrs row (certificate expiry columns compared with the delivery
 *    date, harvest-month bits against the delivery window, stock, province, verified) and keeps each
 *    cooperative's best product, ordered by score, cut by LIMIT;
 * 3. the few survivors are hydrated (units, certificates with their dates) and re-scored exactly in JavaScript
 *    with the same rules (app/lib/market-rules.ts), which also produce the reasons and gaps.
 */

export type MatchRequest = {
  title: string;
  categoryCode: string;
  quantity: number;
  unit: SaleUnit;
  deliveryFrom: string;
  deliveryTo: string;
  certifications: { type: string; minStars?: number | null }[];
  provinces: string[];
};

export type Note = { key: string; params?: Record<string, string | number> };

export type Match = {
  cooperativeId: number;
  cooperativeName: string;
  cooperativeSlug: string;
  provinceCode: string;
  productId: number;
  productName: string;
  score: number;
  reasons: Note[];
  gaps: Note[];
};

export const MATCH_LIMIT = 30;
/** Cooperatives scored in SQL before the exact re-score: enough that the re-ranking can reorder the top. */
const SQL_LIMIT = 60;
/** Index of the title's words among the tier conditions below. */
const TEXT_PART = 2;

const monthYear = (date: string | null) => (date ? `${date.slice(5, 7)}/${date.slice(0, 4)}` : "∞");
const runsText = (mask: number) =>
  monthRuns(mask)
    .map((r) => (r.from === r.to ? `${r.from}` : `${r.from}–${r.to}`))
    .join(", ");

function certColumn(req: { type: string; minStars?: number | null }) {
  if (req.type === "ocop") return `u_ocop${Math.min(5, Math.max(3, req.minStars ?? 3))}`;
  return `u_${req.type.replace(/[^a-z_0-9]/g, "")}`;
}

/** The FTS5 expression of the candidates: the category's products or products matching the title. */
export function candidateMatch(request: Pick<MatchRequest, "title" | "categoryCode">) {
  const text = parseQueryText(request.title);
  const category = `t : "${searchIndex.tokenOf.category(request.categoryCode)}"`;
  return { all: text.folded ? `(${category}) OR (${text.folded})` : category, text: text.folded };
}

/**
 * Step 1–2: candidate cooperatives, best first, in tiers. The first tier asks for everything (text, certificates
 * valid on the delivery date, season, a preferred province, stock, verified); each next tier drops the weakest
 * remaining condition. Each tier is one MATCH read in rowid order and cut by LIMIT, skipping cooperatives already
 * found, so nothing scores the whole category (178,000 fruit products at 500,000) and the cost stays flat.
 */
export function candidateCooperatives(request: MatchRequest, { limit = SQL_LIMIT, today = todayInVietnam() }: { limit?: number; today?: string } = {}) {
  const { all, text } = candidateMatch(request);
  const t = searchIndex.tokenOf;
  const months = [...new Set(windowMonthsOf(request))];
  const deliveryDate = request.deliveryTo < today ? today : request.deliveryTo;
  const certTokens = request.certifications.map((c) => (c.type === "ocop" ? t.stars(Math.min(5, Math.max(3, c.minStars ?? 3))) : t.certification(c.type)));
  // Only index tokens select: each tier is one MATCH that FTS5 answers by leapfrogging doclists in rowid order, so
  // a LIMIT stops it early. Verified and stock only reorder the survivors (step 3): as filters on search_attrs they
  // would make a tier that finds nothing read every candidate first.
  const parts: { match: string | null; where?: { sql: string; params: unknown[] } }[] = [
    { match: months.length ? `t : (${months.map((m) => `"${t.month(m)}"`).join(" OR ")})` : null },
    { match: request.provinces.length ? `t : (${request.provinces.map((p) => `"${t.province(p)}"`).join(" OR ")})` : null },
    { match: text },
    {
      match: certTokens.length ? `t : (${certTokens.map((c) => `"${c}"`).join(" AND ")})` : null,
      where: certTokens.length ? { sql: request.certifications.map((c) => `a.${certColumn(c)} >= ?`).join(" AND "), params: request.certifications.map(() => deliveryDate) } : undefined,
    },
  ];
  const found: { cooperativeId: number; productId: number; tier: number }[] = [];
  const seen = new Set<number>();
  for (let tier = 0; tier <= parts.length && found.length < limit; tier++) {
    const active = parts.slice(tier).filter((p) => p.match || p.where);
    if (tier > 0 && !parts[tier - 1]!.match && !parts[tier - 1]!.where) continue; // dropping an absent condition changes nothing
    // The title's words imply the candidate set; without them, the category (or the words) is the base.
    const textActive = !!text && active.some((p) => p.match === text);
    const match = [...(textActive ? [] : [`(${all})`]), ...active.flatMap((p) => (p.match ? [`(${p.match})`] : []))].join(" AND ");
    const where = active.flatMap((p) => (p.where ? [p.where] : []));
    const exclude = seen.size ? ` AND a.cooperative_id NOT IN (${[...seen].join(",")})` : "";
    const sql = `SELECT a.cooperative_id AS cooperativeId, a.product_id AS productId FROM product_fts JOIN search_attrs a ON a.product_id = product_fts.rowid
      WHERE product_fts MATCH ?${where.map((w) => ` AND ${w.sql}`).join("")}${exclude} ORDER BY product_fts.rowid DESC LIMIT ?`;
    // Rows, not cooperatives, are limited: a cooperative may bring several products; enough rows for the rest.
    const rows = searchIndex.stmt(sql).all(match, ...where.flatMap((w) => w.params), (limit - found.length) * 8) as { cooperativeId: number; productId: number }[];
    for (const r of rows) {
      if (seen.has(r.cooperativeId)) continue;
      seen.add(r.cooperativeId);
      found.push({ ...r, tier });
      if (found.length >= limit) break;
    }
  }
  return found;
}

function windowMonthsOf(request: Pick<MatchRequest, "deliveryFrom" | "deliveryTo">) {
  const mask = windowMask(request.deliveryFrom, request.deliveryTo);
  return Array.from({ length: 12 }, (_, i) => i + 1).filter((m) => mask & (1 << (m - 1)));
}

type ProductRow = {
  id: number;
  nameVi: string;
  unit: SaleUnit;
  stock: number;
  harvestMonths: number;
  provinceCode: string;
  cooperativeId: number;
  cooperativeName: string;
  cooperativeSlug: string;
  verified: number;
  textMatch: number;
};

/** Reasons, gaps and the exact score of one product for a request (also what the naive baseline computes). */
export function explain(request: MatchRequest, p: Omit<ProductRow, "cooperativeName" | "cooperativeSlug">, held: HeldCertificate[], today: string) {
  const reasons: Note[] = [];
  const gaps: Note[] = [];
  const deliveryDate = request.deliveryTo < today ? today : request.deliveryTo;
  const results = checkRequirements(held, request.certifications, deliveryDate);
  for (const r of results) {
    const cert = `catalogue.certType.${r.type}`;
    if (r.ok) reasons.push({ key: "market.reason.certificate", params: { cert, until: monthYear(r.until) } });
    else if (r.reason === "lapses") gaps.push({ key: "market.gap.certLapses", params: { cert, until: monthYear(r.until ?? null) } });
    else if (r.reason === "stars") gaps.push({ key: "market.gap.stars", params: { stars: r.stars ?? 0, min: request.certifications.find((c) => c.type === "ocop")?.minStars ?? 3 } });
    else gaps.push({ key: "market.gap.certMissing", params: { cert } });
  }
  const overlap = seasonOverlap(p.harvestMonths, request.deliveryFrom, request.deliveryTo);
  if (overlap.length) reasons.push({ key: "market.reason.season", params: { months: runsText(p.harvestMonths) } });
  else if (p.harvestMonths) gaps.push({ key: "market.gap.season", params: { months: runsText(p.harvestMonths) } });
  else gaps.push({ key: "market.gap.noSeason" });
  const factor = unitFactor(p.unit, request.unit);
  const stockInRequestUnits = factor === null ? 0 : p.stock * factor;
  if (factor === null) gaps.push({ key: "market.gap.unit", params: { unit: `units.${p.unit}` } });
  else if (p.stock > 0) reasons.push({ key: "market.reason.stock", params: { quantity: p.stock, unit: `units.${p.unit}` } });
  if (factor !== null && stockInRequestUnits < request.quantity) gaps.push({ key: "market.gap.stock", params: { quantity: p.stock, unit: `units.${p.unit}` } });
  const ps = provinceScore(p.provinceCode, request.provinces);
  const province = getProvince(p.provinceCode)?.shortName ?? p.provinceCode;
  if (ps === 0) gaps.push({ key: "market.gap.province", params: { province } });
  else reasons.push({ key: "market.reason.province", params: { province } });
  const score = matchScore({
    textMatch: !!p.textMatch,
    certsMet: results.filter((r) => r.ok).length,
    certsRequired: request.certifications.length,
    seasonOverlap: overlap.length > 0,
    stockCovers: factor !== null && stockInRequestUnits >= request.quantity,
    stockSome: factor !== null && p.stock > 0,
    provinceScore: ps,
    verified: !!p.verified,
  });
  return { reasons, gaps, score: Math.round(score * 100) / 100 };
}

/** Every word of the title in the folded name, the last one as a prefix (as the search index reads it). */
function nameMatches(name: string, words: string[]) {
  const tokens = fold(name).match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.every((w, i) => tokens.some((t) => (i === words.length - 1 ? t.startsWith(w) : t === w)));
}

/** The ranked cooperatives for a request, with why and what is missing; nothing is written. */
export function rankCooperatives(request: MatchRequest, { limit = MATCH_LIMIT, today = todayInVietnam() }: { limit?: number; today?: string } = {}): Match[] {
  const top = candidateCooperatives(request, { limit: Math.max(limit * 2, SQL_LIMIT), today });
  if (!top.length) return [];
  const ids = top.map((t) => t.productId);
  const ph = ids.map(() => "?").join(",");
  const words = parseQueryText(request.title).terms.map((w) => fold(w));
  const products = getDb()
    .$client.prepare(
      `SELECT p.id, p.name_vi AS nameVi, p.unit, p.stock, p.harvest_months AS harvestMonths, p.origin_province_code AS provinceCode,
         o.id AS cooperativeId, o.name AS cooperativeName, o.slug AS cooperativeSlug, (o.verified_at IS NOT NULL) AS verified
       FROM products p JOIN organisations o ON o.id = p.cooperative_id WHERE p.id IN (${ph})`,
    )
    .all(...ids) as ProductRow[];
  const certs = getDb()
    .$client.prepare(
      `SELECT cp.product_id AS productId, c.type, c.status, c.expiry_date AS expiryDate, c.issue_date AS issueDate, c.ocop_stars AS ocopStars
       FROM certificate_products cp JOIN certificates c ON c.id = cp.certificate_id WHERE cp.product_id IN (${ph}) AND c.status = 'verified'`,
    )
    .all(...ids) as (HeldCertificate & { productId: number })[];
  const certsBy = new Map<number, HeldCertificate[]>();
  for (const c of certs) certsBy.set(c.productId, [...(certsBy.get(c.productId) ?? []), c]);
  return products
    .map((p) => {
      // Tiers before the words were dropped matched them already; later ones are checked on the product's name.
      const tier = top.find((c) => c.productId === p.id)?.tier ?? TEXT_PART + 1;
      const textMatch = words.length > 0 && (tier <= TEXT_PART || nameMatches(p.nameVi, words));
      const e = explain(request, { ...p, textMatch: textMatch ? 1 : 0 }, certsBy.get(p.id) ?? [], today);
      return {
        cooperativeId: p.cooperativeId,
        cooperativeName: p.cooperativeName,
        cooperativeSlug: p.cooperativeSlug,
        provinceCode: p.provinceCode,
        productId: p.id,
        productName: p.nameVi,
        ...e,
      };
    })
    .sort((a, b) => b.score - a.score || a.gaps.length - b.gaps.length || a.cooperativeId - b.cooperativeId)
    .slice(0, limit);
}

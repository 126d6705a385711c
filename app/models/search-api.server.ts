import { sql } from "drizzle-orm";
import { db } from "~/db.server";
import { env } from "~/env.server";
import { parseCooperativeParams, parseProductParams, type ParamProblem } from "~/models/search-params.server";
import { productsByIds, searchCooperatives, searchProducts } from "~/models/search.server";
import { recentLotsByProduct, type RecentLot } from "~/models/product-lots.server";

/**
 * What an API route answers: the JSON body, or the parameter problems as message keys (the route translates them
 * and sends the 400, see app/services/api-errors.server.ts). Field names of `body` are part of the contract.
 */
/** `final: false`: the body carries counts still being made ("1.000+"), so it must not be kept by a cache. */
export type ApiAnswer = { ok: true; body: unknown; final?: boolean } | { ok: false; problems: ParamProblem[] };

const ok = (body: unknown, final = true): ApiAnswer => ({ ok: true, body, final });
const badRequest = (problems: ParamProblem[]): ApiAnswer => ({ ok: false, problems });

type ProductItem = ReturnType<typeof productsByIds>[number];

const lotJson = (l: RecentLot) => ({
  id: l.id,
  code: l.code,
  harvest_date: l.harvestDate,
  packing_date: l.packingDate,
  best_before_date: l.bestBeforeDate,
  quantity: l.quantity,
  unit: l.unit,
  trace_url: l.traceUrl,
  digital_link: l.digitalLink,
});

function productJson(p: ProductItem, lots: RecentLot[]) {
  return {
    id: p.id,
    name_vi: p.nameVi,
    name_en: p.nameEn,
    url: `${env.PUBLIC_ORIGIN}/products/${p.id}`,
    category_code: p.categoryCode,
    province_code: p.provinceCode,
    province_name: p.provinceName,
    unit: p.unit,
    pack_size: p.packSize,
    price_vnd: p.price,
    min_order_qty: p.minOrderQty,
    in_stock: p.stock > 0,
    gtin: p.gtin,
    published_at: p.publishedAt,
    cooperative: { id: p.cooperative.id, name: p.cooperative.name, slug: p.cooperative.slug, verified: p.cooperative.verified },
    certifications: p.badges.map((b) => ({ type: b.type, ocop_stars: b.ocopStars })),
    recent_lots: lots.map(lotJson),
  };
}

/**
 * GET /api/v1/products/{id}: one published product of an active cooperative, as in the list, with its recent lots.
 * null: no such product (404).
 */
export function productApi(rawId: string): ApiAnswer | null {
  if (!/^[0-9]{1,15}$/.test(rawId) || Number(rawId) < 1) return badRequest([{ param: "id", key: "discovery.problem.number", value: rawId }]);
  const id = Number(rawId);
  // Public means what search lists: published, of an active cooperative (search_attrs holds exactly those).
  if (!db.get<{ n: number } | undefined>(sql`SELECT 1 AS n FROM search_attrs WHERE product_id = ${id}`)) return null;
  const item = productsByIds({ ids: [id] })[0];
  if (!item) return null;
  return ok({ data: productJson(item, recentLotsByProduct({ productIds: [id] }).get(id) ?? []) });
}

/** GET /api/v1/products: the product search as JSON, cursor pages; field names are part of the contract. */
export function productsApi(url: URL): ApiAnswer {
  const parsed = parseProductParams(url.searchParams);
  if (parsed.problems.length) return badRequest(parsed.problems);
  const first = !parsed.query.cursor;
  const r = searchProducts({ ...parsed.query, page: undefined, cursor: parsed.query.cursor ?? "", withStats: first });
  const lots = recentLotsByProduct({ productIds: r.items.map((p) => p.id) });
  return ok({
    data: r.items.map((p) => productJson(p, lots.get(p.id) ?? [])),
    total: r.total,
    total_at_least: r.totalAtLeast,
    facets: r.facets,
    next_cursor: r.nextCursor,
    notices: parsed.notices.map((n) => ({ former_province: n.former, current_province_code: n.current.code, current_province_name: n.current.name })),
  }, !r.totalAtLeast && (!first || r.facets !== null));
}

export function cooperativesApi(url: URL): ApiAnswer {
  const parsed = parseCooperativeParams(url.searchParams);
  if (parsed.problems.length) return badRequest(parsed.problems);
  const r = searchCooperatives({ ...parsed.query, page: undefined, cursor: parsed.query.cursor ?? "" });
  return ok({
    data: r.items.map((c) => ({
      id: c.id,
      name: c.name,
      slug: c.slug,
      url: `${env.PUBLIC_ORIGIN}/cooperatives/${c.slug}`,
      province_code: c.provinceCode,
      province_name: c.provinceName,
      commune: c.commune,
      cooperative_type: c.cooperativeType,
      verified: c.verified,
      verified_at: c.verifiedAt,
      member_count: c.memberCount,
      main_products: c.mainProducts,
      product_count: c.productCount,
      certifications: c.badges.map((b) => ({ type: b.type, ocop_stars: b.ocopStars })),
    })),
    total: r.total,
    next_cursor: r.nextCursor,
    notices: parsed.notices.map((n) => ({ former_province: n.former, current_province_code: n.current.code, current_province_name: n.current.name })),
  });
}

import { getT } from "~/i18n";
import type { MessageKey } from "~/i18n";
import { env } from "~/env.server";
import { parseCooperativeParams, parseProductParams, type ParamProblem } from "~/models/search-params.server";
import { searchCooperatives, searchProducts } from "~/models/search.server";

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", "Access-Control-Allow-Origin": "*" },
  });

function badRequest(problems: ParamProblem[]) {
  const t = getT("en");
  const first = problems[0]!;
  return json(
    {
      error: {
        code: "invalid_parameter",
        parameter: first.param,
        message: t(first.key as MessageKey, { value: first.value }),
        details: problems.map((p) => ({ parameter: p.param, message: t(p.key as MessageKey, { value: p.value }) })),
      },
    },
    400,
  );
}

/** GET /api/v1/products: the product search as JSON, cursor pages; field names are part of the contract. */
export function productsApi(url: URL) {
  const parsed = parseProductParams(url.searchParams);
  if (parsed.problems.length) return badRequest(parsed.problems);
  const first = !parsed.query.cursor;
  const r = searchProducts({ ...parsed.query, page: undefined, cursor: parsed.query.cursor ?? "", withStats: first });
  return json({
    data: r.items.map((p) => ({
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
    })),
    total: r.total,
    total_at_least: r.totalAtLeast,
    facets: r.facets,
    next_cursor: r.nextCursor,
    notices: parsed.notices.map((n) => ({ former_province: n.former, current_province_code: n.current.code, current_province_name: n.current.name })),
  });
}

export function cooperativesApi(url: URL) {
  const parsed = parseCooperativeParams(url.searchParams);
  if (parsed.problems.length) return badRequest(parsed.problems);
  const r = searchCooperatives({ ...parsed.query, page: undefined, cursor: parsed.query.cursor ?? "" });
  return json({
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

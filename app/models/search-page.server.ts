import { env } from "~/env.server";
import { listCategories, listProvinces } from "~/models/province.server";
import { parseCooperativeParams, parseProductParams, type FormerNotice, type ParamProblem } from "~/models/search-params.server";
import { searchCooperatives, searchProducts, type ProductHit } from "~/models/search.server";

export function withImage(p: ProductHit) {
  return { ...p, imageUrl: p.photo ? `/uploads/${p.photo.path}-320.webp` : null, imageAlt: p.photo?.alt ?? null };
}

function notices(list: FormerNotice[]) {
  const seen = new Set<string>();
  return list
    .filter((n) => !seen.has(n.former) && seen.add(n.former))
    .map((n) => ({ former: n.former, current: n.current.name, currentShort: n.current.shortName, slug: n.current.slug }));
}

const problemView = (p: ParamProblem) => ({ param: p.param, key: p.key, value: p.value });

/** Everything the /search page shows; status 400 when a parameter was dropped, 404 for a page past the end. */
export function productSearchPage(url: URL) {
  const parsed = parseProductParams(url.searchParams);
  let result = searchProducts({ ...parsed.query, cursor: undefined, limit: undefined });
  let pastEnd: { page: number; pages: number } | null = null;
  if (result.pageCount !== null && result.total && !result.totalAtLeast && result.page > result.pageCount) {
    pastEnd = { page: result.page, pages: result.pageCount };
    result = searchProducts({ ...parsed.query, cursor: undefined, limit: undefined, page: result.pageCount });
  }
  const coops = parsed.query.q && result.page === 1 ? searchCooperatives({ q: parsed.query.q, province: parsed.query.province, limit: 3 }).items : [];
  const status = parsed.problems.length ? 400 : pastEnd ? 404 : 200;
  return {
    status,
    data: {
      q: parsed.q,
      query: parsed.query,
      problems: parsed.problems.map(problemView),
      notices: notices(parsed.notices),
      pastEnd,
      items: result.items.map(withImage),
      total: result.total ?? 0,
      totalAtLeast: result.totalAtLeast,
      page: result.page,
      pageCount: result.pageCount ?? 1,
      facets: result.facets,
      coops,
      origin: env.PUBLIC_ORIGIN,
      provinces: listProvinces().map((p) => ({ code: p.code, name: p.shortName })),
      categories: listCategories().map((c) => ({ code: c.code, vi: c.nameVi, en: c.nameEn })),
    },
  };
}

export function cooperativeDirectoryPage(url: URL) {
  const parsed = parseCooperativeParams(url.searchParams);
  let result = searchCooperatives({ ...parsed.query, cursor: undefined, limit: undefined });
  let pastEnd: { page: number; pages: number } | null = null;
  if (result.total && result.page > result.pageCount) {
    pastEnd = { page: result.page, pages: result.pageCount };
    result = searchCooperatives({ ...parsed.query, cursor: undefined, limit: undefined, page: result.pageCount });
  }
  return {
    status: parsed.problems.length ? 400 : pastEnd ? 404 : 200,
    data: {
      q: parsed.q,
      query: parsed.query,
      problems: parsed.problems.map(problemView),
      notices: notices(parsed.notices),
      pastEnd,
      items: result.items,
      origin: env.PUBLIC_ORIGIN,
      total: result.total,
      page: result.page,
      pageCount: result.pageCount,
      provinces: listProvinces().map((p) => ({ code: p.code, name: p.shortName })),
    },
  };
}

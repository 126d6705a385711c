import { certificateTypes } from "~/lib/enums";
import { fold } from "~/lib/text";
import { getT, type MessageKey } from "~/i18n";
import { env } from "~/env.server";
import { getCategory, listCategories, resolveProvince } from "~/models/province.server";
import { listBoard, type BoardQuery } from "~/models/request.server";
import "~/capabilities/market/notify.server";
import type { FormerNotice, ParamProblem } from "~/models/search-params.server";

/** Demand-board URL parameters, shared by /requests and GET /api/v1/requests: bad values are named, never guessed. */
export function parseBoardParams(params: URLSearchParams) {
  const problems: ParamProblem[] = [];
  const notices: FormerNotice[] = [];
  const query: BoardQuery = {};
  const q = (params.get("q") ?? "").normalize("NFC").trim();
  if (q.length > 200) problems.push({ param: "q", key: "discovery.problem.queryTooLong", value: `${q.slice(0, 40)}…` });
  else if (q) query.q = q;
  const category = params.get("category")?.trim();
  if (category) {
    const known = getCategory(category) ?? (listCategories().some((c) => c.groupCode === category) ? { code: category } : null);
    if (!known) problems.push({ param: "category", key: "discovery.problem.category", value: category });
    else query.category = category;
  }
  const province = params.get("province")?.trim();
  if (province) {
    const r = resolveProvince(province);
    if (!r) problems.push({ param: "province", key: "discovery.problem.province", value: province });
    else {
      query.province = r.province.code;
      if (r.via === "former") notices.push({ former: r.formerName, current: r.province });
    }
  }
  const cert = params.get("cert")?.trim();
  if (cert) {
    const v = cert.toLowerCase().replace(/[\s.-]+/g, "");
    const aliases: Record<string, string> = { huuco: "organic", chidandialy: "gi" };
    const type = certificateTypes.find((t) => t.replace(/_/g, "") === v.replace(/_/g, "")) ?? aliases[fold(v)];
    if (!type) problems.push({ param: "cert", key: "discovery.problem.certification", value: cert });
    else query.certification = type;
  }
  const int = (name: string, min: number, max: number) => {
    const raw = params.get(name);
    if (raw === null || raw.trim() === "") return undefined;
    if (!/^\d{1,12}$/.test(raw.trim()) || Number(raw) < min || Number(raw) > max) {
      problems.push({ param: name, key: name === "page" ? "discovery.problem.page" : name === "limit" ? "discovery.problem.limit" : "discovery.problem.cursor", value: raw });
      return undefined;
    }
    return Number(raw);
  };
  query.page = int("page", 1, 500);
  query.limit = int("limit", 1, 100);
  query.cursor = int("cursor", 1, Number.MAX_SAFE_INTEGER);
  return { query, problems, notices, q };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", "Access-Control-Allow-Origin": "*" },
  });

/** GET /api/v1/requests: open public requests as JSON, newest first, keyset cursor (docs/api.md). */
export function requestsApi(url: URL) {
  const parsed = parseBoardParams(url.searchParams);
  if (parsed.problems.length) {
    const t = getT("en");
    const first = parsed.problems[0]!;
    return json(
      {
        error: {
          code: "invalid_parameter",
          parameter: first.param,
          message: t(first.key as MessageKey, { value: first.value }),
          details: parsed.problems.map((p) => ({ parameter: p.param, message: t(p.key as MessageKey, { value: p.value }) })),
        },
      },
      400,
    );
  }
  const r = listBoard({ ...parsed.query, page: undefined, cursor: parsed.query.cursor });
  return json({
    data: r.items.map((x) => ({
      id: x.id,
      url: `${env.PUBLIC_ORIGIN}/requests/${x.id}`,
      title: x.title,
      description: x.description,
      category_code: x.categoryCode,
      quantity: x.quantity,
      unit: x.unit,
      certifications: x.certifications.map((c) => ({ type: c.type, min_stars: c.minStars })),
      preferred_province_codes: x.provinces,
      delivery_from: x.deliveryFrom,
      delivery_to: x.deliveryTo,
      delivery_province_code: x.deliveryProvinceCode,
      target_price_vnd: x.targetPrice,
      payment_terms: x.paymentTerms,
      closing_date: x.closingDate,
      published_at: x.publishedAt,
      offer_count: x.offerCount,
      buyer: { name: x.buyer.name, buyer_type: x.buyer.buyerType, province_code: x.buyer.provinceCode },
    })),
    total: r.total,
    next_cursor: r.nextCursor ? String(r.nextCursor) : null,
    notices: parsed.notices.map((n) => ({ former_province: n.former, current_province_code: n.current.code, current_province_name: n.current.name })),
  });
}

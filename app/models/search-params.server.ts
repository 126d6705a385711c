import { certificateTypes } from "~/lib/enums";
import { getCategory, resolveProvince, type Province } from "~/models/province.server";
import { MAX_PAGE, MAX_QUERY_LENGTH, sorts, type CooperativeQuery, type ProductQuery } from "~/models/search.server";
import { decodeCursor } from "~/models/search.server";
import { fold } from "~/lib/text";
import { listFormerProvinces } from "~/models/province-names.server";

/** One rejected URL parameter: its name and a catalogue key explaining why. */
export type ParamProblem = { param: string; key: DiscoveryProblemKey; value: string };

export type DiscoveryProblemKey =
  | "discovery.problem.province"
  | "discovery.problem.certification"
  | "discovery.problem.category"
  | "discovery.problem.stars"
  | "discovery.problem.number"
  | "discovery.problem.priceRange"
  | "discovery.problem.month"
  | "discovery.problem.sort"
  | "discovery.problem.page"
  | "discovery.problem.cursor"
  | "discovery.problem.limit"
  | "discovery.problem.queryTooLong"
  | "discovery.problem.flag";

export type FormerNotice = { former: string; current: Province };

const flag = (v: string) => ["1", "true", "on", "yes"].includes(v.toLowerCase());
const isFlag = (v: string) => ["1", "true", "on", "yes", "0", "false", "off", "no", ""].includes(v.toLowerCase());

function int(params: URLSearchParams, name: string, problems: ParamProblem[], { min, max }: { min: number; max: number }) {
  const raw = params.get(name);
  if (raw === null || raw.trim() === "") return undefined;
  const v = raw.trim();
  if (!/^-?\d{1,15}$/.test(v) || Number(v) < min || Number(v) > max) {
    problems.push({ param: name, key: name === "page" ? "discovery.problem.page" : name === "month" ? "discovery.problem.month" : name === "limit" ? "discovery.problem.limit" : "discovery.problem.number", value: raw });
    return undefined;
  }
  return Number(v);
}

/** Former province names the query text mentions, so the page can say where they belong now. */
function formerNamesInText(q: string): FormerNotice[] {
  const text = ` ${fold(q).replace(/[^a-z0-9]+/g, " ")} `;
  return listFormerProvinces()
    .filter((f) => text.includes(` ${f.folded} `))
    .flatMap((f) => (f.current ? [{ former: f.shortName, current: f.current }] : []));
}

type Common = { problems: ParamProblem[]; notices: FormerNotice[]; province: Province | null };

function parseProvince(params: URLSearchParams, c: Common) {
  const raw = params.get("province");
  if (!raw || !raw.trim()) return undefined;
  const r = resolveProvince(raw);
  if (!r) {
    c.problems.push({ param: "province", key: "discovery.problem.province", value: raw });
    return undefined;
  }
  if (r.via === "former") c.notices.push({ former: r.formerName, current: r.province });
  c.province = r.province;
  return r.province.code;
}

function parseCertification(params: URLSearchParams, c: Common) {
  const raw = params.get("cert");
  if (!raw || !raw.trim()) return undefined;
  const v = raw.trim().toLowerCase().replace(/[\s.-]+/g, "");
  const aliases: Record<string, (typeof certificateTypes)[number]> = { globalgap: "globalgap", huuco: "organic", chidandialy: "gi" };
  const type = certificateTypes.find((t) => t.replace(/_/g, "") === v.replace(/_/g, "")) ?? aliases[fold(v)];
  if (!type) c.problems.push({ param: "cert", key: "discovery.problem.certification", value: raw });
  return type;
}

function parseQ(params: URLSearchParams, c: Common) {
  const q = (params.get("q") ?? "").normalize("NFC").trim();
  if (q.length > MAX_QUERY_LENGTH) c.problems.push({ param: "q", key: "discovery.problem.queryTooLong", value: `${q.slice(0, 40)}…` });
  if (q) c.notices.push(...formerNamesInText(q.slice(0, MAX_QUERY_LENGTH)));
  return q;
}

function parseFlag(params: URLSearchParams, name: string, c: Common) {
  const raw = params.get(name);
  if (raw === null) return undefined;
  if (!isFlag(raw)) {
    c.problems.push({ param: name, key: "discovery.problem.flag", value: raw });
    return undefined;
  }
  return flag(raw) || undefined;
}

export type ParsedProductParams = Common & { query: ProductQuery; q: string };

/**
 * Reads a product search from URL parameters. Bad values are reported, not fatal: the page drops them and explains,
 * the API answers 400 naming the parameter.
 */
export function parseProductParams(params: URLSearchParams): ParsedProductParams {
  const c: Common = { problems: [], notices: [], province: null };
  const q = parseQ(params, c);
  const province = parseProvince(params, c);
  const certification = parseCertification(params, c);
  let category: string | undefined;
  const rawCategory = params.get("category");
  if (rawCategory && rawCategory.trim()) {
    if (getCategory(rawCategory.trim())) category = rawCategory.trim();
    else c.problems.push({ param: "category", key: "discovery.problem.category", value: rawCategory });
  }
  const stars = int(params, "stars", c.problems, { min: 3, max: 5 });
  if (c.problems.some((p) => p.param === "stars")) c.problems.find((p) => p.param === "stars")!.key = "discovery.problem.stars";
  let priceMin = int(params, "priceMin", c.problems, { min: 0, max: 10_000_000_000 });
  let priceMax = int(params, "priceMax", c.problems, { min: 0, max: 10_000_000_000 });
  if (priceMin !== undefined && priceMax !== undefined && priceMin > priceMax) {
    c.problems.push({ param: "priceMax", key: "discovery.problem.priceRange", value: `${priceMin} > ${priceMax}` });
    priceMin = undefined;
    priceMax = undefined;
  }
  const moqMax = int(params, "moqMax", c.problems, { min: 1, max: 1_000_000_000 });
  const harvestMonth = int(params, "month", c.problems, { min: 1, max: 12 });
  const rawSort = params.get("sort");
  let sort: ProductQuery["sort"];
  if (rawSort && rawSort !== "") {
    sort = sorts.find((s) => s === rawSort);
    if (!sort) c.problems.push({ param: "sort", key: "discovery.problem.sort", value: rawSort });
  }
  const page = int(params, "page", c.problems, { min: 1, max: MAX_PAGE });
  const limit = int(params, "limit", c.problems, { min: 1, max: 100 });
  const cursor = params.get("cursor") ?? undefined;
  if (cursor && !decodeCursor(cursor)) c.problems.push({ param: "cursor", key: "discovery.problem.cursor", value: cursor });
  return {
    ...c,
    q,
    query: {
      q: q.slice(0, MAX_QUERY_LENGTH),
      province,
      certification,
      category,
      minStars: stars as 3 | 4 | 5 | undefined,
      verifiedOnly: parseFlag(params, "verified", c),
      inStock: parseFlag(params, "inStock", c),
      priceMin,
      priceMax,
      moqMax,
      harvestMonth,
      sort,
      page,
      limit,
      cursor: cursor && decodeCursor(cursor) ? cursor : undefined,
    },
  };
}

export type ParsedCooperativeParams = Common & { query: CooperativeQuery; q: string };

export function parseCooperativeParams(params: URLSearchParams): ParsedCooperativeParams {
  const c: Common = { problems: [], notices: [], province: null };
  const q = parseQ(params, c);
  const province = parseProvince(params, c);
  const certification = parseCertification(params, c);
  const page = int(params, "page", c.problems, { min: 1, max: MAX_PAGE });
  const limit = int(params, "limit", c.problems, { min: 1, max: 100 });
  const cursor = params.get("cursor") ?? undefined;
  if (cursor && !decodeCursor(cursor)) c.problems.push({ param: "cursor", key: "discovery.problem.cursor", value: cursor });
  return {
    ...c,
    q,
    query: {
      q: q.slice(0, MAX_QUERY_LENGTH),
      province,
      certification,
      verifiedOnly: parseFlag(params, "verified", c),
      page,
      limit,
      cursor: cursor && decodeCursor(cursor) ? cursor : undefined,
    },
  };
}

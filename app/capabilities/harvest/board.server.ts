import { certificateTypes } from "~/lib/enums";
import { fold } from "~/lib/text";
import { listBoard } from "~/models/harvest.server";
import { getCategory, listCategories, listProvinces, resolveProvince } from "~/models/province.server";
import { MAX_QUERY_LENGTH } from "~/models/search.server";
import { followState } from "./routes.server";

/**
 * The /harvests board from its URL: category, province (current or former name, as in search), certificate and
 * text. A bad value is dropped and named (status 400), like the search page does.
 */
export function boardPage(request: Request) {
  const url = new URL(request.url);
  const p = url.searchParams;
  const problems: string[] = [];
  const notices: { former: string; current: string }[] = [];
  const q = (p.get("q") ?? "").normalize("NFC").trim().slice(0, MAX_QUERY_LENGTH);
  let category: string | undefined;
  const rawCategory = p.get("category")?.trim();
  if (rawCategory) {
    if (getCategory(rawCategory)) category = rawCategory;
    else problems.push("category");
  }
  let province: string | undefined;
  let provinceName: string | undefined;
  const rawProvince = p.get("province")?.trim();
  if (rawProvince) {
    const r = resolveProvince(rawProvince);
    if (!r) problems.push("province");
    else {
      province = r.province.code;
      provinceName = r.province.shortName;
      if (r.via === "former") notices.push({ former: r.formerName, current: r.province.shortName });
    }
  }
  let certification: string | undefined;
  const rawCert = p.get("cert")?.trim();
  if (rawCert) {
    const v = fold(rawCert).replace(/[\s.-]+/g, "");
    certification = certificateTypes.find((t) => t.replace(/_/g, "") === v.replace(/_/g, "")) ?? (v === "huuco" ? "organic" : undefined);
    if (!certification) problems.push("cert");
  }
  const rawPage = p.get("page");
  const page = rawPage && /^\d{1,4}$/.test(rawPage) ? Number(rawPage) : 1;
  if (rawPage && !/^\d{1,4}$/.test(rawPage)) problems.push("page");
  const rawCoop = p.get("coop")?.trim();
  const cooperativeId = rawCoop && /^[1-9]\d{0,9}$/.test(rawCoop) ? Number(rawCoop) : undefined;
  if (rawCoop && !cooperativeId) problems.push("coop");
  const result = listBoard({ q, category, province, certification, cooperativeId, page });
  return {
    status: problems.length ? 400 : 200,
    data: {
      ...result,
      filters: { q, category: category ?? "", province: province ?? "", cert: certification ?? "", provinceName: provinceName ?? "", coop: cooperativeId ? String(cooperativeId) : "" },
      problems,
      notices,
      categories: listCategories().map((c) => ({ code: c.code, vi: c.nameVi, en: c.nameEn })),
      provinces: listProvinces().map((x) => ({ code: x.code, name: x.shortName })),
      followCategory: category ? followState(request, { kind: "category", value: category }) : null,
      followProvince: province ? followState(request, { kind: "province", value: province }) : null,
    },
  };
}

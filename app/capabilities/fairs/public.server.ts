import { z } from "zod";
import { idParam } from "~/capabilities/fairs/scope.server";
import { notFound } from "~/capabilities/orders/route-helpers.server";
import { getT } from "~/i18n";
import { getLocale } from "~/i18n/server";
import type { Locale } from "~/i18n/locale";
import { todayInVietnam } from "~/lib/certificates";
import { getPublicFair, listPublicBooths } from "~/models/fair.server";
import { listCategories } from "~/models/province.server";

/** The six OCOP groups (I–VI) in the reader's language: a fair has too few booths for the 26 sub-groups. */
function categoryGroups(locale: Locale) {
  const seen = new Map<string, string>();
  for (const c of listCategories()) if (!seen.has(c.groupCode)) seen.set(c.groupCode, `${c.groupCode}. ${locale === "en" ? c.groupEn : c.groupVi}`);
  return [...seen.entries()].map(([value, label]) => ({ value, label }));
}

const filtersSchema = z.object({
  province: z.union([z.literal(""), z.string().regex(/^\d{2}$/)]).optional(),
  category: z.union([z.literal(""), z.string().regex(/^[IV]{1,3}$/)]).optional(),
  stars: z.union([z.literal(""), z.enum(["3", "4", "5"])]).optional(),
  q: z.string().max(100).optional(),
});

/** The public fair page: the fair and its booths under the URL's filters; a malformed filter is a 400. */
export function fairPage(request: Request, fairIdParam: string | undefined) {
  const locale = getLocale(request);
  const found = getPublicFair({ id: idParam(request, fairIdParam) });
  if (!found) throw notFound(request, "fairs.errors.notFound");
  const params = new URL(request.url).searchParams;
  const parsed = filtersSchema.safeParse(Object.fromEntries(["province", "category", "stars", "q"].filter((k) => params.has(k)).map((k) => [k, params.get(k)!])));
  if (!parsed.success) throw new Response(getT(locale)("errors.invalid"), { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const f = parsed.data;
  const filters = { province: f.province || null, category: f.category || null, stars: f.stars ? Number(f.stars) : null, q: f.q?.trim() || null };
  const today = todayInVietnam();
  return { ...found, ...listPublicBooths({ fairId: found.fair.id, filters, today }), filters, categories: categoryGroups(locale), today };
}

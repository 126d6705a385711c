import { asc } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { fold } from "~/lib/text";

export type Province = typeof schema.provinces.$inferSelect;

let cache: { provinces: Province[]; former: (typeof schema.formerProvinces.$inferSelect)[] } | undefined;

/** Reference data that never changes while the server runs; read once. */
function load() {
  cache ??= {
    provinces: db.select().from(schema.provinces).orderBy(asc(schema.provinces.folded)).all(),
    former: db.select().from(schema.formerProvinces).all(),
  };
  return cache;
}

export function listProvinces(): Province[] {
  return load().provinces;
}

export function getProvince(code: string): Province | null {
  return load().provinces.find((p) => p.code === code) ?? null;
}

export type ProvinceResolution =
  | { province: Province; via: "current" }
  | { province: Province; via: "former"; formerName: string };

/**
 * Resolves what a user typed or a URL holds to a current unit: a current or former code ("83"), a current or
 * former name with or without diacritics or prefix ("Bến Tre", "ben tre", "Tỉnh Bến Tre"), or a slug.
 */
export function resolveProvince(input: string): ProvinceResolution | null {
  const raw = input.trim();
  if (!raw) return null;
  const { provinces, former } = load();
  const key = fold(raw)
    .replace(/^(tinh|thanh pho|tp\.?)\s+/, "")
    .replace(/-/g, " ")
    .trim();
  const current = provinces.find((p) => p.code === raw || p.folded === key || p.slug === raw);
  if (current) return { province: current, via: "current" };
  const old = former.find((f) => f.code === raw || f.folded === key);
  if (old) {
    const province = provinces.find((p) => p.code === old.provinceCode);
    if (province) return { province, via: "former", formerName: old.shortName };
  }
  return null;
}

export function formerNamesOf(code: string): string[] {
  return load()
    .former.filter((f) => f.provinceCode === code && f.folded !== getProvince(code)?.folded)
    .map((f) => f.shortName);
}

let categories: (typeof schema.ocopCategories.$inferSelect)[] | undefined;

/** The OCOP categories: reference data from the migrations and seed, like the provinces; read once. */
export function listCategories() {
  categories ??= db.select().from(schema.ocopCategories).orderBy(asc(schema.ocopCategories.position)).all();
  return categories;
}

export function getCategory(code: string) {
  return listCategories().find((c) => c.code === code) ?? null;
}

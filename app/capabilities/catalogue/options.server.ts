import type { Locale } from "~/i18n/locale";
import { displayGtin } from "~/lib/gtin";
import { monthsFromMask } from "~/lib/product-rules";
import type { Product } from "~/models/product.server";
import { listCategories, listProvinces } from "~/models/province.server";

/** Select options for the product form, in the reader's language. */
export function productFormOptions(locale: Locale) {
  return {
    categories: listCategories().map((c) => ({ value: c.code, label: `${c.code} · ${locale === "en" ? c.nameEn : c.nameVi}` })),
    provinces: listProvinces().map((p) => ({ value: p.code, label: p.name })),
  };
}

/** A stored product as the form's default (string) values. */
export function productDefaults(p: Product, tiers: { minQty: number; unitPrice: number }[]) {
  return {
    nameVi: p.nameVi,
    nameEn: p.nameEn ?? "",
    categoryCode: p.categoryCode,
    descriptionVi: p.descriptionVi ?? "",
    descriptionEn: p.descriptionEn ?? "",
    unit: p.unit,
    packSize: p.packSize ?? "",
    originProvinceCode: p.originProvinceCode,
    harvestMonths: monthsFromMask(p.harvestMonths).map(String),
    leadTimeDays: String(p.leadTimeDays),
    price: String(p.price),
    minOrderQty: String(p.minOrderQty),
    stock: String(p.stock),
    gtin: p.gtin ? displayGtin(p.gtin) : "",
    status: p.status,
    tiers: tiers.map((t) => ({ minQty: String(t.minQty), unitPrice: String(t.unitPrice) })),
  };
}

import { describe, expect, it } from "vitest";
import { anchorFor, docTokens, productKeys, searchMatches, searchTerms, type ProductDoc, type SearchRow } from "./alert-fanout.server";

const doc: ProductDoc = {
  text: "Bưởi da xanh loại 1 Trái cây tươi HTX Nông nghiệp Phú Ngãi Vĩnh Long Bến Tre Trà Vinh green-skin pomelo",
  province: "86",
  category: "I.1.a",
  price: 45000,
  minOrderQty: 50,
  stock: 800,
  verified: true,
  harvestMonths: 0b000000001111,
  active: ["vietgap", "ocop", "ocop3", "ocop4"],
};
const tokens = docTokens(doc.text);

function search(q: string, over: Partial<SearchRow> = {}): SearchRow & { anchor: string } {
  const { terms, prefixLast } = searchTerms(q);
  const row: SearchRow = {
    id: 1,
    terms: JSON.stringify(terms),
    prefix_last: prefixLast ? 1 : 0,
    province_code: null,
    category_code: null,
    certification: null,
    min_stars: null,
    verified_only: 0,
    in_stock: 0,
    price_min: null,
    price_max: null,
    moq_max: null,
    harvest_month: null,
    ...over,
  };
  return { ...row, anchor: anchorFor({ terms, prefixLast: !!row.prefix_last, categoryCode: row.category_code, provinceCode: row.province_code, certification: row.certification, minStars: row.min_stars }) };
}

/** A search matches only if its anchor is among the product's keys AND it passes the full check. */
const fanout = (s: ReturnType<typeof search>) => productKeys(doc, tokens).includes(s.anchor) && searchMatches(s, doc, tokens);

describe("fan-out matching", () => {
  it("folds Vietnamese like the search index: with or without diacritics, đ, former province names", () => {
    expect(fanout(search("bưởi"))).toBe(true);
    expect(fanout(search("buoi da xanh"))).toBe(true);
    expect(fanout(search("Bến Tre"))).toBe(true);
    expect(fanout(search("pomelo"))).toBe(true);
    expect(fanout(search("xoài"))).toBe(false);
  });
  it("treats the last word as a prefix (as typed), the others as whole words", () => {
    expect(fanout(search("buoi xan"))).toBe(true);
    expect(fanout(search("buo xanh"))).toBe(false);
    expect(fanout(search("bư"))).toBe(true);
  });
  it("applies every filter of the saved search", () => {
    expect(fanout(search("", { province_code: "86", category_code: "I.1.a" }))).toBe(true);
    expect(fanout(search("", { province_code: "79" }))).toBe(false);
    expect(fanout(search("buoi", { certification: "vietgap" }))).toBe(true);
    expect(fanout(search("buoi", { certification: "organic" }))).toBe(false);
    expect(fanout(search("", { min_stars: 4 }))).toBe(true);
    expect(fanout(search("", { min_stars: 5 }))).toBe(false);
    expect(fanout(search("buoi", { price_max: 44999 }))).toBe(false);
    expect(fanout(search("buoi", { price_min: 45000, price_max: 45000 }))).toBe(true);
    expect(fanout(search("buoi", { moq_max: 49 }))).toBe(false);
    expect(fanout(search("buoi", { harvest_month: 4 }))).toBe(true);
    expect(fanout(search("buoi", { harvest_month: 5 }))).toBe(false);
    expect(fanout(search("buoi", { in_stock: 1 }))).toBe(true);
    expect(searchMatches(search("buoi", { in_stock: 1 }), { ...doc, stock: 0 }, tokens)).toBe(false);
    expect(searchMatches(search("buoi", { verified_only: 1 }), { ...doc, verified: false }, tokens)).toBe(false);
  });
  it("files each search under one key a matching product always carries, most selective first", () => {
    expect(search("buoi da xanh").anchor).toBe("t:buoi");
    expect(search("bưởi").anchor).toBe("t2:bu");
    expect(search("bưởi", { category_code: "I.1.a" }).anchor).toBe("k:I.1.a");
    expect(search("", { province_code: "86" }).anchor).toBe("p:86");
    expect(search("", { certification: "vietgap" }).anchor).toBe("c:vietgap");
    expect(search("", { min_stars: 4 }).anchor).toBe("c:ocop");
    expect(search("").anchor).toBe("all");
    // Every search the full check accepts is found through its anchor: the index never loses a match.
    for (const q of ["bưởi", "buoi da", "ben tre", "HTX Phú", "vinh long", "xanh loai 1"]) {
      const s = search(q);
      expect(searchMatches(s, doc, tokens)).toBe(true);
      expect(productKeys(doc, tokens)).toContain(s.anchor);
    }
  });
});

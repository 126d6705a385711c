/**
 * Vietnamese text folding. Users type with or without diacritics and with old or new tone placement; `đ` has no
 * Unicode decomposition, so it is folded by hand.
 */
export function fold(input: string): string {
  return input
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .normalize("NFC");
}

/** NFC plus one tone-placement convention, so "hoà" and "hòa" compare equal while keeping their diacritics. */
export function normaliseVietnamese(input: string): string {
  // Old style puts the tone on the second vowel of a final oa/oe/uy (hoà, thuỷ); the new style on the first
  // (hòa, thủy). "qu" is a consonant, so "quý" is left alone; so is a non-final cluster ("thuyền").
  return input
    .normalize("NFD")
    .replace(/(?<![qQ])([oOuU])([aAeEyY])([\u0300\u0301\u0303\u0309\u0323])(?!\p{L})/gu, "$1$3$2")
    .normalize("NFC");
}

export function slugify(input: string): string {
  return fold(input)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
}

/** Strip "Tỉnh "/"Thành phố " from an official province name. */
export function provinceShortName(name: string): string {
  return name.replace(/^(Tỉnh|Thành phố)\s+/u, "");
}

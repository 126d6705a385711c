import { certificateTypes } from "~/lib/enums";
import { sorts } from "~/lib/search-sorts";
import { fold, normaliseVietnamese } from "~/lib/text";

/* What a product search is asked (the parsed URL or API parameters), the query text turned into FTS5 expressions,
 * and the cursors of the API's pages. No I/O. */

export { sorts };
export type Sort = (typeof sorts)[number];
export type CertificateType = (typeof certificateTypes)[number];

export const MAX_QUERY_LENGTH = 200;
export const MAX_TERMS = 10;
export const PAGE_SIZE = 20;
export const MAX_PAGE = 500;

export type ProductQuery = {
  q?: string;
  /** Current province code (already resolved from a former name by the caller). */
  province?: string;
  minStars?: 3 | 4 | 5;
  certification?: CertificateType;
  category?: string;
  verifiedOnly?: boolean;
  priceMin?: number;
  priceMax?: number;
  moqMax?: number;
  inStock?: boolean;
  harvestMonth?: number;
  sort?: Sort;
  page?: number;
  cursor?: string;
  limit?: number;
  /** Skip totals and facets (the API's cursor pages do not need them). */
  withStats?: boolean;
  today?: string;
};


/** The filters of a query: what the totals and facet counts depend on. */
export type Filters = Omit<ProductQuery, "q" | "sort" | "page" | "cursor" | "limit" | "withStats" | "today">;

/* ------------------------------------------------------------------ query text */

/** Old tone placement for a word written in the new style ("hòa" → "hoà"), so either spelling in the data matches. */
function oldTonePlacement(word: string): string {
  return word
    .normalize("NFD")
    .replace(/(?<![qQ])([oOuU])([\u0300\u0301\u0303\u0309\u0323])([aAeEyY])(?!\p{L})/gu, "$1$3$2")
    .normalize("NFC");
}

export type ParsedText = { exact: string | null; folded: string | null; terms: string[]; truncated: boolean };

/**
 * Turns what the user typed into two FTS5 expressions. Only letters and digits survive, each term is quoted, so
 * FTS syntax (`"`, `*`, `NEAR`, `-`, `(`, `:`) is searched as text or dropped, never parsed. The last term is a
 * prefix (as the user types) when it has at least two characters.
 */
export function parseQueryText(input: string | undefined): ParsedText {
  const raw = (input ?? "").normalize("NFC");
  const truncated = raw.length > MAX_QUERY_LENGTH;
  const words = (raw.slice(0, MAX_QUERY_LENGTH).match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_TERMS);
  if (!words.length) return { exact: null, folded: null, terms: [], truncated };
  // Typed without diacritics, every match is as exact as any other: one folded tier, no exact pass.
  const hasDiacritics = words.some((w) => fold(w) !== w.toLowerCase());
  const quote = (s: string) => `"${s.replace(/"/g, "")}"`;
  const exactParts: string[] = [];
  const foldedParts: string[] = [];
  words.forEach((word, i) => {
    const prefix = i === words.length - 1 && fold(word).length >= 2 ? "*" : "";
    const lower = normaliseVietnamese(word.toLowerCase());
    const variants = [...new Set([lower, oldTonePlacement(lower)])];
    exactParts.push(variants.length > 1 ? `(${variants.map((v) => quote(v) + prefix).join(" OR ")})` : quote(lower) + prefix);
    foldedParts.push(quote(fold(word)) + prefix);
  });
  return { exact: hasDiacritics ? `x : (${exactParts.join(" AND ")})` : null, folded: `f : (${foldedParts.join(" AND ")})`, terms: words, truncated };
}

/* ------------------------------------------------------------------ cursors */

export type Cursor = { tier: number; last: number; value?: string | number };

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString("base64url");
}

export function decodeCursor(s: string): Cursor | null {
  try {
    const c: unknown = JSON.parse(Buffer.from(s, "base64url").toString("utf8"));
    if (typeof c !== "object" || c === null) return null;
    const { tier, last, value } = c as Record<string, unknown>;
    if (!Number.isInteger(tier) || !Number.isInteger(last)) return null;
    if (value !== undefined && typeof value !== "string" && typeof value !== "number") return null;
    return { tier: tier as number, last: last as number, value: value as string | number | undefined };
  } catch {
    return null;
  }
}

import { parseGtin } from "./gtin";

/*
 * GS1 Digital Link URI syntax (1.4): `/01/{gtin14}/22/{cpv}/10/{lot}/21/{serial}?17={YYMMDD}`. Key qualifiers of
 * AI 01 come in the fixed order 22, 10, 21; each may be left out. Alphanumeric values use the GS1 AI encodable
 * character set 82 and are percent-encoded in the path.
 */

/** GS1 AI encodable character set 82 (GS1 General Specifications, figure 7.11-1). */
const SET_82 = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]+$/;

export const MAX_ALPHANUMERIC = 20;

export function isGs1Text(value: string, max = MAX_ALPHANUMERIC): boolean {
  return value.length >= 1 && value.length <= max && SET_82.test(value);
}

/**
 * Percent-encodes everything except the RFC 3986 unreserved characters, so `/`, `%`, `?`, `#`, `!`, `'`, `(`, `)`,
 * `*` and the rest never change the meaning of the path.
 */
export function encodeDlValue(value: string): string {
  return Array.from(new TextEncoder().encode(value))
    .map((b) => {
      const c = String.fromCharCode(b);
      return /[A-Za-z0-9\-._~]/.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, "0")}`;
    })
    .join("");
}

/** `2027-06-30` → `270630`. */
export function toYymmdd(date: string): string {
  return `${date.slice(2, 4)}${date.slice(5, 7)}${date.slice(8, 10)}`;
}

/** `270630` → `2027-06-30` (GS1: years 00–49 are 20xx within the usual 50-year window from now; we use 2000–2099). */
export function fromYymmdd(value: string): string | null {
  if (!/^\d{6}$/.test(value)) return null;
  const month = Number(value.slice(2, 4));
  const day = Number(value.slice(4, 6));
  if (month < 1 || month > 12 || day > 31) return null;
  // Day 00 means the last day of the month (GS1 General Specifications 3.4.6).
  const year = 2000 + Number(value.slice(0, 2));
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > last) return null;
  return `${year}-${value.slice(2, 4)}-${String(day === 0 ? last : day).padStart(2, "0")}`;
}

export type DigitalLinkParts = { gtin14: string; lot?: string | null; serial?: string | null; expiry?: string | null };

/** Builds the path (and `?17=` query) of a Digital Link; prefix with the origin for the QR. */
export function buildDigitalLinkPath({ gtin14, lot, serial, expiry }: DigitalLinkParts): string {
  if (!/^\d{14}$/.test(gtin14)) throw new Error("GTIN must be 14 digits");
  let path = `/01/${gtin14}`;
  if (lot) {
    if (!isGs1Text(lot)) throw new Error("Lot outside the GS1 character set or over 20 characters");
    path += `/10/${encodeDlValue(lot)}`;
  }
  if (serial) {
    if (!isGs1Text(serial)) throw new Error("Serial outside the GS1 character set or over 20 characters");
    path += `/21/${encodeDlValue(serial)}`;
  }
  if (expiry) path += `?17=${toYymmdd(expiry)}`;
  return path;
}

export function buildDigitalLink(origin: string, parts: DigitalLinkParts): string {
  return `${origin.replace(/\/+$/, "")}${buildDigitalLinkPath(parts)}`;
}

export type ParsedDigitalLink = {
  gtin14: string;
  /** Length of the GTIN as written in the URI; anything but 14 is answered with a redirect to the canonical form. */
  gtinLength: 8 | 12 | 13 | 14;
  cpv: string | null;
  lot: string | null;
  serial: string | null;
};

export type ParseError = "syntax" | "gtin" | "checkDigit" | "order" | "value" | "unknownSegment" | "encoding";

const QUALIFIER_ORDER = ["22", "10", "21"] as const;

/**
 * Parses the path of a Digital Link starting at `/01/`. A trailing slash is ignored. Anything that is not valid
 * Digital Link syntax for AI 01 is an error, never a guess.
 */
export function parseDigitalLinkPath(path: string): { ok: true; value: ParsedDigitalLink } | { ok: false; reason: ParseError } {
  const trimmed = path.replace(/\/+$/, "");
  const segments = trimmed.split("/").slice(1);
  if (segments[0] !== "01" || segments.length < 2 || segments.length % 2 !== 0) return { ok: false, reason: "syntax" };
  const rawGtin = segments[1]!;
  if (!/^\d+$/.test(rawGtin)) return { ok: false, reason: "gtin" };
  const gtin = parseGtin(rawGtin);
  if (!gtin.ok) return { ok: false, reason: gtin.reason === "checkDigit" ? "checkDigit" : "gtin" };
  const value: ParsedDigitalLink = { gtin14: gtin.gtin14, gtinLength: gtin.length, cpv: null, lot: null, serial: null };
  let position = -1;
  for (let i = 2; i < segments.length; i += 2) {
    const ai = segments[i]!;
    const index = QUALIFIER_ORDER.indexOf(ai as (typeof QUALIFIER_ORDER)[number]);
    if (index === -1) return { ok: false, reason: "unknownSegment" };
    if (index <= position) return { ok: false, reason: "order" };
    position = index;
    let decoded: string;
    try {
      decoded = decodeURIComponent(segments[i + 1]!);
    } catch {
      return { ok: false, reason: "encoding" };
    }
    if (!isGs1Text(decoded, ai === "22" ? 20 : MAX_ALPHANUMERIC)) return { ok: false, reason: "value" };
    if (ai === "22") value.cpv = decoded;
    if (ai === "10") value.lot = decoded;
    if (ai === "21") value.serial = decoded;
  }
  return { ok: true, value };
}

/** Parses a full URI (any origin); the query's `17` must be a valid YYMMDD when present. */
export function parseDigitalLink(uri: string) {
  const url = new URL(uri);
  const path = parseDigitalLinkPath(url.pathname);
  if (!path.ok) return path;
  const raw17 = url.searchParams.get("17");
  const expiry = raw17 === null ? null : fromYymmdd(raw17);
  if (raw17 !== null && !expiry) return { ok: false as const, reason: "value" as const };
  return { ok: true as const, value: { ...path.value, expiry } };
}

/**
 * GTIN-8/12/13/14. Check digit: weight the digits before it 3, 1, 3, … from the right (equivalently 1, 3, 1, … from
 * the left of a 13-digit code), sum, check = (10 − sum mod 10) mod 10. Stored as 14 digits, left-padded with 0,
 * so every length compares equal.
 */
export function gtinCheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

export type GtinResult =
  | { ok: true; gtin14: string; length: 8 | 12 | 13 | 14 }
  | { ok: false; reason: "format" | "length" | "checkDigit"; expected?: number };

export function parseGtin(input: string): GtinResult {
  const raw = input.replace(/[\s-]/g, "");
  if (!/^\d+$/.test(raw)) return { ok: false, reason: "format" };
  if (![8, 12, 13, 14].includes(raw.length)) return { ok: false, reason: "length" };
  const expected = gtinCheckDigit(raw.slice(0, -1));
  if (expected !== Number(raw[raw.length - 1])) return { ok: false, reason: "checkDigit", expected };
  return { ok: true, gtin14: raw.padStart(14, "0"), length: raw.length as 8 | 12 | 13 | 14 };
}

export function isValidGtin(input: string): boolean {
  return parseGtin(input).ok;
}

/** Completes 7, 11, 12 or 13 digits with their check digit. */
export function withCheckDigit(body: string): string {
  return body + String(gtinCheckDigit(body));
}

/** The shortest standard form for printing: GTIN-13 for a 14-digit code that starts with 0, and so on. */
export function displayGtin(gtin14: string): string {
  if (gtin14.startsWith("000000")) return gtin14.slice(6); // GTIN-8
  if (gtin14.startsWith("00")) return gtin14.slice(2); // GTIN-12
  if (gtin14.startsWith("0")) return gtin14.slice(1); // GTIN-13
  return gtin14;
}

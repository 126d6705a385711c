/**
 * Vietnamese phone numbers, as people type them: `0912 345 678`, `091.234.5678`, `+84 912 345 678`, `84912345678`,
 * `(028) 3822 1111`. Mobiles are 10 digits starting 03, 05, 07, 08 or 09 (since the 2018 renumbering); fixed lines
 * are 11 digits starting 02 (area code 02x + 8-digit subscriber number). Everything is normalised to E.164 `+84…`.
 */
export type PhoneKind = "mobile" | "landline";

const MOBILE = /^0[35789]\d{8}$/;
const LANDLINE = /^02\d{9}$/;

/** Strips the separators people use; null when anything else is in the way. */
function digitsOf(input: string): string | null {
  const trimmed = input.normalize("NFC").trim();
  if (!/^\+?[\d\s.\-()]+$/.test(trimmed)) return null;
  const plus = trimmed.startsWith("+");
  const digits = trimmed.replace(/\D/g, "");
  if (plus) return digits.startsWith("84") ? `0${digits.slice(2)}` : null;
  // 84… without the plus, but only when what follows is a full national number (so 0841… stays a local number).
  if (digits.startsWith("84") && (digits.length === 11 || digits.length === 12)) return `0${digits.slice(2)}`;
  return digits;
}

/** The number in E.164 and its kind, or null when it is not a Vietnamese mobile or fixed-line number. */
export function parseVietnamesePhone(input: string): { e164: string; kind: PhoneKind } | null {
  const national = digitsOf(input);
  if (!national) return null;
  if (MOBILE.test(national)) return { e164: `+84${national.slice(1)}`, kind: "mobile" };
  if (LANDLINE.test(national)) return { e164: `+84${national.slice(1)}`, kind: "landline" };
  return null;
}

export function normalisePhone(input: string): string | null {
  return parseVietnamesePhone(input)?.e164 ?? null;
}

/** `+84912345678` → `0912 345 678`, `+842838221111` → `028 3822 1111`, as Vietnamese readers write them. */
export function formatVietnamesePhone(e164: string): string {
  if (!e164.startsWith("+84")) return e164;
  const national = `0${e164.slice(3)}`;
  if (national.length === 10) return `${national.slice(0, 4)} ${national.slice(4, 7)} ${national.slice(7)}`;
  if (national.length === 11) return `${national.slice(0, 3)} ${national.slice(3, 7)} ${national.slice(7)}`;
  return national;
}

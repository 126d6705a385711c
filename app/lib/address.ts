/**
 * Joins address parts, dropping a part an earlier one already contains (stored addresses often name their commune
 * or province already).
 */
export function joinAddress(parts: (string | null | undefined)[]): string {
  return parts.filter((part, i, all): part is string => !!part && !all.slice(0, i).some((prev) => prev?.includes(part))).join(", ");
}

const former = /\(trước đây (tỉnh|thành phố|TP\.?)\s+([^)]+)\)/gu;

/**
 * Addresses are typed in Vietnamese and often carry a note about the province before the 2025 merger, "(trước đây
 * tỉnh Bến Tre)". In English that note is translated; the rest of the address (names) stays as written.
 */
export function localiseAddress(address: string, locale: "vi" | "en"): string {
  if (locale === "vi") return address;
  return address.replace(former, (_m, kind: string, name: string) => `(formerly ${name.trim()} ${kind === "tỉnh" ? "province" : "city"})`);
}

/**
 * One line of an address from its parts (street, commune, province), each part once: a street typed as
 * "12 Nguyễn Huệ, Phường Sài Gòn" with the commune "Phường Sài Gòn" reads "12 Nguyễn Huệ, Phường Sài Gòn, …".
 */
export function addressLine(parts: (string | null | undefined)[]): string {
  const seen = new Set<string>();
  const out: string[] = [];
  const key = (s: string) => s.normalize("NFC").toLocaleLowerCase("vi").replace(/\s+/g, " ").trim();
  for (const part of parts) {
    if (!part?.trim()) continue;
    const segments = part.split(",").map((s) => s.trim()).filter(Boolean);
    const fresh = segments.filter((s) => !seen.has(key(s)));
    for (const s of segments) seen.add(key(s));
    if (fresh.length) out.push(fresh.join(", "));
  }
  return out.join(", ");
}

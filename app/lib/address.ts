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

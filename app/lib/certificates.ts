/** A certificate counts (badge shown, filter matches) only while verified and not past its expiry date. */
export function isCertificateActive(
  cert: { status: string; expiryDate: string | null },
  today: string = todayInVietnam(),
): boolean {
  return cert.status === "verified" && (cert.expiryDate === null || cert.expiryDate >= today);
}

/** Today's calendar date in Viet Nam (UTC+7), as `YYYY-MM-DD`: expiry is a local date. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** OCOP stars from the score out of 100; below 50 is not an OCOP product. */
export function ocopStarsFromScore(score: number): 3 | 4 | 5 | null {
  if (score >= 90) return 5;
  if (score >= 70) return 4;
  if (score >= 50) return 3;
  return null;
}

/** OCOP rankings are valid for 36 months from the decision date. */
export function ocopExpiry(decisionDate: string): string {
  const [y, m, d] = decisionDate.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y + 3, m - 1, d));
  // 29 February + 3 years rolls to 1 March; keep the last day of February instead.
  if (date.getUTCMonth() !== m - 1) date.setUTCDate(0);
  return date.toISOString().slice(0, 10);
}

export function daysUntil(date: string, today: string = todayInVietnam()): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** Calendar arithmetic on `YYYY-MM-DD` strings, in UTC so no time zone shifts the day. */
export function addDaysToDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

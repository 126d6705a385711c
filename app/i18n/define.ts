/** A message group: Vietnamese defines the keys; English must supply every one of them. */
export function defineMessages<const V extends Record<string, string>>(
  vi: V,
  en: { [K in keyof V]: string },
): { vi: V; en: { [K in keyof V]: string } } {
  return { vi, en };
}

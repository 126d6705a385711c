import type { Locale } from "~/i18n/locale";

const formatters = new Map<Locale, Intl.NumberFormat>();

/** Đồng have no minor unit: `125000` is 125.000 ₫ (vi) or ₫125,000 (en). */
export function formatVnd(amount: number, locale: Locale): string {
  let f = formatters.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale === "vi" ? "vi-VN" : "en-US", {
      style: "currency",
      currency: "VND",
      maximumFractionDigits: 0,
    });
    formatters.set(locale, f);
  }
  return f.format(amount);
}

export function formatNumber(n: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === "vi" ? "vi-VN" : "en-US").format(n);
}

/** Calendar dates are stored as `YYYY-MM-DD`; timestamps as ISO strings. Shown in Viet Nam's time zone. */
export function formatDate(iso: string, locale: Locale): string {
  const date = iso.length === 10 ? new Date(`${iso}T00:00:00Z`) : new Date(iso);
  return new Intl.DateTimeFormat(locale === "vi" ? "vi-VN" : "en-GB", {
    dateStyle: "medium",
    timeZone: iso.length === 10 ? "UTC" : "Asia/Ho_Chi_Minh",
  }).format(date);
}

export function formatDateTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === "vi" ? "vi-VN" : "en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Asia/Ho_Chi_Minh",
  }).format(new Date(iso));
}

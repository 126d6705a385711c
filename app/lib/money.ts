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

const numberFormats = new Map<Locale, Intl.NumberFormat>();

export function formatNumber(n: number, locale: Locale): string {
  let f = numberFormats.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale === "vi" ? "vi-VN" : "en-US");
    numberFormats.set(locale, f);
  }
  return f.format(n);
}

// Building an Intl formatter costs about a hundred times more than using one, and pages format dozens of dates: one
// formatter per (kind, locale), made on first use.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(kind: "date" | "timestamp" | "dateTime", locale: Locale): Intl.DateTimeFormat {
  const key = `${kind}:${locale}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(
      locale === "vi" ? "vi-VN" : "en-GB",
      kind === "dateTime"
        ? { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Ho_Chi_Minh" }
        : { dateStyle: "medium", timeZone: kind === "date" ? "UTC" : "Asia/Ho_Chi_Minh" },
    );
    dateFormats.set(key, f);
  }
  return f;
}

/** Calendar dates are stored as `YYYY-MM-DD`; timestamps as ISO strings. Shown in Viet Nam's time zone. */
export function formatDate(iso: string, locale: Locale): string {
  const calendar = iso.length === 10;
  return dateFormat(calendar ? "date" : "timestamp", locale).format(calendar ? new Date(`${iso}T00:00:00Z`) : new Date(iso));
}

export function formatDateTime(iso: string, locale: Locale): string {
  return dateFormat("dateTime", locale).format(new Date(iso));
}

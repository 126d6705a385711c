import type { MetaDescriptor } from "@remix-run/node";
import { getT, type T } from "~/i18n";
import { isLocale, type Locale } from "~/i18n/locale";

type Matches = readonly { id: string; data?: unknown }[];

export function localeFromMatches(matches: Matches): Locale {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: unknown } | undefined)?.locale;
  return isLocale(locale) ? locale : "vi";
}

/** `<title>` and description for a page, in the page's language. */
export function pageMeta(
  matches: Matches,
  build: (t: T) => { title: string; description?: string },
  extra: MetaDescriptor[] = [],
): MetaDescriptor[] {
  const t = getT(localeFromMatches(matches));
  const { title, description } = build(t);
  const full = `${title} · ${t("app.name")}`;
  return [
    { title: full },
    { name: "description", content: description ?? t("app.description") },
    { property: "og:title", content: full },
    { property: "og:description", content: description ?? t("app.description") },
    { property: "og:site_name", content: t("app.name") },
    ...extra,
  ];
}

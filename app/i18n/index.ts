import { useRouteLoaderData } from "@remix-run/react";
import { useCallback } from "react";
import type { Locale } from "./locale";
import { core } from "./messages/core";
import { catalogue } from "./messages/catalogue";
import { discovery } from "./messages/discovery";
import { trace } from "./messages/trace";
import { orders } from "./messages/orders";
import { productLots } from "./messages/product-lots";
import { refunds } from "./messages/refunds";
import { safety } from "./messages/safety";
import { commerce } from "./messages/commerce";
import { alliance } from "./messages/alliance";
import { fairs } from "./messages/fairs";
import { market } from "./messages/market";
import { harvest } from "./messages/harvest";

/*
 * Typed catalogues of our own instead of i18next: two languages, no plural rules beyond what `{n}` needs, and the
 * compiler checks that every key exists in both languages and at every call site. One file per capability.
 */
const vi = { ...core.vi, ...catalogue.vi, ...discovery.vi, ...trace.vi, ...orders.vi, ...productLots.vi, ...refunds.vi, ...safety.vi, ...commerce.vi, ...alliance.vi, ...fairs.vi, ...market.vi, ...harvest.vi };
const en = { ...core.en, ...catalogue.en, ...discovery.en, ...trace.en, ...orders.en, ...productLots.en, ...refunds.en, ...safety.en, ...commerce.en, ...alliance.en, ...fairs.en, ...market.en, ...harvest.en };

export type MessageKey = keyof typeof vi;
export type Params = Record<string, string | number>;
export type T = (key: MessageKey, params?: Params) => string;

const catalogues: Record<Locale, Record<MessageKey, string>> = { vi, en };

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(vi, key);
}

export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  const template = catalogues[locale][key] ?? vi[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) =>
    params[name] === undefined ? m : String(params[name]),
  );
}

/** Translate a message that may be a catalogue key (zod error messages are keys) or already plain text. */
export function translateMaybe(locale: Locale, message: string): string {
  return isMessageKey(message) ? translate(locale, message) : message;
}

export function getT(locale: Locale): T {
  return (key, params) => translate(locale, key, params);
}

export function useLocale(): Locale {
  const data = useRouteLoaderData<{ locale: Locale }>("root");
  return data?.locale ?? "vi";
}

export function useT(): T {
  const locale = useLocale();
  return useCallback<T>((key, params) => translate(locale, key, params), [locale]);
}

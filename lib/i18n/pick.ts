import type { AppLocale } from "./locales";

/** Picks the column of the viewer's language, falling back to the other one when empty. */
export function pick(locale: AppLocale, zh: string, en: string): string {
  return locale === "zh-TW" ? zh || en : en || zh;
}

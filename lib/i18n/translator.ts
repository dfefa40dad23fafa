import { createTranslator } from "next-intl";

import en from "@/messages/en.json";
import zhTW from "@/messages/zh-TW.json";

import type { AppLocale } from "./locales";

const MESSAGES = { en, "zh-TW": zhTW } as const;

/**
 * A translator outside a request's next-intl context (exports, files built
 * in the data layer, emails): the same messages and ICU rules the pages use.
 */
export function translatorFor(locale: AppLocale, namespace: "vision" | "email") {
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace });
  return (key: string, values?: Record<string, string | number>) => t(key as never, values as never) as string;
}

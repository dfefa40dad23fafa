import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getEnv } from "@/lib/env";
import { type AppLocale, isLocale, LOCALE_COOKIE, localeFromAcceptLanguage } from "./locales";

// No locale in the URL: the language is a preference (cookie set by the
// language switch), falling back to the browser's Accept-Language, then to
// DEFAULT_LOCALE.
export async function resolveLocale(): Promise<AppLocale> {
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(cookie)) return cookie;
  return localeFromAcceptLanguage((await headers()).get("accept-language")) ?? getEnv().DEFAULT_LOCALE;
}

export default getRequestConfig(async () => {
  const locale = await resolveLocale();
  return {
    locale,
    messages: (await import(`../../messages/${locale}.json`)).default,
    timeZone: "UTC",
  };
});

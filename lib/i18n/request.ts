import { getRequestConfig } from "next-intl/server";
import { cookies, headers } from "next/headers";

import { getViewer } from "@/lib/auth/viewer";
import { getChosenLocale } from "@/lib/data/locale-preference";
import { getEnv } from "@/lib/env";

import { chooseLocale, LOCALE_COOKIE, type AppLocale } from "./locales";

// No locale in the URL: the language is a preference (cookie set by the language switch), then the signed-in
// person's stored choice (a new browser has no cookie), then the browser's Accept-Language, then DEFAULT_LOCALE.
// The viewer is the request's cached one, so pages that read it anyway pay one extra query, and only without a cookie.
export async function resolveLocale(): Promise<AppLocale> {
  const [jar, head] = await Promise.all([cookies(), headers()]);
  return chooseLocale({
    cookie: jar.get(LOCALE_COOKIE)?.value,
    chosen: async () => getChosenLocale(await getViewer()),
    acceptLanguage: head.get("accept-language"),
    fallback: getEnv().DEFAULT_LOCALE,
  });
}

export default getRequestConfig(async () => {
  const locale = await resolveLocale();
  return {
    locale,
    messages: (await import(`../../messages/${locale}.json`)).default,
    timeZone: "UTC",
  };
});

import "server-only";

import { getLocale } from "next-intl/server";

import { isLocale, LOCALES, type AppLocale } from "./locales";

/** The request's language (lib/i18n/request.ts chose it), typed as one Skillgrid ships. */
export async function getAppLocale(): Promise<AppLocale> {
  const locale = await getLocale();
  return isLocale(locale) ? locale : LOCALES[0];
}

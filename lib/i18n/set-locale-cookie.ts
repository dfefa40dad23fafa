import { LOCALE_COOKIE, type AppLocale } from "./locales";

/** Browser-side: remember the chosen language (read by lib/i18n/request.ts on the server). */
export function setLocaleCookie(locale: AppLocale): void {
  document.cookie = `${LOCALE_COOKIE}=${encodeURIComponent(locale)}; path=/; max-age=31536000; samesite=lax`;
}

import { isLocale, localeFromAcceptLanguage, type AppLocale } from "@/lib/i18n/locales";
import en from "@/messages/en.json";
import zhTW from "@/messages/zh-TW.json";

const MESSAGES: Record<AppLocale, typeof en.errors> = { en: en.errors, "zh-TW": zhTW.errors };

/**
 * The page for an address that cannot be decoded (/teams/%ff%fe). Next.js
 * cannot route such a request to any page (it answers a bare 500), so the
 * proxy answers this small static page itself, in the reader's language,
 * with no script (the CSP allows none).
 */
export function badRequestPage(request: Request, cookieLocale: string | undefined): Response {
  const locale: AppLocale = isLocale(cookieLocale)
    ? cookieLocale
    : (localeFromAcceptLanguage(request.headers.get("accept-language")) ?? "en");
  const t = MESSAGES[locale];
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${t.badRequestTitle}</title>
<style>body{margin:0;min-height:100vh;display:grid;place-items:center;background:#f4f5f7;color:#1c2230;font:16px/1.5 system-ui,sans-serif}main{max-width:28rem;margin:1rem;padding:1.5rem;background:#fff;border:1px solid #dde1e7;border-radius:.75rem}h1{font-size:1.25rem;margin:0 0 .5rem}p{margin:0 0 1rem;color:#4a5263}a{color:#1d4ed8}</style></head>
<body><main><h1>${t.badRequestTitle}</h1><p>${t.badRequestBody}</p><a href="/">${t.home}</a></main></body></html>`;
  return new Response(html, {
    status: 400,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "content-security-policy":
        "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    },
  });
}

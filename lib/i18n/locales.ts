export const LOCALES = ["en", "zh-TW"] as const;
export type AppLocale = (typeof LOCALES)[number];
export const LOCALE_COOKIE = "NEXT_LOCALE";
export const LOCALE_LABELS: Record<AppLocale, string> = { en: "English", "zh-TW": "繁體中文" };

export function isLocale(value: unknown): value is AppLocale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** Picks a supported locale from an Accept-Language header ("zh-TW,zh;q=0.9,en;q=0.8"). */
export function localeFromAcceptLanguage(header: string | null | undefined): AppLocale | null {
  if (!header) return null;
  const tags = header
    .split(",")
    .map((part) => {
      const [tag, q] = part.trim().split(";q=");
      return { tag: (tag ?? "").toLowerCase(), q: q ? Number(q) : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of tags) {
    if (tag.startsWith("zh")) return "zh-TW";
    if (tag.startsWith("en")) return "en";
  }
  return null;
}

/**
 * The language of a request: this browser's cookie, else the language the signed-in person chose (stored on the
 * server, so a new browser gets it too), else the browser's Accept-Language, else DEFAULT_LOCALE. A database that
 * cannot answer leaves it to the browser, so error pages still render in a language.
 */
export async function chooseLocale(input: {
  cookie?: string;
  chosen: () => Promise<AppLocale | null>;
  acceptLanguage: string | null;
  fallback: AppLocale;
}): Promise<AppLocale> {
  if (isLocale(input.cookie)) return input.cookie;
  const chosen = await input.chosen().catch(() => null);
  return chosen ?? localeFromAcceptLanguage(input.acceptLanguage) ?? input.fallback;
}

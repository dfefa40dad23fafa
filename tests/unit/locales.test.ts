import { describe, expect, it } from "vitest";

import { isLocale, localeFromAcceptLanguage } from "@/lib/i18n/locales";
import { pick } from "@/lib/i18n/pick";

describe("locale negotiation", () => {
  it("prefers the highest-weighted supported language", () => {
    expect(localeFromAcceptLanguage("zh-TW,zh;q=0.9,en;q=0.8")).toBe("zh-TW");
    expect(localeFromAcceptLanguage("fr-FR,en;q=0.5,zh;q=0.4")).toBe("en");
    expect(localeFromAcceptLanguage("en;q=0.3,zh-Hant;q=0.9")).toBe("zh-TW");
  });

  it("returns nothing for unsupported or missing headers", () => {
    expect(localeFromAcceptLanguage("fr,de")).toBeNull();
    expect(localeFromAcceptLanguage(undefined)).toBeNull();
  });

  it("accepts only the shipped locales", () => {
    expect(isLocale("zh-TW")).toBe(true);
    expect(isLocale("zh")).toBe(false);
    expect(isLocale(undefined)).toBe(false);
  });

  it("falls back to the other language when a translation is missing", () => {
    expect(pick("en", "中文", "")).toBe("中文");
    expect(pick("zh-TW", "", "English")).toBe("English");
    expect(pick("zh-TW", "中文", "English")).toBe("中文");
  });
});

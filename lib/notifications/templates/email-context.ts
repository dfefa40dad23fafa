import type { AppLocale } from "@/lib/i18n/locales";
import { pick } from "@/lib/i18n/pick";
import { translatorFor } from "@/lib/i18n/translator";

import type { Bilingual } from "../kinds";

export type RenderContext = { locale: AppLocale; appUrl: string; recipientName: string; unsubscribeUrl: string };

/** What every template needs: the recipient's language, their messages and absolute links into the app. */
export type EmailContext = {
  locale: AppLocale;
  recipientName: string;
  unsubscribeUrl: string;
  t: ReturnType<typeof translatorFor>;
  /** An absolute link to a path of the app ("/me" → "https://skills.example.com/me"). */
  link: (path: string) => string;
  /** A roadmap name in the recipient's language, else the other one. */
  name: (value: Bilingual) => string;
  /** A YYYY-MM-DD date as the recipient reads it ("December 7, 2026", "2026年12月7日"). */
  date: (isoDay: string) => string;
  /** A share 0–1 as a whole percentage. */
  percent: (share: number) => string;
  /** Names joined the way the recipient's language lists them. */
  list: (items: string[]) => string;
};

export function emailContext(ctx: RenderContext): EmailContext {
  const t = translatorFor(ctx.locale, "email");
  const base = ctx.appUrl.replace(/\/+$/, "");
  const dates = new Intl.DateTimeFormat(ctx.locale, { dateStyle: "long", timeZone: "UTC" });
  const percents = new Intl.NumberFormat(ctx.locale, { style: "percent", maximumFractionDigits: 0 });
  return {
    locale: ctx.locale,
    recipientName: ctx.recipientName,
    unsubscribeUrl: ctx.unsubscribeUrl,
    t,
    link: (path) => `${base}${path}`,
    name: (value) => pick(ctx.locale, value.zh, value.en),
    // A bad date in a stored payload should not stop the email: show it as it came.
    date: (isoDay) => {
      const day = new Date(`${isoDay}T00:00:00Z`);
      return Number.isNaN(day.getTime()) ? isoDay : dates.format(day);
    },
    percent: (share) => percents.format(share),
    list: (items) => items.join(t("separator")),
  };
}

/** The Monday of an ISO week ("2026-W49" → "2026-11-30"), or null when the label is not one. */
export function isoWeekMonday(week: string): string | null {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!match) return null;
  const [year, weekNumber] = [Number(match[1]), Number(match[2])];
  if (weekNumber < 1 || weekNumber > 53) return null;
  // 4 January is always in week 1; step back to its Monday, then forward whole weeks.
  const jan4 = Date.UTC(year, 0, 4);
  const jan4Weekday = (new Date(jan4).getUTCDay() + 6) % 7;
  const monday = new Date(jan4 - jan4Weekday * 86_400_000 + (weekNumber - 1) * 7 * 86_400_000);
  return monday.toISOString().slice(0, 10);
}

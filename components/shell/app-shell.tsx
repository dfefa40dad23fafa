import Link from "next/link";
import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import type { AppLocale } from "@/lib/i18n/locales";
import { LocaleSwitcher } from "./locale-switcher";
import { NavLinks } from "./nav-links";
import { NAV_ITEMS } from "./nav-items";

export async function AppShell({ children }: { children: ReactNode }) {
  const t = await getTranslations();
  const locale = (await getLocale()) as AppLocale;
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded-md focus:bg-card focus:px-3 focus:py-2"
      >
        {t("nav.skipToContent")}
      </a>
      <header className="no-print sticky top-0 z-40 border-b border-border bg-card/90 backdrop-blur">
        <div className="mx-auto flex h-14 max-w-7xl items-center gap-6 px-4 sm:px-6">
          <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
            <span aria-hidden className="grid h-7 w-7 grid-cols-2 gap-0.5 rounded-md bg-primary p-1">
              <span className="rounded-sm bg-[#fde725]" />
              <span className="rounded-sm bg-[#35b779]" />
              <span className="rounded-sm bg-[#31688e]" />
              <span className="rounded-sm bg-[#440154]" />
            </span>
            {t("app.name")}
          </Link>
          <NavLinks label={t("nav.main")} items={NAV_ITEMS.map((i) => ({ href: i.href, label: t(`nav.${i.labelKey}`) }))} />
          <div className="ml-auto flex items-center gap-3">
            <LocaleSwitcher current={locale} label={t("nav.language")} />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-8 sm:px-6">
        {children}
      </main>
    </div>
  );
}

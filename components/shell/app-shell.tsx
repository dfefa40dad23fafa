import Link from "next/link";
import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { LogoMark } from "@/components/ui/logo-mark";
import type { Viewer } from "@/lib/auth/viewer";
import type { AppLocale } from "@/lib/i18n/locales";
import { NavLinks } from "./nav-links";
import { NAV_ITEMS } from "./nav-items";
import { UserMenu } from "./user-menu";

export async function AppShell({ viewer, children }: { viewer: Viewer; children: ReactNode }) {
  const t = await getTranslations();
  const locale = (await getLocale()) as AppLocale;
  const items = NAV_ITEMS.filter((i) => i.visible(viewer)).map((i) => ({ href: i.href, label: t(`nav.${i.labelKey}`) }));
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
            <LogoMark />
            {t("app.name")}
          </Link>
          <NavLinks label={t("nav.main")} items={items} />
          <div className="ml-auto flex items-center gap-3">
            <UserMenu
              name={viewer.name}
              email={viewer.email}
              roleLabel={t(`roles.${viewer.role}`)}
              locale={locale}
              labels={{ menu: t("nav.userMenu"), signOut: t("nav.signOut"), signOutEverywhere: t("nav.signOutEverywhere"), signedInAs: t("nav.signedInAs"), language: t("nav.language") }}
            />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-8 sm:px-6">
        {children}
      </main>
    </div>
  );
}

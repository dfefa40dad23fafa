import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ReactNode } from "react";

import { LogoMark } from "@/components/ui/logo-mark";
import type { Viewer } from "@/lib/auth/viewer";
import type { OrgSettings } from "@/lib/data/settings";
import type { AppLocale } from "@/lib/i18n/locales";

import { InsideMainProvider } from "./main-landmark";
import { MobileNav } from "./mobile-nav";
import { NAV_ITEMS } from "./nav-items";
import { NavLinks } from "./nav-links";
import { UserMenu } from "./user-menu";

export async function AppShell({
  viewer,
  settings,
  children,
}: {
  viewer: Viewer;
  settings: OrgSettings;
  children: ReactNode;
}) {
  const t = await getTranslations();
  const locale = (await getLocale()) as AppLocale;
  const items = NAV_ITEMS.filter((i) => i.visible(viewer, settings)).map((i) => ({
    href: i.href,
    label: t(`nav.${i.labelKey}`),
  }));
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-4 focus:left-4 focus:z-50 focus:rounded-md focus:bg-card focus:px-3 focus:py-2"
      >
        {t("nav.skipToContent")}
      </a>
      <header className="no-print sticky top-0 z-40 border-b border-border bg-card/90 backdrop-blur">
        {/* Below lg the links collapse behind a menu button: five labels, the logo and the account menu do not fit a phone. */}
        <div className="mx-auto flex h-14 max-w-7xl items-center gap-3 px-4 sm:px-6 lg:gap-6">
          <MobileNav className="lg:hidden" label={t("nav.main")} menuLabel={t("nav.menu")} items={items} />
          <Link href="/" className="flex min-w-0 items-center gap-2 font-semibold tracking-tight whitespace-nowrap">
            <LogoMark className="shrink-0" />
            {t("app.name")}
          </Link>
          <NavLinks className="hidden lg:flex" label={t("nav.main")} items={items} />
          <div className="ml-auto flex shrink-0 items-center gap-3">
            <UserMenu
              name={viewer.name}
              email={viewer.email}
              roleLabel={t(`roles.${viewer.role}`)}
              locale={locale}
              labels={{
                menu: t("nav.userMenu"),
                signOut: t("nav.signOut"),
                signOutEverywhere: t("nav.signOutEverywhere"),
                signedInAs: t("nav.signedInAs"),
                language: t("nav.language"),
              }}
            />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-7xl min-w-0 flex-1 px-4 py-8 sm:px-6">
        <InsideMainProvider>{children}</InsideMainProvider>
      </main>
    </div>
  );
}

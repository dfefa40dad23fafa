import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { ClosedQuarterNotice } from "@/components/cycles/closed-quarter-notice";
import { RatingSheet } from "@/components/rating/rating-sheet";
import { buttonVariants } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { viewerOrSignIn } from "@/lib/auth/page";
import { getClosedQuarterNotice } from "@/lib/data/cycles";
import { getMyRatingSheet } from "@/lib/data/rating-sheet";
import { getAppLocale } from "@/lib/i18n/app-locale";

export const metadata: Metadata = { title: "My skills" };

export default async function MePage() {
  const viewer = await viewerOrSignIn("/me");
  const locale = await getAppLocale();
  const t = await getTranslations("me");
  const te = await getTranslations("emailPrefs");
  const ta = await getTranslations("apiTokens");
  const [sheet, closedQuarter] = await Promise.all([
    getMyRatingSheet(viewer, { locale }),
    getClosedQuarterNotice(viewer),
  ]);
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={sheet ? `${sheet.title} · ${t("intro")}` : t("intro")}>
        <Link href="/me/email" className={buttonVariants({ variant: "link" })}>
          {te("link")}
        </Link>
        <Link href="/me/api" className={buttonVariants({ variant: "link" })}>
          {ta("meLink")}
        </Link>
        <Link href="/me/growth" className={buttonVariants({ variant: "outline" })}>
          {t("growthLink")} →
        </Link>
      </PageHeader>
      <ClosedQuarterNotice notice={closedQuarter} />
      {sheet ? <RatingSheet sheet={sheet} /> : <p className="text-muted-foreground">{t("noFramework")}</p>}
    </div>
  );
}

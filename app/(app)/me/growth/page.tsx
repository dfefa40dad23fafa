import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { CategoryRadar } from "@/components/growth/category-radar";
import { LearningPath } from "@/components/growth/learning-path";
import { ReadinessCard } from "@/components/growth/readiness-card";
import { PageHeader } from "@/components/ui/page-header";
import { growthView } from "@/lib/analytics/growth";
import { viewerOrSignIn } from "@/lib/auth/page";
import { getResourcesForSkills } from "@/lib/data/learning-resources";
import { getMyRatingSheet } from "@/lib/data/rating-sheet";
import { getAppLocale } from "@/lib/i18n/app-locale";

export const metadata: Metadata = { title: "My growth" };

export default async function GrowthPage() {
  const viewer = await viewerOrSignIn("/me/growth");
  const locale = await getAppLocale();
  const t = await getTranslations("growth");
  const sheet = await getMyRatingSheet(viewer, { locale });
  if (!sheet) return <p className="text-muted-foreground">{(await getTranslations("me"))("noFramework")}</p>;
  const view = growthView(sheet);
  // One query for every suggested skill's learning resources.
  const resources = await getResourcesForSkills(viewer, {
    frameworkId: sheet.frameworkId,
    skillKeys: view.path.map((step) => step.key),
  });
  return (
    <div className="space-y-8">
      <PageHeader title={t("title")} description={t("intro")} />
      {!sheet.currentLevelKey && <p className="text-sm text-muted-foreground">{t("noLevel")}</p>}
      <ReadinessCard view={view} />
      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <CategoryRadar view={view} />
        <LearningPath view={view} resources={resources} />
      </div>
    </div>
  );
}

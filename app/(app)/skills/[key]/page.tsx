import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { LevelDistribution } from "@/components/skills/level-distribution";
import { ResourceForm } from "@/components/skills/resource-form";
import { ResourceList } from "@/components/skills/resource-list";
import { SkillPeople } from "@/components/skills/skill-people";
import { SkillTargets } from "@/components/skills/skill-targets";
import { SkillTrend } from "@/components/skills/skill-trend";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { orNotFound, viewerOrSignIn } from "@/lib/auth/page";
import { getSkillPage } from "@/lib/data/skill-page";
import { getAppLocale } from "@/lib/i18n/app-locale";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("skillPage"))("metaTitle") };
}

type Props = { params: Promise<{ key: string }>; searchParams: Promise<{ roadmap?: string | string[] }> };

export default async function SkillPage({ params, searchParams }: Props) {
  const { key } = await params;
  const { roadmap } = await searchParams;
  const query = typeof roadmap === "string" ? `?roadmap=${encodeURIComponent(roadmap)}` : "";
  const viewer = await viewerOrSignIn(`/skills/${encodeURIComponent(key)}${query}`);
  const locale = await getAppLocale();
  const t = await getTranslations("skillPage");
  const page = await orNotFound(
    getSkillPage(viewer, { key, ...(typeof roadmap === "string" ? { roadmap } : {}) }, { locale }),
  );
  const { skill } = page;
  return (
    <div className="space-y-6">
      <PageHeader title={skill.name} description={skill.description || undefined} />
      <p className="-mt-3 text-sm text-muted-foreground">
        {t("inRoadmap", { category: skill.category, roadmap: skill.roadmap })}
        {page.otherRoadmaps.length > 0 && (
          <>
            {" · "}
            {t("alsoIn")}{" "}
            {page.otherRoadmaps.map((r, i) => (
              <span key={r.key}>
                {i > 0 && ", "}
                <Link
                  href={`/skills/${encodeURIComponent(skill.skillKey)}?roadmap=${encodeURIComponent(r.key)}`}
                  className="text-primary hover:underline"
                >
                  {r.name}
                </Link>
              </span>
            ))}
          </>
        )}
      </p>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Section
          titleId="distribution-title"
          title={t("distribution")}
          description={t("distributionIntro")}
          className="space-y-3 p-5"
        >
          <LevelDistribution distribution={page.distribution} />
        </Section>
        <Section titleId="trend-title" title={t("trend")} description={t("trendIntro")} className="p-5">
          <SkillTrend trend={page.trend} />
        </Section>
      </div>
      <Section titleId="people-title" title={t("people")} className="p-5">
        <SkillPeople people={page.people} findRef={page.skill.ref} linkPeople={page.linkPeople} />
      </Section>
      <Section titleId="targets-title" title={t("targets")} description={t("targetsIntro")} className="p-5">
        <SkillTargets targets={page.targets} />
      </Section>
      <Section titleId="resources-title" title={t("resources")} description={t("resourcesIntro")} className="p-5">
        <ResourceList resources={page.resources} />
        {page.canAddResource ? (
          <div className="mt-4 border-t border-border pt-4">
            <h3 className="mb-2 text-sm font-medium">{t("addResource")}</h3>
            <ResourceForm frameworkKey={skill.frameworkKey} skillKey={skill.skillKey} />
          </div>
        ) : (
          <p className="mt-4 text-xs text-muted-foreground">{t("whoMayAdd")}</p>
        )}
      </Section>
    </div>
  );
}

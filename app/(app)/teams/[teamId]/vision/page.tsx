import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { QuarterSelect } from "@/components/cycles/quarter-select";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { GapHeatmap, ReadinessBars, ReadinessTrend } from "@/components/vision/charts";
import { PlanList } from "@/components/vision/plan-list";
import { PriorityList, TargetList } from "@/components/vision/priority-list";
import { TargetForm } from "@/components/vision/target-form";
import { orNotFound, viewerOrSignIn } from "@/lib/auth/page";
import { getTeamVision } from "@/lib/data/vision";
import { getAppLocale } from "@/lib/i18n/app-locale";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("vision"))("link") };
}

type Props = { params: Promise<{ teamId: string }>; searchParams: Promise<{ quarter?: string }> };

export default async function VisionPage({ params, searchParams }: Props) {
  const { teamId } = await params;
  const { quarter } = await searchParams;
  const viewer = await viewerOrSignIn(`/teams/${encodeURIComponent(teamId)}/vision`);
  const locale = await getAppLocale();
  const t = await getTranslations("vision");
  const th = await getTranslations("heatmap");
  const vision = await orNotFound(
    getTeamVision(viewer, { teamId, quarter: typeof quarter === "string" ? quarter : null }, { locale }),
  );
  return (
    <div className="space-y-6">
      <BackLink href={`/teams/${vision.team.id}${vision.moment.live ? "" : `?quarter=${vision.moment.quarter}`}`}>
        {vision.team.name}
      </BackLink>
      <PageHeader title={t("title", { team: vision.team.name })} description={t("intro")}>
        <QuarterSelect
          quarter={vision.moment.quarter}
          quarters={vision.moment.quarters}
          currentQuarter={vision.moment.currentQuarter}
          label={th("quarter")}
        />
      </PageHeader>
      {!vision.moment.live && (
        <p className="rounded-lg border border-border bg-muted/40 px-4 py-2 text-sm text-muted-foreground">
          {t("pastQuarter", { quarter: vision.moment.quarter, date: vision.moment.asOf.slice(0, 10) })}{" "}
          <Link href={`/teams/${vision.team.id}/vision`} className="text-primary hover:underline">
            {t("openCurrent")}
          </Link>
        </p>
      )}
      <Section titleId="targets-title" title={t("targets")} className="p-5">
        <TargetList vision={vision} />
        {vision.team.canPlan && (
          <div className="mt-4 border-t border-border pt-4">
            <h3 className="mb-2 text-sm font-medium">{t("addTarget")}</h3>
            <TargetForm vision={vision} />
          </div>
        )}
      </Section>
      {vision.targets.length > 0 && (
        <>
          <section aria-labelledby="prio-title" className="space-y-2">
            <h2 id="prio-title" className="text-lg font-semibold">
              {t("priorities")}
            </h2>
            <p className="text-xs text-muted-foreground">{t("prioritiesHint")}</p>
            <PriorityList vision={vision} />
          </section>
          <div className="grid gap-6 xl:grid-cols-2">
            <Section titleId="ready-title" title={t("readiness")} className="p-5">
              <p className="mb-2 text-xs text-muted-foreground" title={t("readinessFormula")}>
                {t("readinessHint")}
              </p>
              <ReadinessBars targets={vision.targets} />
            </Section>
            <Section titleId="trend-title" title={t("trend")} titleClassName="mb-2" className="p-5">
              <ReadinessTrend targets={vision.targets} />
            </Section>
          </div>
          <Section titleId="gap-title" title={t("gapHeatmap")} titleClassName="mb-2" className="p-5">
            <GapHeatmap targets={vision.targets} />
          </Section>
        </>
      )}
      <Section titleId="plan-title" title={t("plan")} className="p-5">
        <PlanList plan={vision.plan} />
      </Section>
    </div>
  );
}

import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { DeltaGrid, DeltaLegend } from "@/components/charts/delta-grid";
import { ReadinessTable } from "@/components/trends/readiness-table";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { orNotFound, viewerOrSignIn } from "@/lib/auth/page";
import { getTeamTrends } from "@/lib/data/trends";
import { getAppLocale } from "@/lib/i18n/app-locale";

export const metadata: Metadata = { title: "Trends" };
type Props = { params: Promise<{ teamId: string }> };

export default async function TrendsPage({ params }: Props) {
  const { teamId } = await params;
  const viewer = await viewerOrSignIn(`/teams/${encodeURIComponent(teamId)}/trends`);
  const locale = await getAppLocale();
  const t = await getTranslations("trends");
  const trends = await orNotFound(getTeamTrends(viewer, { teamId }, { locale }));
  const [prev, last] = trends.quarters.slice(-2);
  const deltaTitle = t("delta", { from: prev!, to: last! });
  return (
    <div className="space-y-6">
      <BackLink href={`/teams/${trends.team.id}`}>{trends.team.name}</BackLink>
      <PageHeader title={t("title", { team: trends.team.name })} description={t("intro")} />
      <Section titleId="delta-title" title={deltaTitle} description={t("deltaHint")} className="p-5">
        <div className="mt-2 overflow-x-auto">
          <DeltaGrid label={deltaTitle} rows={trends.members} columns={trends.categories} values={trends.delta} />
        </div>
        <DeltaLegend text={t("legend")} />
      </Section>
      <Section titleId="ready-title" title={t("readiness")} className="p-5">
        <ReadinessTable
          memberLabel={t("member")}
          members={trends.members}
          quarters={trends.quarters}
          readiness={trends.readiness}
        />
        <p className="mt-2 text-xs text-muted-foreground">
          {t("coverageLink")}{" "}
          <Link className="text-primary hover:underline" href={`/teams/${trends.team.id}/vision`}>
            →
          </Link>
        </p>
      </Section>
    </div>
  );
}

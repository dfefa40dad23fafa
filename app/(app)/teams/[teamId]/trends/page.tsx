import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { DeltaGrid, DeltaLegend } from "@/components/charts/delta-grid";
import { ReadinessTable } from "@/components/trends/readiness-table";
import { PageHeader } from "@/components/ui/page-header";
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
      <Link href={`/teams/${trends.team.id}`} className="text-sm text-muted-foreground hover:text-foreground">
        ← {trends.team.name}
      </Link>
      <PageHeader title={t("title", { team: trends.team.name })} description={t("intro")} />
      <section aria-labelledby="delta-title" className="rounded-lg border border-border bg-card p-5 shadow-sm">
        <h2 id="delta-title" className="font-semibold">
          {deltaTitle}
        </h2>
        <p className="text-xs text-muted-foreground">{t("deltaHint")}</p>
        <div className="mt-2 overflow-x-auto">
          <DeltaGrid label={deltaTitle} rows={trends.members} columns={trends.categories} values={trends.delta} />
        </div>
        <DeltaLegend text={t("legend")} />
      </section>
      <section aria-labelledby="ready-title" className="rounded-lg border border-border bg-card p-5 shadow-sm">
        <h2 id="ready-title" className="font-semibold">
          {t("readiness")}
        </h2>
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
      </section>
    </div>
  );
}

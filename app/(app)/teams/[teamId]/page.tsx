import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { ClosedQuarterNotice } from "@/components/cycles/closed-quarter-notice";
import { ExportButtons } from "@/components/export/export-buttons";
import { TeamHeatmapLoader } from "@/components/heatmap/team-heatmap-loader";
import { BackLink } from "@/components/ui/back-link";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { orNotFound, viewerOrSignIn } from "@/lib/auth/page";
import { getClosedQuarterNotice } from "@/lib/data/cycles";
import { getTeamPageSummary } from "@/lib/data/heatmap";
import { canReadTeamVision } from "@/lib/data/vision";
import { getAppLocale } from "@/lib/i18n/app-locale";

export const metadata: Metadata = { title: "Team heatmap" };

/** A past quarter shows the team as it was: say so, and how many have left since (their rows are marked). */
async function PastTeamNote({ asOf, left }: { asOf: string; left: number }) {
  const t = await getTranslations("heatmap");
  return (
    <p className="rounded-lg border border-border bg-muted/40 px-4 py-2 text-sm text-muted-foreground">
      {t("asOfPeople", { date: asOf.slice(0, 10), left })}
    </p>
  );
}
type Props = { params: Promise<{ teamId: string }>; searchParams: Promise<{ quarter?: string }> };

export default async function TeamPage({ params, searchParams }: Props) {
  const { teamId } = await params;
  const { quarter } = await searchParams;
  const viewer = await viewerOrSignIn(`/teams/${encodeURIComponent(teamId)}`);
  const locale = await getAppLocale();
  const t = await getTranslations("heatmap");
  const tv = await getTranslations("vision");
  const te = await getTranslations("export");
  const tt = await getTranslations("trends");
  // The page renders around the matrix; the browser fetches the matrix itself (TeamHeatmapLoader) from the
  // same cached payload this summary comes from, under the same quarter parameter (the same cache entry).
  const quarterParam = typeof quarter === "string" ? quarter : "";
  const dto = await orNotFound(getTeamPageSummary(viewer, { teamId, quarter: quarterParam || null }, { locale }));
  const showVision = await canReadTeamVision(viewer, dto.scope.id);
  const closedQuarter = dto.quarter === dto.currentQuarter ? await getClosedQuarterNotice(viewer) : null;
  return (
    <div className="space-y-6">
      <BackLink href="/teams">{t("back")}</BackLink>
      <PageHeader
        title={dto.scope.name}
        description={`${dto.frameworkTitle} · ${t("people", { count: dto.people })} · ${dto.quarter}`}
      >
        {showVision && (
          <Link
            href={`/teams/${dto.scope.id}/vision${dto.live ? "" : `?quarter=${dto.quarter}`}`}
            className={buttonVariants({ variant: "default" })}
          >
            {tv("link")} →
          </Link>
        )}
        <Link href={`/teams/${dto.scope.id}/trends`} className={buttonVariants({ variant: "outline" })}>
          {tt("link")}
        </Link>
        {dto.scope.canEdit ? (
          <Link href={`/teams/${dto.scope.id}/settings`} className={buttonVariants({ variant: "outline" })}>
            {t("settings")}
          </Link>
        ) : (
          <p className="text-sm text-muted-foreground">{t("readOnly")}</p>
        )}
      </PageHeader>
      {dto.scope.canEdit && (
        <Card className="flex flex-wrap items-center gap-4 px-4 py-2">
          <ExportButtons query={`scope=team&teamId=${dto.scope.id}&quarter=${dto.quarter}`} />
          <Link
            href={`/teams/${dto.scope.id}/report?quarter=${dto.quarter}`}
            className="text-sm text-primary hover:underline"
          >
            {te("report")} →
          </Link>
        </Card>
      )}
      <ClosedQuarterNotice notice={closedQuarter} />
      {!dto.live && <PastTeamNote asOf={dto.asOf} left={dto.leftIds.length} />}
      {dto.people === 0 ? (
        <p className="text-muted-foreground">{t("empty")}</p>
      ) : (
        <TeamHeatmapLoader teamId={dto.scope.id} quarter={quarterParam} leftIds={dto.leftIds} />
      )}
    </div>
  );
}

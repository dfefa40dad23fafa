import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";

import { ExportButtons } from "@/components/export/export-buttons";
import { OrgHeatmapLoader } from "@/components/heatmap/org-heatmap-loader";
import { SettingToggle } from "@/components/org/setting-toggle";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { viewerWithCapability } from "@/lib/auth/page";
import { getOrgHeatmapSummary } from "@/lib/data/heatmap";
import { getOrgSettings } from "@/lib/data/settings";
import { AppError } from "@/lib/errors";
import { getAppLocale } from "@/lib/i18n/app-locale";
import { can } from "@/lib/permissions";

export const metadata: Metadata = { title: "Organisation" };
type Props = { searchParams: Promise<{ quarter?: string }> };

export default async function OrgPage({ searchParams }: Props) {
  const viewer = await viewerWithCapability("/org", "team:read-any");
  const { quarter } = await searchParams;
  const locale = await getAppLocale();
  const t = await getTranslations("org");
  const th = await getTranslations("heatmap");
  const tg = await getTranslations("orgGaps");
  const tc = await getTranslations("cycles");
  const ti = await getTranslations("import");
  const ta = await getTranslations("audit");
  const td = await getTranslations("directory");
  const tn = await getTranslations("notifications");
  const tw = await getTranslations("webhooks");
  const tapi = await getTranslations("apiTokens");
  // The matrix itself is fetched by the client (OrgHeatmapLoader); the server
  // only validates the quarter and reads the header's figures.
  const [dto, settings] = await Promise.all([
    getOrgHeatmapSummary(viewer, { quarter: typeof quarter === "string" ? quarter : null }, { locale }).catch(
      (e: unknown) => {
        if (e instanceof AppError && e.code === "invalid") notFound();
        throw e;
      },
    ),
    getOrgSettings(viewer),
  ]);
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title")}
        description={
          dto
            ? `${t("intro")} ${dto.frameworkTitle} · ${th("people", { count: dto.people })} · ${dto.quarter}`
            : t("intro")
        }
      >
        <Link href="/org/gaps" className={buttonVariants({ variant: "default" })}>
          {tg("link")} →
        </Link>
        {can(viewer, "cycle:manage") && (
          <Link href="/org/cycles" className={buttonVariants({ variant: "outline" })}>
            {tc("link")}
          </Link>
        )}
        {can(viewer, "user:manage") && (
          <Link href="/org/import" className={buttonVariants({ variant: "outline" })}>
            {ti("link")}
          </Link>
        )}
        {can(viewer, "audit:read") && (
          <Link href="/org/audit" className={buttonVariants({ variant: "outline" })}>
            {ta("link")}
          </Link>
        )}
        {can(viewer, "directory:manage") && (
          <Link href="/org/directory" className={buttonVariants({ variant: "outline" })}>
            {td("link")}
          </Link>
        )}
        {can(viewer, "notifications:manage") && (
          <Link href="/org/notifications" className={buttonVariants({ variant: "outline" })}>
            {tn("link")}
          </Link>
        )}
        {can(viewer, "api:manage") && (
          <Link href="/org/api" className={buttonVariants({ variant: "outline" })}>
            {tapi("orgLink")}
          </Link>
        )}
        {can(viewer, "api:manage") && (
          <Link href="/org/webhooks" className={buttonVariants({ variant: "outline" })}>
            {tw("link")}
          </Link>
        )}
      </PageHeader>
      {dto && can(viewer, "export:org") && <ExportButtons query={`scope=org&quarter=${dto.quarter}`} />}
      {can(viewer, "user:manage") && (
        <Card as="section" className="space-y-2 p-4" aria-label={t("settings")}>
          <SettingToggle
            settingKey="membersSeeTeamHeatmap"
            label={t("membersSeeHeatmap")}
            initial={settings.membersSeeTeamHeatmap}
          />
          <SettingToggle
            settingKey="membersSeeTeamVision"
            label={t("membersSeeVision")}
            initial={settings.membersSeeTeamVision}
          />
          <SettingToggle
            settingKey="membersMayFindPeople"
            label={t("membersMayFindPeople")}
            initial={settings.membersMayFindPeople}
          />
        </Card>
      )}
      {dto && dto.excludedTeams.length > 0 && (
        <p data-testid="org-excluded-teams" className="rounded-lg border border-border bg-muted px-4 py-2 text-sm">
          {t("excludedTeams", {
            count: dto.excludedTeams.length,
            roadmap: dto.frameworkTitle,
            teams: dto.excludedTeams
              .map((x) => t("excludedTeam", { name: x.name, roadmap: x.roadmap }))
              .join(locale === "zh-TW" ? "、" : ", "),
          })}
        </p>
      )}
      {dto ? <OrgHeatmapLoader quarter={dto.quarter} /> : <p className="text-muted-foreground">{t("none")}</p>}
    </div>
  );
}

import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { FrameworkSwitch } from "@/components/teams/framework-switch";
import { TeamSettings } from "@/components/teams/team-settings";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { orNotFound, viewerOrSignIn } from "@/lib/auth/page";
import { listPublishedVersions } from "@/lib/data/frameworks";
import { getTeamSettings } from "@/lib/data/team-admin";
import { getAppLocale } from "@/lib/i18n/app-locale";

export const metadata: Metadata = { title: "Team settings" };
type Props = { params: Promise<{ teamId: string }> };

export default async function TeamSettingsPage({ params }: Props) {
  const { teamId } = await params;
  const viewer = await viewerOrSignIn(`/teams/${encodeURIComponent(teamId)}/settings`);
  const locale = await getAppLocale();
  const t = await getTranslations("teamAdmin");
  const team = await orNotFound(getTeamSettings(viewer, { teamId }, { locale }));
  return (
    <div className="space-y-4">
      <BackLink href={`/teams/${team.id}`}>{team.name}</BackLink>
      <PageHeader title={t("title", { name: team.name })} />
      <TeamSettings key={`${team.lockVersion}`} team={team} />
      <FrameworkSwitch
        teamId={team.id}
        roadmap={team.roadmap}
        versions={await listPublishedVersions(viewer, { locale })}
      />
    </div>
  );
}

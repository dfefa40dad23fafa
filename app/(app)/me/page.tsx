import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { viewerOrSignIn } from "@/lib/auth/page";
import { getMyProfile } from "@/lib/data/profile";

export const metadata: Metadata = { title: "My skills" };

export default async function MePage() {
  const viewer = await viewerOrSignIn("/me");
  const t = await getTranslations();
  const profile = await getMyProfile(viewer);
  return (
    <div className="space-y-6">
      <PageHeader title={t("me.title")} description={t("me.intro")} />
      <Card>
        <CardHeader>
          <CardTitle>{profile.name}</CardTitle>
          <p className="text-sm text-muted-foreground">
            {profile.email} · {t(`roles.${profile.role}`)}
          </p>
        </CardHeader>
        <CardContent>
          <h2 className="mb-2 text-sm font-medium">{t("me.teams")}</h2>
          {profile.teams.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t("me.noTeams")}</p>
          ) : (
            <ul className="space-y-2">
              {profile.teams.map((team) => (
                <li key={team.id} className="flex flex-wrap items-center gap-2 text-sm">
                  <span className="font-medium">{team.name}</span>
                  {team.isLead && <Badge>{t("me.lead")}</Badge>}
                  <span className="text-muted-foreground">
                    {t("me.level", { current: team.currentLevelKey ?? t("me.unset"), target: team.targetLevelKey ?? t("me.unset") })}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
    </div>
  );
}

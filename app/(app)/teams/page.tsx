import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { NewTeamForm } from "@/components/teams/new-team-form";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { viewerOrSignIn } from "@/lib/auth/page";
import { listTeamsForViewer } from "@/lib/data/teams";
import { can, canOnTeam } from "@/lib/permissions";

export const metadata: Metadata = { title: "Teams" };

export default async function TeamsPage() {
  const viewer = await viewerOrSignIn("/teams");
  const t = await getTranslations("teams");
  const teams = await listTeamsForViewer(viewer);
  const leads = viewer.leadTeamIds.length > 0;
  // Admins see every team; others see the teams they lead and (when the org allows it) the ones they are in.
  const intro = can(viewer, "team:read-any")
    ? t("introAll")
    : !leads
      ? t("introMember", { count: teams.length })
      : teams.some((team) => !team.youLead)
        ? t("introLeadAndMember")
        : t("intro");
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={intro}>
        {can(viewer, "team:create") && <NewTeamForm />}
      </PageHeader>
      {teams.length === 0 ? (
        <p className="rounded-lg border border-dashed border-border p-8 text-center text-muted-foreground">
          {leads ? t("none") : t("noneMember")}
        </p>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
          {teams.map((team) => (
            <li key={team.id}>
              <Card>
                <CardHeader>
                  <div className="flex items-center justify-between gap-2">
                    {/* Each team is a section of the page: its name is the level under the page's h1. */}
                    <h2 className="text-base leading-snug font-semibold">
                      <Link href={`/teams/${team.id}`} className="hover:underline">
                        {team.name}
                      </Link>
                    </h2>
                    {team.youLead && <Badge>{t("youLead")}</Badge>}
                  </div>
                  <CardDescription>{team.description}</CardDescription>
                  <p className="text-sm text-muted-foreground">{t("members", { count: team.members })}</p>
                </CardHeader>
                <CardContent>
                  <h3 className="sr-only">{t("membersList")}</h3>
                  <Link href={`/teams/${team.id}`} className={buttonVariants({ size: "sm", className: "mb-3" })}>
                    {t("open")}
                  </Link>
                  <ul className="flex flex-wrap gap-1.5">
                    {team.people.map((p) => (
                      <li key={p.id}>
                        {!canOnTeam(viewer, team.id, "team:read") ? (
                          <span className="inline-block rounded-full border border-border px-2 py-0.5 text-xs">
                            {p.name}
                          </span>
                        ) : (
                          <Link
                            href={`/teams/${team.id}/members/${p.id}`}
                            aria-label={t("review", { name: p.name })}
                            className="inline-block rounded-full border border-border px-2 py-0.5 text-xs hover:bg-muted"
                          >
                            {p.name}
                            {p.isLead ? " ★" : ""}
                          </Link>
                        )}
                      </li>
                    ))}
                  </ul>
                </CardContent>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

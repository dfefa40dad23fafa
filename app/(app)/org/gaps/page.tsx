import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { viewerWithCapability } from "@/lib/auth/page";
import { getOrgGaps } from "@/lib/data/vision";
import { getAppLocale } from "@/lib/i18n/app-locale";

export const metadata: Metadata = { title: "Gaps across teams" };

export default async function OrgGapsPage() {
  const viewer = await viewerWithCapability("/org/gaps", "team:read-any");
  const locale = await getAppLocale();
  const t = await getTranslations("orgGaps");
  const tv = await getTranslations("vision");
  const gaps = await getOrgGaps(viewer, { locale });
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("intro")} />
      <Section titleId="teams-title" title={t("team")} titleClassName="mb-2" className="p-5">
        {gaps.teams.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("noTeams")}</p>
        ) : (
          <Table>
            <THead plain>
              <tr>
                <Th plain>{t("team")}</Th>
                <Th plain>{t("targets")}</Th>
                <Th plain>{t("readiness")}</Th>
                <Th plain>{t("gaps")}</Th>
                <Th plain>{t("hires")}</Th>
              </tr>
            </THead>
            <TBody className="tabular-nums">
              {gaps.teams.map((team) => (
                <Tr key={team.id}>
                  <Th plain scope="row" className="font-normal">
                    <Link href={`/teams/${team.id}/vision`} className="text-primary hover:underline">
                      {team.name}
                    </Link>
                  </Th>
                  <Td plain>{team.targets}</Td>
                  <Td plain>{team.readiness === null ? "—" : `${Math.round(team.readiness * 100)}%`}</Td>
                  <Td plain>{team.gaps}</Td>
                  <Td plain>{team.hires}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </Section>
      <Section titleId="top-title" title={t("top")} titleClassName="mb-2" className="p-5">
        {gaps.top.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("none")}</p>
        ) : (
          <ol className="space-y-2 text-sm">
            {gaps.top.map((item, i) => (
              <li
                key={`${item.teamId}|${item.targetId}|${item.skillKey}`}
                className="flex flex-wrap items-baseline gap-2"
              >
                <span className="text-muted-foreground tabular-nums">{i + 1}.</span>
                <Badge>{tv(`rec.${item.recommendation}`)}</Badge>
                <span className="font-medium">{item.skillName}</span>
                <span className="text-muted-foreground">
                  {item.teamName} ·{" "}
                  {tv("needs", {
                    n: item.headcount,
                    level: item.level,
                    coverage: item.coverage,
                    gap: item.gap,
                    quarter: item.targetQuarter,
                  })}{" "}
                  · {tv("score", { score: item.score })}
                </span>
              </li>
            ))}
          </ol>
        )}
      </Section>
      <Section titleId="mobility-title" title={t("mobility")} titleClassName="mb-2" className="p-5">
        {gaps.mobility.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("none")}</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {gaps.mobility.map((m, i) => (
              <li key={i}>
                {t("mobilityLine", {
                  needing: m.needingTeam,
                  skill: m.skillName,
                  level: m.level,
                  from: m.fromTeam,
                  surplus: m.surplus,
                  holders: m.holders.slice(0, 4).join(", "),
                })}
              </li>
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}

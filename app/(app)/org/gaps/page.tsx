import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { viewerWithCapability } from "@/lib/auth/page";
import { getOrgGaps } from "@/lib/data/vision";
import { getAppLocale } from "@/lib/i18n/app-locale";

export const metadata: Metadata = { title: "Gaps across teams" };
const card = "rounded-lg border border-border bg-card p-5 shadow-sm";

export default async function OrgGapsPage() {
  const viewer = await viewerWithCapability("/org/gaps", "team:read-any");
  const locale = await getAppLocale();
  const t = await getTranslations("orgGaps");
  const tv = await getTranslations("vision");
  const gaps = await getOrgGaps(viewer, { locale });
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("intro")} />
      <section aria-labelledby="teams-title" className={card}>
        <h2 id="teams-title" className="mb-2 font-semibold">{t("team")}</h2>
        {gaps.teams.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("noTeams")}</p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead className="text-xs text-muted-foreground">
              <tr>
                <th scope="col" className="py-1">{t("team")}</th>
                <th scope="col">{t("targets")}</th>
                <th scope="col">{t("readiness")}</th>
                <th scope="col">{t("gaps")}</th>
                <th scope="col">{t("hires")}</th>
              </tr>
            </thead>
            <tbody>
              {gaps.teams.map((team) => (
                <tr key={team.id} className="border-t border-border">
                  <th scope="row" className="py-1.5 font-normal">
                    <Link href={`/teams/${team.id}/vision`} className="text-primary hover:underline">{team.name}</Link>
                  </th>
                  <td className="tabular-nums">{team.targets}</td>
                  <td className="tabular-nums">{team.readiness === null ? "—" : `${Math.round(team.readiness * 100)}%`}</td>
                  <td className="tabular-nums">{team.gaps}</td>
                  <td className="tabular-nums">{team.hires}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="top-title" className={card}>
        <h2 id="top-title" className="mb-2 font-semibold">{t("top")}</h2>
        {gaps.top.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("none")}</p>
        ) : (
          <ol className="space-y-2 text-sm">
            {gaps.top.map((item, i) => (
              <li key={`${item.teamId}|${item.targetId}|${item.skillKey}`} className="flex flex-wrap items-baseline gap-2">
                <span className="tabular-nums text-muted-foreground">{i + 1}.</span>
                <Badge>{tv(`rec.${item.recommendation}`)}</Badge>
                <span className="font-medium">{item.skillName}</span>
                <span className="text-muted-foreground">
                  {item.teamName} · {tv("needs", { n: item.headcount, level: item.level, coverage: item.coverage, gap: item.gap, quarter: item.targetQuarter })} · {tv("score", { score: item.score })}
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="mobility-title" className={card}>
        <h2 id="mobility-title" className="mb-2 font-semibold">{t("mobility")}</h2>
        {gaps.mobility.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("none")}</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {gaps.mobility.map((m, i) => (
              <li key={i}>
                {t("mobilityLine", { needing: m.needingTeam, skill: m.skillName, level: m.level, from: m.fromTeam, surplus: m.surplus, holders: m.holders.slice(0, 4).join(", ") })}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";

import { PrintButton } from "@/components/report/print-button";
import { StaticHeatmap } from "@/components/report/static-heatmap";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { PlanList } from "@/components/vision/plan-list";
import { reasonFactsOf } from "@/lib/analytics/explain";
import { coverageBySkill, coverageRisk, valuesFor } from "@/lib/analytics/matrix";
import { orNotFound, viewerOrSignIn } from "@/lib/auth/page";
import { getTeamHeatmap } from "@/lib/data/heatmap";
import { getTeamVision } from "@/lib/data/vision";
import { getAppLocale } from "@/lib/i18n/app-locale";
import { reasonWithNeed } from "@/lib/i18n/reason-sentences";
import { canOnTeam } from "@/lib/permissions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("report"))("pageTitle") };
}

type Props = { params: Promise<{ teamId: string }>; searchParams: Promise<{ quarter?: string }> };

// A printable planning report (the browser's print to PDF): heatmap, thin
// spots, gaps, ranked priorities and the team plan for one team and quarter,
// every sentence in the viewer's language.
export default async function ReportPage({ params, searchParams }: Props) {
  const { teamId } = await params;
  const { quarter } = await searchParams;
  const viewer = await viewerOrSignIn(`/teams/${encodeURIComponent(teamId)}/report`);
  if (!canOnTeam(viewer, teamId, "team:export")) notFound();
  const locale = await getAppLocale();
  const t = await getTranslations("report");
  const tv = await getTranslations("vision");
  const [dto, vision] = await orNotFound(
    Promise.all([
      getTeamHeatmap(viewer, { teamId, quarter: typeof quarter === "string" ? quarter : null }, { locale }),
      getTeamVision(viewer, { teamId, quarter: typeof quarter === "string" ? quarter : null }, { locale }),
    ]),
  );
  if (dto.scope.kind !== "team") notFound();
  const coverage = coverageBySkill(valuesFor(dto, "effective"), dto.members.length, dto.skills.length);
  const thin = dto.skills
    .map((s, i) => ({ s, c: coverage[i]!, risk: coverageRisk(coverage[i]!) }))
    .filter((x) => x.risk);
  return (
    <article className="mx-auto max-w-5xl space-y-6 bg-white print:max-w-none print:p-0">
      <header className="flex items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">{t("title", { team: dto.scope.name, quarter: dto.quarter })}</h1>
          <p className="text-sm text-muted-foreground">
            {t("subtitle", { framework: dto.frameworkTitle, asOf: dto.asOf.slice(0, 10), people: dto.members.length })}
          </p>
        </div>
        <PrintButton label={t("print")} />
      </header>
      <section className="break-inside-avoid">
        <h2 className="mb-2 text-lg font-semibold">{t("heatmap")}</h2>
        <StaticHeatmap dto={dto} label={t("heatmap")} />
      </section>
      <section className="break-inside-avoid">
        <h2 className="mb-2 text-lg font-semibold">{t("thin")}</h2>
        <ul className="text-sm">
          {thin.map(({ s, c, risk }) => (
            <li key={s.key}>
              {risk === "missing" ? "✕" : "1"} {s.name} —{" "}
              {risk === "missing"
                ? tv("riskMissing")
                : t("thinSingle", { risk: tv("riskSingle"), name: dto.members[c.holders[0]!]!.name })}
            </li>
          ))}
        </ul>
      </section>
      <section className="break-inside-avoid">
        <h2 className="mb-2 text-lg font-semibold">{t("targets")}</h2>
        <Table>
          <THead plain>
            <tr>
              <Th plain>{tv("target")}</Th>
              <Th plain>{tv("level")}</Th>
              <Th plain>{tv("headcount")}</Th>
              <Th plain>{tv("quarter")}</Th>
              <Th plain>{tv("readiness")}</Th>
            </tr>
          </THead>
          <TBody>
            {vision.targets.map((target) => (
              <Tr key={target.id}>
                <Th plain scope="row" className="font-normal">
                  {target.name}
                </Th>
                <Td plain>≥ {target.level}</Td>
                <Td plain>{target.headcount}</Td>
                <Td plain>{target.targetQuarter}</Td>
                <Td plain className="tabular-nums">
                  {Math.round(target.readiness * 100)}%
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      </section>
      <section>
        <h2 className="mb-2 text-lg font-semibold">{t("priorities")}</h2>
        <ol className="space-y-2 text-sm">
          {vision.priorities.map((p, i) => (
            <li key={`${p.targetId}|${p.skillKey}`} className="break-inside-avoid">
              <span className="font-semibold">
                {i + 1}. {tv(`rec.${p.recommendation}`)} — {p.skillName}
              </span>{" "}
              <span className="text-muted-foreground">
                {t("itemContext", { target: p.targetName, score: p.score })}
              </span>
              <p className="text-xs">{reasonWithNeed(tv, reasonFactsOf(p))}</p>
            </li>
          ))}
        </ol>
      </section>
      <section>
        <h2 className="mb-2 text-lg font-semibold">{t("plan")}</h2>
        <PlanList plan={vision.plan} />
      </section>
    </article>
  );
}

import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { PickView, ProposalView } from "@/lib/analytics/staffing-view";
import { cn } from "@/lib/utils";

/** A proposal: whether it covers the project, then each person with why they were picked and what their team loses. */
export async function ProposalCard({
  proposal,
  title,
  titleId,
  testId,
}: {
  proposal: ProposalView;
  title: string;
  titleId: string;
  testId: string;
}) {
  const t = await getTranslations("staffing");
  return (
    <Card as="section" aria-labelledby={titleId} className="space-y-4 p-4" data-testid={testId}>
      <div className="space-y-1">
        <h2 id={titleId} className="text-base font-semibold">
          {title}
        </h2>
        <p className="text-sm" data-testid="proposal-summary">
          {proposal.short.length === 0
            ? t("covered", { count: proposal.picks.length })
            : t("shortBy", {
                list: proposal.short
                  .map((s) => t("shortItem", { requirement: s.requirement, missing: s.missing }))
                  .join("; "),
              })}{" "}
          {proposal.harmless ? t("harmless") : t("harmful")}
        </p>
      </div>
      {proposal.picks.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t("nobody")}</p>
      ) : (
        <ol className="space-y-3">
          {proposal.picks.map((p) => (
            <PickItem key={p.person.id} pick={p} />
          ))}
        </ol>
      )}
    </Card>
  );
}

async function PickItem({ pick }: { pick: PickView }) {
  const t = await getTranslations("staffing");
  const breaks = pick.impact.filter((i) => i.breaks);
  const list = new Intl.ListFormat(await getLocale(), { type: "conjunction" });
  return (
    <li className="space-y-2 rounded-md border border-border p-3 text-sm" data-testid="staffing-pick">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <Link href={`/people/${pick.person.id}`} className="font-semibold underline-offset-2 hover:underline">
          {pick.person.name}
        </Link>
        <span className="text-xs text-muted-foreground">
          {pick.person.teams.map((x) => x.name).join(", ") || t("noTeam")}
        </span>
        {breaks.length > 0 ? (
          <Badge variant="outline" className="border-danger text-danger">
            {t("breaksBadge", { count: breaks.length })}
          </Badge>
        ) : (
          <Badge variant="outline">{t("noHarmBadge")}</Badge>
        )}
      </div>
      <p>
        {t("covers", { list: list.format(pick.coversNames) })}{" "}
        <span className="text-muted-foreground">{await reasonText(pick)}</span>
      </p>
      <Impact pick={pick} />
      {pick.alternatives.length > 0 && (
        <p className="text-xs text-muted-foreground">
          {t("alternatives")}{" "}
          {pick.alternatives.map((a, i) => (
            <span key={a.id}>
              {i > 0 && ", "}
              <Link href={`/people/${a.id}`} className="underline-offset-2 hover:underline">
                {a.name}
              </Link>
            </span>
          ))}
        </p>
      )}
    </li>
  );
}

async function reasonText(pick: PickView): Promise<string> {
  const t = await getTranslations("staffing");
  const r = pick.reason;
  if (r.kind === "only-candidate") return t("reasonOnly", { count: r.candidates });
  if (r.kind === "covers-most") return t("reasonMany", { count: r.requirementIds.length });
  return t("reasonBest");
}

async function Impact({ pick }: { pick: PickView }) {
  const t = await getTranslations("staffing");
  // What hurts: a target that breaks, or one already short that gets shorter. A target that keeps enough people is not listed.
  const hurts = pick.impact.filter((i) => i.breaks || i.after < i.headcount);
  if (hurts.length === 0 && pick.singlePoints.length === 0) {
    return <p className="text-xs text-muted-foreground">{t("noImpact")}</p>;
  }
  return (
    <ul className="space-y-0.5 text-xs" aria-label={t("impactLabel", { name: pick.person.name })}>
      {hurts.map((i) => (
        <li key={`${i.team}|${i.target}|${i.skill}`} className={cn(i.breaks ? "text-danger" : "text-muted-foreground")}>
          {t(i.breaks ? "impactBreaks" : "impactDrops", {
            team: i.team,
            target: i.target,
            skill: i.skill,
            level: i.level,
            before: i.before,
            after: i.after,
            headcount: i.headcount,
          })}
        </li>
      ))}
      {pick.singlePoints.map((s) => (
        <li key={`${s.team}|${s.skill}|${s.level}`} className="text-muted-foreground">
          {t(s.left === 0 ? "spofNone" : "spofOne", { team: s.team, skill: s.skill, level: s.level })}
        </li>
      ))}
    </ul>
  );
}

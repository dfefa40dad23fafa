"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormStatus } from "@/components/ui/form-status";
import { useActionMessage } from "@/components/ui/use-action-message";
import { acceptPlanItemAction, archiveTargetAction } from "@/lib/actions/vision";
import { reasonFactsOf } from "@/lib/analytics/explain";
import type { VisionDto } from "@/lib/data/vision";
import { reasonSentence } from "@/lib/i18n/reason-sentences";

import { actionErrorText } from "./action-error";
import { RecommendationBadge } from "./recommendation-badge";

export function PriorityList({ vision }: { vision: VisionDto }) {
  const t = useTranslations("vision");
  const router = useRouter();
  const [pending, start] = useTransition();
  const { message, show } = useActionMessage();
  const planned = new Set(
    vision.plan.filter((p) => p.quarter === vision.currentQuarter).map((p) => `${p.targetId}|${p.skillKey}`),
  );

  if (vision.priorities.length === 0) {
    // Targets the team's roadmap lacks have no gaps to rank, but they are not met either.
    const unmatched = vision.targets.filter((target) => !target.inRoadmap).length;
    return (
      <p className="text-sm text-muted-foreground">
        {unmatched ? t("noGapsUnmatched", { count: unmatched }) : t("noGaps")}
      </p>
    );
  }
  return (
    <div className="space-y-3">
      <FormStatus message={message} className="min-h-5" />
      <ol className="space-y-3">
        {vision.priorities.map((item, rank) => {
          const key = `${item.targetId}|${item.skillKey}`;
          return (
            <Card as="li" key={key} className="p-4" aria-label={`${rank + 1}. ${item.skillName}`}>
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div className="min-w-0 space-y-1">
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="grid h-6 w-6 place-items-center rounded-full bg-primary text-xs font-semibold text-primary-foreground">
                      {rank + 1}
                    </span>
                    <RecommendationBadge recommendation={item.recommendation} label={t(`rec.${item.recommendation}`)} />
                    <span className="font-medium">{item.skillName}</span>
                    <Badge variant="outline">{item.targetName}</Badge>
                    {item.risk && (
                      <Badge className="border-amber-700 bg-amber-100 text-amber-900">
                        ⚠ {item.risk === "missing" ? t("riskMissing") : t("riskSingle")}
                      </Badge>
                    )}
                  </div>
                  <p className="text-sm text-muted-foreground">
                    {t("needs", {
                      n: item.headcount,
                      level: item.level,
                      coverage: item.coverage,
                      gap: item.gap,
                      quarter: item.targetQuarter,
                    })}
                  </p>
                  <p className="text-sm">{reasonSentence(t, reasonFactsOf(item))}</p>
                  {item.candidates.length > 0 && (
                    <p className="text-sm">
                      <span className="text-muted-foreground">{t("candidatesLabel")}</span>
                      {item.candidates
                        .map((c) =>
                          t("candidate", {
                            name: c.name,
                            current: c.current,
                            eager: c.interest === 2 ? "yes" : "no",
                            others: c.alsoCloses,
                          }),
                        )
                        .join(" · ")}
                    </p>
                  )}
                  <p className="text-xs text-muted-foreground">
                    {t("score", { score: item.score })} — {t("scoreParts", item.scoreParts)}
                  </p>
                </div>
                {vision.team.canPlan &&
                  (planned.has(key) ? (
                    <Badge variant="strong">✓ {t("inPlan")}</Badge>
                  ) : (
                    <Button
                      size="sm"
                      variant="outline"
                      disabled={pending}
                      aria-label={`${t("accept")}: ${item.skillName}`}
                      onClick={() =>
                        start(async () => {
                          const r = await acceptPlanItemAction({
                            teamId: vision.team.id,
                            targetId: item.targetId,
                            skillKey: item.skillKey,
                          });
                          show(r, t("accepted"), (e) => actionErrorText(t, e));
                          // A conflict means the plan or the gap changed meanwhile: show the latest.
                          if (r.ok || r.code === "conflict") router.refresh();
                        })
                      }
                    >
                      {t("accept")}
                    </Button>
                  ))}
              </div>
            </Card>
          );
        })}
      </ol>
    </div>
  );
}

export function TargetList({ vision }: { vision: VisionDto }) {
  const t = useTranslations("vision");
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  if (vision.targets.length === 0) return <p className="text-sm text-muted-foreground">{t("noTargets")}</p>;
  return (
    <>
      {message && (
        <p role="alert" className="text-sm text-danger">
          {message}
        </p>
      )}
      <ul className="divide-y divide-border">
        {vision.targets.map((target) => (
          <li key={target.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
            <div>
              <p className="text-sm font-medium">
                {target.name}
                {!target.inRoadmap && (
                  <Badge variant="outline" className="ms-2 align-middle">
                    {t("notInRoadmap")}
                  </Badge>
                )}
              </p>
              <p className="text-xs text-muted-foreground">
                {t("targetLine", { n: target.headcount, level: target.level, quarter: target.targetQuarter })}
              </p>
              {!target.inRoadmap && <p className="text-xs text-muted-foreground">{t("notInRoadmapHint")}</p>}
            </div>
            {vision.team.canPlan && (
              <Button
                size="sm"
                variant="ghost"
                disabled={pending}
                aria-label={t("removeTarget", { name: target.name })}
                onClick={() =>
                  start(async () => {
                    const r = await archiveTargetAction({ teamId: vision.team.id, targetId: target.id });
                    setMessage(r.ok ? null : actionErrorText(t, r));
                    if (r.ok || r.code === "not_found") router.refresh();
                  })
                }
              >
                {t("remove")}
              </Button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

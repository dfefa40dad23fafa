import { useTranslations } from "next-intl";

import { Badge } from "@/components/ui/badge";
import { badgeColors, palette } from "@/lib/charts/colors";
import type { PlanItemDto } from "@/lib/data/vision";
import { candidateList, reasonWithNeed } from "@/lib/i18n/reason-sentences";

import { RecommendationBadge } from "./recommendation-badge";

// Resolved reads like "train": the gap closed by growing. A removed target is greyed out.
const STATUS_CLASS = { resolved: "", target_removed: "border-border bg-muted text-muted-foreground" } as const;
const STATUS_STYLE = { resolved: badgeColors(palette.trainFill, palette.trainInk), target_removed: undefined } as const;

/**
 * The team plan: accepted items with their reasons in the viewer's language
 * (from the stored facts; items accepted before facts show their stored
 * text), and where each stands now. Used by the vision page and the report.
 */
export function PlanList({ plan }: { plan: PlanItemDto[] }) {
  const t = useTranslations("vision");
  if (plan.length === 0) return <p className="mt-2 text-sm text-muted-foreground">{t("planEmpty")}</p>;
  return (
    <ul className="mt-2 space-y-3 text-sm">
      {plan.map((p) => (
        <li key={p.id} className="break-inside-avoid space-y-1 border-t border-border pt-3 first:border-t-0 first:pt-0">
          <div className="flex flex-wrap items-center gap-2">
            <span className="text-xs text-muted-foreground tabular-nums">{p.quarter}</span>
            <RecommendationBadge recommendation={p.recommendation} label={t(`rec.${p.recommendation}`)} />
            <span className="font-medium">{p.skillName}</span>
            {p.targetName && <Badge variant="outline">{p.targetName}</Badge>}
            {p.status !== "open" && (
              <Badge
                className={STATUS_CLASS[p.status]}
                style={STATUS_STYLE[p.status]}
                title={t(`status.${p.status}Hint`)}
              >
                {t(`status.${p.status}`)}
                <span className="sr-only">: {t(`status.${p.status}Hint`)}</span>
              </Badge>
            )}
          </div>
          {p.facts ? (
            <>
              <p>{reasonWithNeed(t, p.facts)}</p>
              {p.facts.candidates.length > 0 && (
                <p>
                  <span className="text-muted-foreground">{t("candidatesLabel")}</span>
                  {candidateList(t, p.facts).map((c, i) => (
                    <span key={i}>
                      {i > 0 && " · "}
                      <span className="whitespace-nowrap">{c}</span>
                    </span>
                  ))}
                </p>
              )}
            </>
          ) : (
            <p>{p.reason}</p>
          )}
          <p className="text-xs text-muted-foreground">
            {t("acceptedBy", { name: p.acceptedBy, date: p.acceptedAt.slice(0, 10) })}
          </p>
        </li>
      ))}
    </ul>
  );
}

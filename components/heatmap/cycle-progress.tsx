"use client";

import { useTranslations } from "next-intl";

import { Section } from "@/components/ui/section";
import type { HeatmapDto } from "@/lib/data/heatmap";

/** For leads: each member's self-ratings made this quarter, people who have not started first. */
export function CycleProgress({ dto }: { dto: HeatmapDto }) {
  const t = useTranslations("cycles");
  // The members' own ratings of the quarter (imported values do not count until kept).
  const rows = dto.members
    .map((m, i) => ({ name: m.name, rated: dto.selfRatedThisQuarter?.[i] ?? 0 }))
    .sort((a, b) => a.rated - b.rated || a.name.localeCompare(b.name));
  const notStarted = rows.filter((r) => r.rated === 0);
  return (
    <Section titleId="cycle-title" title={t("progressTitle", { quarter: dto.currentQuarter })}>
      {notStarted.length > 0 ? (
        <p className="mt-1 text-sm">
          <span className="font-medium text-amber-800">{t("notRated")}</span>
          {t("notRatedNames", { names: notStarted.map((r) => r.name).join(t("namesSeparator")) })}
        </p>
      ) : (
        <p className="mt-1 text-sm text-muted-foreground">{t("allDone")}</p>
      )}
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground">
        {rows.map((r) => (
          <li key={r.name}>
            {r.name}:{" "}
            <span className="tabular-nums">{t("progressLine", { rated: r.rated, total: dto.skills.length })}</span>
          </li>
        ))}
      </ul>
    </Section>
  );
}

"use client";

import { useTranslations } from "next-intl";
import type { LegendCounts } from "@/lib/analytics/matrix";
import { NA_FILL, proficiencyColor, textColorOn } from "@/lib/charts/colors";

export function HeatmapLegend({ counts }: { counts: LegendCounts }) {
  const t = useTranslations();
  return (
    <figure aria-label={t("heatmap.legend")} className="flex flex-wrap items-center gap-x-4 gap-y-2 text-xs">
      <figcaption className="font-medium text-muted-foreground">{t("heatmap.legend")}</figcaption>
      {[0, 1, 2, 3, 4].map((v) => (
        <span key={v} className="flex items-center gap-1.5">
          <span className="grid h-5 w-5 place-items-center rounded text-[11px] font-medium" style={{ background: proficiencyColor(v), color: textColorOn(proficiencyColor(v)) }}>
            {v}
          </span>
          {t(`proficiency.${v as 0}`)} <span className="tabular-nums text-muted-foreground">({counts.byValue[v]})</span>
        </span>
      ))}
      <span className="flex items-center gap-1.5">
        <span className="h-5 w-5 rounded border border-dashed border-[#b8bcc8] bg-white" />
        {t("heatmap.unrated")} <span className="tabular-nums text-muted-foreground">({counts.unrated})</span>
      </span>
      <span className="flex items-center gap-1.5">
        <span
          className="grid h-5 w-5 place-items-center rounded text-[11px]"
          style={{ background: `repeating-linear-gradient(45deg, ${NA_FILL}, ${NA_FILL} 3px, #9aa0ad 3px, #9aa0ad 4px)` }}
        >
          –
        </span>
        {t("heatmap.na")} <span className="tabular-nums text-muted-foreground">({counts.notApplicable})</span>
      </span>
    </figure>
  );
}

"use client";

import { useTranslations } from "next-intl";

import type { LegendCounts } from "@/lib/analytics/matrix";
import { NA_FILL, palette, proficiencyColor, textColorOn } from "@/lib/charts/colors";

// The same diagonal hatch the grid draws over not-applicable cells.
const NA_HATCH = `repeating-linear-gradient(45deg, ${NA_FILL}, ${NA_FILL} 3px, ${palette.naHatch} 3px, ${palette.naHatch} 4px)`;

export function HeatmapLegend({ counts }: { counts: LegendCounts }) {
  const t = useTranslations();
  return (
    <figure aria-label={t("heatmap.legend")} className="flex flex-wrap items-center gap-x-4 gap-y-2 text-xs">
      <figcaption className="font-medium text-muted-foreground">{t("heatmap.legend")}</figcaption>
      {[0, 1, 2, 3, 4].map((v) => (
        <span key={v} className="flex items-center gap-1.5">
          <span
            className="grid h-5 w-5 place-items-center rounded text-[11px] font-medium"
            style={{ background: proficiencyColor(v), color: textColorOn(proficiencyColor(v)) }}
          >
            {v}
          </span>
          {t(`proficiency.${v as 0}`)} <span className="text-muted-foreground tabular-nums">({counts.byValue[v]})</span>
        </span>
      ))}
      <span className="flex items-center gap-1.5">
        <span
          className="h-5 w-5 rounded border border-dashed bg-white"
          style={{ borderColor: palette.unratedBorder }}
        />
        {t("heatmap.unrated")} <span className="text-muted-foreground tabular-nums">({counts.unrated})</span>
      </span>
      <span className="flex items-center gap-1.5">
        <span className="grid h-5 w-5 place-items-center rounded text-[11px]" style={{ background: NA_HATCH }}>
          –
        </span>
        {t("heatmap.na")} <span className="text-muted-foreground tabular-nums">({counts.notApplicable})</span>
      </span>
    </figure>
  );
}

import { scaleLinear } from "d3";
import { getTranslations } from "next-intl/server";

import { palette } from "@/lib/charts/colors";

/** How many held the skill at ≥ 3 at each of the last four quarters' ends: a table whose cells carry a bar. */
export async function SkillTrend({ trend }: { trend: { quarter: string; holders: number }[] }) {
  const t = await getTranslations("skillPage");
  const x = scaleLinear()
    .domain([0, Math.max(1, ...trend.map((p) => p.holders))])
    .range([0, 100]);
  return (
    <table className="mt-3 w-full max-w-md text-sm">
      <caption className="sr-only">{t("trendCaption")}</caption>
      <thead className="text-xs text-muted-foreground">
        <tr>
          <th scope="col" className="pe-3 text-left font-medium">
            {t("quarter")}
          </th>
          <th scope="col" className="text-left font-medium">
            {t("holdersAt3")}
          </th>
        </tr>
      </thead>
      <tbody>
        {trend.map((p, i) => (
          <tr key={p.quarter}>
            <th scope="row" className="py-1 pe-3 text-left font-normal whitespace-nowrap tabular-nums">
              {p.quarter}
              {i === trend.length - 1 && <span className="text-muted-foreground"> · {t("now")}</span>}
            </th>
            <td className="py-1">
              <div className="flex items-center gap-2">
                <div
                  aria-hidden
                  className="h-3 rounded-sm"
                  style={{ width: `${x(p.holders)}%`, minWidth: p.holders ? 2 : 0, background: palette.series }}
                />
                <span className="tabular-nums">{p.holders}</span>
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

"use client";

import { scaleLinear } from "d3";
import { useTranslations } from "next-intl";
import { useState } from "react";

import { ToggleButtons } from "@/components/ui/toggle-buttons";
import type { Distribution, LevelCounts } from "@/lib/analytics/skill-page";
import { palette, proficiencyColor, UNRATED_FILL } from "@/lib/charts/colors";
import { fitText, labelColumnWidth } from "@/lib/charts/text-width";
import { cn } from "@/lib/utils";

const LEVELS = [4, 3, 2, 1, 0] as const;
const FONT = 12;
const BAR_WIDTH = 300;
const ROW = 28;

type Bar = { key: string; label: string; count: number; fill: string; dashed: boolean };

/**
 * How many people stand at each level across the org, as bars (D3 scales,
 * React draws) or as a table per team. The table is always in the page for
 * screen readers; the toggle shows it to everyone.
 */
export function LevelDistribution({ distribution }: { distribution: Distribution }) {
  const t = useTranslations("skillPage");
  const tp = useTranslations("proficiency");
  const [view, setView] = useState<"chart" | "table">("chart");
  const level = (l: number) => `${l} ${tp(String(l) as "0")}`;
  const bars: Bar[] = [
    ...LEVELS.map((l) => ({
      key: String(l),
      label: level(l),
      count: distribution.org.levels[l]!,
      fill: proficiencyColor(l),
      dashed: false,
    })),
    { key: "none", label: t("notRated"), count: distribution.org.notRated, fill: UNRATED_FILL, dashed: true },
  ];
  return (
    <div className="space-y-3">
      <div role="group" aria-label={t("view")} className="flex gap-1">
        <ToggleButtons
          options={[
            { value: "chart", label: t("viewChart") },
            { value: "table", label: t("viewTable") },
          ]}
          value={view}
          onChange={setView}
        />
      </div>
      {view === "chart" && (
        <>
          {/* Names beside the bars, or above them on phones (where a wide chart would shrink its text away). */}
          <Bars bars={bars} label={t("chartLabel", { total: distribution.org.total })} className="hidden sm:block" />
          <Bars bars={bars} label={t("chartLabel", { total: distribution.org.total })} stacked className="sm:hidden" />
        </>
      )}
      {view === "chart" ? (
        <div className="sr-only">
          <DistributionTable distribution={distribution} level={level} />
        </div>
      ) : (
        // A wide table scrolls sideways on a phone; the scroller takes focus so keyboards can scroll it.
        <div tabIndex={0} role="region" aria-label={t("tableCaption")} className="overflow-x-auto">
          <DistributionTable distribution={distribution} level={level} />
        </div>
      )}
    </div>
  );
}

function Bars({
  bars,
  label,
  stacked = false,
  className,
}: {
  bars: Bar[];
  label: string;
  stacked?: boolean;
  className: string;
}) {
  const labelWidth = stacked
    ? 0
    : labelColumnWidth(
        bars.map((b) => b.label),
        FONT,
        { min: 60, max: 220 },
      );
  const barWidth = stacked ? 260 : BAR_WIDTH;
  const barX = stacked ? 0 : labelWidth + 10;
  const row = stacked ? 44 : ROW;
  const barTop = stacked ? 20 : 3;
  const max = Math.max(1, ...bars.map((b) => b.count));
  const x = scaleLinear().domain([0, max]).range([0, barWidth]);
  const width = barX + barWidth + 40;
  return (
    <svg
      viewBox={`0 0 ${width} ${bars.length * row + 4}`}
      className={cn("w-full", className)}
      style={{ maxWidth: width }}
      role="img"
      aria-label={label}
    >
      {bars.map((b, i) => {
        const name = fitText(b.label, stacked ? width : labelWidth, FONT);
        const w = Math.max(b.count > 0 ? 2 : 0, x(b.count));
        return (
          <g key={b.key} transform={`translate(0,${i * row + 2})`}>
            <text
              x={stacked ? 0 : labelWidth}
              y={stacked ? 13 : 16}
              textAnchor={stacked ? "start" : "end"}
              className="fill-current text-[12px]"
            >
              {name.truncated && <title>{b.label}</title>}
              {name.text}
            </text>
            <rect
              x={barX}
              y={barTop}
              width={w}
              height={18}
              rx={2}
              fill={b.fill}
              stroke={b.dashed ? palette.unratedBorder : "none"}
              strokeDasharray={b.dashed ? "3 2" : undefined}
            />
            <text x={barX + w + 6} y={barTop + 13} className="fill-current text-[12px] font-medium tabular-nums">
              {b.count}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function DistributionTable({ distribution, level }: { distribution: Distribution; level: (l: number) => string }) {
  const t = useTranslations("skillPage");
  const row = (key: string, name: string, c: LevelCounts, strong = false) => (
    <tr key={key} className="border-t border-border">
      <th scope="row" className={cn("py-1.5 pe-4 text-left", strong ? "font-semibold" : "font-normal")}>
        {name}
      </th>
      {LEVELS.map((l) => (
        <td key={l} className="py-1.5 pe-3 text-right tabular-nums">
          {c.levels[l]}
        </td>
      ))}
      <td className="py-1.5 pe-3 text-right tabular-nums">{c.notRated}</td>
      <td className="py-1.5 text-right tabular-nums">{c.total}</td>
    </tr>
  );
  return (
    <table className="text-sm">
      <caption className="sr-only">{t("tableCaption")}</caption>
      <thead className="text-xs text-muted-foreground">
        <tr>
          <th scope="col" className="pe-4 text-left font-medium">
            {t("team")}
          </th>
          {LEVELS.map((l) => (
            <th key={l} scope="col" className="pe-3 text-right font-medium">
              <abbr title={level(l)} className="no-underline">
                {l}
              </abbr>
            </th>
          ))}
          <th scope="col" className="pe-3 text-right font-medium">
            {t("notRatedShort")}
          </th>
          <th scope="col" className="text-right font-medium">
            {t("total")}
          </th>
        </tr>
      </thead>
      <tbody>
        {row("org", t("wholeOrg"), distribution.org, true)}
        {distribution.teams.map((team) => row(team.id, team.name, team))}
      </tbody>
    </table>
  );
}

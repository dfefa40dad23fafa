import { line, scaleLinear, scalePoint } from "d3";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";

import { palette, UNRATED_FILL } from "@/lib/charts/colors";
import { textColorOn } from "@/lib/charts/contrast";
import { gapColor } from "@/lib/charts/gap-scale";
import { estimateTextWidth, fitText, labelColumnWidth } from "@/lib/charts/text-width";
import type { TargetDto } from "@/lib/data/vision";

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** Every chart's table alternative: collapsed under the chart, same numbers in rows. */
function TableAlternative({ summary, head, children }: { summary: string; head: ReactNode; children: ReactNode }) {
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-muted-foreground">{summary}</summary>
      <table className="mt-2 text-left text-xs">
        <thead className="text-muted-foreground">{head}</thead>
        <tbody>{children}</tbody>
      </table>
    </details>
  );
}

/** One bar per target; the number is printed, so colour is not needed to read it. */
export async function ReadinessBars({ targets }: { targets: TargetDto[] }) {
  const t = await getTranslations("vision");
  return (
    <figure className="space-y-2">
      {/* Names beside the bars, or above them on phones (where a wide chart would shrink its text away). */}
      <BarsSvg targets={targets} label={t("readiness")} stacked={false} className="hidden sm:block" />
      <BarsSvg targets={targets} label={t("readiness")} stacked className="sm:hidden" />
      <TableAlternative
        summary={t("readinessTable")}
        head={
          <tr>
            <th scope="col" className="pr-4">
              {t("target")}
            </th>
            <th scope="col">{t("readiness")}</th>
          </tr>
        }
      >
        {targets.map((target) => (
          <tr key={target.id} className="border-t border-border">
            <th scope="row" className="pr-4 font-normal">
              {target.name}
            </th>
            <td className="tabular-nums">{pct(target.readiness)}</td>
          </tr>
        ))}
      </TableAlternative>
    </figure>
  );
}

const BAR_WIDTH = 360;
const BAR_FONT = 12;
const barFill = (readiness: number) =>
  readiness >= 1 ? palette.ready : readiness >= 0.5 ? palette.halfReady : palette.farOff;

function BarsSvg({
  targets,
  label,
  stacked,
  className,
}: {
  targets: TargetDto[];
  label: string;
  stacked: boolean;
  className: string;
}) {
  // Beside the bars the name column is as wide as the longest name (within
  // bounds); above them names may take the chart's width. Longer names are
  // shortened, in full in a <title>.
  const labelWidth = stacked
    ? 0
    : labelColumnWidth(
        targets.map((tg) => tg.name),
        BAR_FONT,
        { min: 60, max: 240 },
      );
  const bar = stacked ? 0 : labelWidth + 10;
  const total = bar + BAR_WIDTH + 8 + estimateTextWidth("100%", BAR_FONT, { bold: true }) + 4;
  const rowHeight = stacked ? 46 : 30;
  const barTop = stacked ? 20 : 2;
  const x = scaleLinear().domain([0, 1]).range([0, BAR_WIDTH]);
  return (
    <svg
      viewBox={`0 0 ${total} ${targets.length * rowHeight + 10}`}
      className={`w-full ${className}`}
      style={{ maxWidth: total }}
      role="img"
      aria-label={label}
    >
      {targets.map((target, i) => {
        const name = fitText(target.name, stacked ? total : labelWidth, BAR_FONT);
        return (
          <g key={target.id} transform={`translate(0,${i * rowHeight + 5})`}>
            <text
              x={stacked ? 0 : labelWidth}
              y={13}
              textAnchor={stacked ? "start" : "end"}
              className="fill-current text-[12px]"
            >
              {name.truncated && <title>{target.name}</title>}
              {name.text}
            </text>
            <rect x={bar} y={barTop} width={BAR_WIDTH} height={18} rx={3} className="fill-muted" />
            <rect
              x={bar}
              y={barTop}
              width={x(Math.min(1, target.readiness))}
              height={18}
              rx={3}
              fill={barFill(target.readiness)}
            />
            <line
              x1={bar + x(1)}
              x2={bar + x(1)}
              y1={barTop - 2}
              y2={barTop + 20}
              stroke="currentColor"
              strokeOpacity={0.3}
            />
            <text x={bar + BAR_WIDTH + 8} y={barTop + 13} className="fill-current text-[12px] font-medium tabular-nums">
              {pct(target.readiness)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** Skills × targets, coverage − N on a diverging scale centred on zero (orange short, purple surplus; the number is printed too). */
export async function GapHeatmap({ targets }: { targets: TargetDto[] }) {
  const t = await getTranslations("vision");
  const skills = [
    ...new Map(targets.flatMap((tg) => tg.requirements.map((r) => [r.skillKey, r.skillName] as const))).entries(),
  ];
  const cw = 64;
  const ch = 24;
  const font = 11;
  // Skill names set the left margin, target names (at −35°) the header's height and the right margin.
  const labelWidth = labelColumnWidth(
    skills.map(([, name]) => name),
    font,
    { min: 80, max: 360, pad: 8 },
  );
  const heads = targets.map((target) => fitText(target.name, 220, font));
  const headWidth = (i: number) => estimateTextWidth(heads[i]!.text, font);
  const [sin, cos] = [Math.sin((35 * Math.PI) / 180), Math.cos((35 * Math.PI) / 180)];
  const header = Math.ceil(Math.max(40, ...targets.map((_, i) => headWidth(i) * sin + font * cos)) + 10);
  const width = Math.ceil(
    Math.max(
      labelWidth + targets.length * cw,
      ...targets.map((_, i) => labelWidth + i * cw + cw / 2 + headWidth(i) * cos + font * sin),
    ) + 4,
  );
  const value = (target: TargetDto, key: string) =>
    target.requirements.find((r) => r.skillKey === key)?.balance ?? null;
  return (
    <figure className="space-y-2">
      <div className="overflow-x-auto">
        <svg width={width} height={header + skills.length * ch + 4} role="img" aria-label={t("gapHeatmap")}>
          {targets.map((target, i) => (
            <text
              key={target.id}
              transform={`translate(${labelWidth + i * cw + cw / 2},${header - 6}) rotate(-35)`}
              className="fill-current text-[11px]"
            >
              {heads[i]!.truncated && <title>{target.name}</title>}
              {heads[i]!.text}
            </text>
          ))}
          {skills.map(([key, name], r) => {
            const shown = fitText(name, labelWidth - 8, font);
            return (
              <g key={key} transform={`translate(0,${header + r * ch})`}>
                <text
                  x={labelWidth - 8}
                  y={ch / 2}
                  textAnchor="end"
                  dominantBaseline="middle"
                  className="fill-current text-[11px]"
                >
                  {shown.truncated && <title>{name}</title>}
                  {shown.text}
                </text>
                {targets.map((target, c) => {
                  const v = value(target, key);
                  const fill = v === null ? UNRATED_FILL : gapColor(v);
                  return (
                    <g key={target.id} transform={`translate(${labelWidth + c * cw},0)`}>
                      <title>{v === null ? t("notNeeded") : `${name} · ${target.name}: ${v > 0 ? "+" : ""}${v}`}</title>
                      <rect
                        x={1}
                        y={1}
                        width={cw - 2}
                        height={ch - 2}
                        rx={3}
                        fill={fill}
                        stroke={v === null ? palette.noValueBorder : "none"}
                      />
                      {v !== null && (
                        <text
                          x={cw / 2}
                          y={ch / 2 + 1}
                          textAnchor="middle"
                          dominantBaseline="middle"
                          fill={textColorOn(fill)}
                          className="text-[11px] font-medium tabular-nums"
                        >
                          {v > 0 ? `+${v}` : v === 0 ? "0 ✓" : v}
                        </text>
                      )}
                    </g>
                  );
                })}
              </g>
            );
          })}
        </svg>
      </div>
      <figcaption className="flex items-center gap-3 text-xs text-muted-foreground">
        <span>{t("gapHint")}</span>
        {[-3, -2, -1, 0, 1, 2, 3].map((v) => (
          <span
            key={v}
            className="grid h-5 w-8 place-items-center rounded text-[10px] tabular-nums"
            style={{ background: gapColor(v), color: textColorOn(gapColor(v)) }}
          >
            {v > 0 ? `+${v}` : v}
          </span>
        ))}
        <span>
          {t("short")} ↔ {t("met")} ↔ {t("surplus")}
        </span>
      </figcaption>
      <TableAlternative
        summary={t("gapTable")}
        head={
          <tr>
            <th scope="col" className="pr-4">
              {t("skill")}
            </th>
            {targets.map((target) => (
              <th key={target.id} scope="col" className="pr-3">
                {target.name}
              </th>
            ))}
          </tr>
        }
      >
        {skills.map(([key, name]) => (
          <tr key={key} className="border-t border-border">
            <th scope="row" className="pr-4 font-normal">
              {name}
            </th>
            {targets.map((target) => {
              const v = value(target, key);
              return (
                <td key={target.id} className="pr-3 tabular-nums">
                  {v === null ? "" : v > 0 ? `+${v}` : v}
                </td>
              );
            })}
          </tr>
        ))}
      </TableAlternative>
    </figure>
  );
}

/** Readiness of each target at the end of the last quarters: small multiples. */
export async function ReadinessTrend({ targets }: { targets: TargetDto[] }) {
  const t = await getTranslations("vision");
  const w = 240;
  const h = 96;
  return (
    <figure className="space-y-2">
      <ul className="grid gap-4 sm:grid-cols-2">
        {targets.map((target) => {
          const x = scalePoint<string>()
            .domain(target.trend.map((p) => p.quarter))
            .range([20, w - 20]);
          const y = scaleLinear()
            .domain([0, 1])
            .range([h - 16, 16]);
          const path = line<{ quarter: string; readiness: number }>()
            .x((p) => x(p.quarter) ?? 0)
            .y((p) => y(p.readiness))(target.trend);
          return (
            <li key={target.id} className="rounded-md border border-border p-2">
              <p className="truncate text-xs font-medium" title={target.name}>
                {target.name}
              </p>
              <svg
                viewBox={`0 0 ${w} ${h}`}
                className="w-full"
                role="img"
                aria-label={`${target.name}: ${target.trend.map((p) => `${p.quarter} ${pct(p.readiness)}`).join(", ")}`}
              >
                <line
                  x1={0}
                  x2={w}
                  y1={y(1)}
                  y2={y(1)}
                  stroke="currentColor"
                  strokeOpacity={0.2}
                  strokeDasharray="3 3"
                />
                <path d={path ?? ""} fill="none" stroke={palette.series} strokeWidth={2} />
                {target.trend.map((p) => (
                  <g key={p.quarter}>
                    <circle cx={x(p.quarter)} cy={y(p.readiness)} r={3} fill={palette.series} />
                    <text
                      x={x(p.quarter)}
                      y={y(p.readiness) - 6}
                      textAnchor="middle"
                      className="fill-current text-[9px] tabular-nums"
                    >
                      {pct(p.readiness)}
                    </text>
                    <text
                      x={x(p.quarter)}
                      y={h - 3}
                      textAnchor="middle"
                      className="fill-current text-[10px] text-muted-foreground"
                    >
                      {p.quarter.slice(2)}
                    </text>
                  </g>
                ))}
              </svg>
            </li>
          );
        })}
      </ul>
      <TableAlternative
        summary={t("trendTable")}
        head={
          <tr>
            <th scope="col" className="pr-4">
              {t("target")}
            </th>
            {targets[0]?.trend.map((p) => (
              <th key={p.quarter} scope="col" className="pr-3">
                {p.quarter}
              </th>
            ))}
          </tr>
        }
      >
        {targets.map((target) => (
          <tr key={target.id} className="border-t border-border">
            <th scope="row" className="pr-4 font-normal">
              {target.name}
            </th>
            {target.trend.map((p) => (
              <td key={p.quarter} className="pr-3 tabular-nums">
                {pct(p.readiness)}
              </td>
            ))}
          </tr>
        ))}
      </TableAlternative>
    </figure>
  );
}

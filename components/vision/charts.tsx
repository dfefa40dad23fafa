import { line, scaleLinear, scalePoint } from "d3";
import { getTranslations } from "next-intl/server";

import { FittedText, GridCell, SlantedHeads, slantedHeads } from "@/components/charts/grid-parts";
import { palette, UNRATED_FILL } from "@/lib/charts/colors";
import { textColorOn } from "@/lib/charts/contrast";
import { gapColor } from "@/lib/charts/gap-scale";
import { estimateTextWidth, fitText, labelColumnWidth } from "@/lib/charts/text-width";
import type { TargetDto } from "@/lib/data/vision";

const pct = (x: number) => `${Math.round(x * 100)}%`;

type Column = { key: string; label: string };
type Row = { key: string; name: string; cells: string[] };

/** Every chart's table alternative: collapsed under the chart, same numbers in rows (a name, then a cell a column). */
function TableAlternative({
  summary,
  nameHead,
  columns,
  rows,
}: {
  summary: string;
  nameHead: string;
  columns: Column[];
  rows: Row[];
}) {
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-muted-foreground">{summary}</summary>
      <table className="mt-2 text-left text-xs">
        <thead className="text-muted-foreground">
          <tr>
            <th scope="col" className="pr-4">
              {nameHead}
            </th>
            {columns.map((column) => (
              <th key={column.key} scope="col" className="pr-3">
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className="border-t border-border">
              <th scope="row" className="pr-4 font-normal">
                {row.name}
              </th>
              {row.cells.map((cell, i) => (
                <td key={columns[i]!.key} className="pr-3 tabular-nums">
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
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
        nameHead={t("target")}
        columns={[{ key: "readiness", label: t("readiness") }]}
        rows={targets.map((target) => ({ key: target.id, name: target.name, cells: [pct(target.readiness)] }))}
      />
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
  const slant = { angle: 35, left: labelWidth, cellWidth: cw };
  const { heads, header, width } = slantedHeads(
    targets.map((target) => target.name),
    { ...slant, fontSize: font, maxWidth: 220, pad: 10 },
  );
  const value = (target: TargetDto, key: string) =>
    target.requirements.find((r) => r.skillKey === key)?.balance ?? null;
  return (
    <figure className="space-y-2">
      <div className="overflow-x-auto">
        <svg width={width} height={header + skills.length * ch + 4} role="img" aria-label={t("gapHeatmap")}>
          <SlantedHeads
            {...slant}
            columns={targets.map((target) => ({ key: target.id, name: target.name }))}
            heads={heads}
            y={header - 6}
            className="fill-current text-[11px]"
          />
          {skills.map(([key, name], r) => (
            <g key={key} transform={`translate(0,${header + r * ch})`}>
              <FittedText
                full={name}
                shown={fitText(name, labelWidth - 8, font)}
                x={labelWidth - 8}
                y={ch / 2}
                textAnchor="end"
                dominantBaseline="middle"
                className="fill-current text-[11px]"
              />
              {targets.map((target, c) => {
                const v = value(target, key);
                return (
                  <GridCell
                    key={target.id}
                    x={labelWidth + c * cw}
                    width={cw}
                    height={ch}
                    fill={v === null ? UNRATED_FILL : gapColor(v)}
                    title={v === null ? t("notNeeded") : `${name} · ${target.name}: ${v > 0 ? "+" : ""}${v}`}
                    label={v === null ? null : v > 0 ? `+${v}` : v === 0 ? "0 ✓" : String(v)}
                    empty={v === null}
                    emptyBorder={palette.noValueBorder}
                    textClassName="text-[11px] font-medium tabular-nums"
                  />
                );
              })}
            </g>
          ))}
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
        nameHead={t("skill")}
        columns={targets.map((target) => ({ key: target.id, label: target.name }))}
        rows={skills.map(([key, name]) => ({
          key,
          name,
          cells: targets.map((target) => {
            const v = value(target, key);
            return v === null ? "" : v > 0 ? `+${v}` : String(v);
          }),
        }))}
      />
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
        nameHead={t("target")}
        columns={(targets[0]?.trend ?? []).map((p) => ({ key: p.quarter, label: p.quarter }))}
        rows={targets.map((target) => ({
          key: target.id,
          name: target.name,
          cells: target.trend.map((p) => pct(p.readiness)),
        }))}
      />
    </figure>
  );
}

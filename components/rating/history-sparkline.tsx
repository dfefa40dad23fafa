import { scaleLinear } from "d3";

import { palette } from "@/lib/charts/colors";
import type { HistoryPoint } from "@/lib/data/rating-sheet";

export type SparklineTerms = { self: string; lead: string; imported: string; na: string };

/** Past ratings as a tiny chart; the same points are read out in the label. Imported values are hollow. */
export function HistorySparkline({
  points,
  label,
  terms,
}: {
  points: HistoryPoint[];
  label: string;
  terms: SparklineTerms;
}) {
  const width = 84;
  const height = 22;
  const self = points.filter((p) => p.kind === "self");
  const manager = points.filter((p) => p.kind === "manager");
  const x = scaleLinear()
    .domain([0, Math.max(1, points.length - 1)])
    .range([3, width - 3]);
  const y = scaleLinear()
    .domain([0, 4])
    .range([height - 3, 3]);
  const index = new Map(points.map((p, i) => [p, i]));
  const selfPath = self
    .filter((p) => p.proficiency !== null)
    .map((p, i) => `${i === 0 ? "M" : "L"}${x(index.get(p)!).toFixed(1)},${y(p.proficiency!).toFixed(1)}`)
    .join("");
  const described = points
    .map(
      (p) =>
        `${p.quarter} ${p.kind === "manager" ? terms.lead : p.imported ? terms.imported : terms.self} ${p.notApplicable ? terms.na : p.proficiency}`,
    )
    .join(", ");
  return (
    <svg
      width={width}
      height={height}
      role="img"
      aria-label={`${label}: ${described || "—"}`}
      className="shrink-0 overflow-visible"
    >
      <title>{described}</title>
      <line x1={0} x2={width} y1={y(3)} y2={y(3)} stroke="currentColor" strokeOpacity={0.15} strokeDasharray="2 2" />
      {selfPath && <path d={selfPath} fill="none" stroke={palette.series} strokeWidth={1.5} />}
      {self.map((p, i) =>
        p.proficiency === null ? null : (
          <circle
            key={`s${i}`}
            cx={x(index.get(p)!)}
            cy={y(p.proficiency)}
            r={2}
            fill={p.imported ? "white" : palette.series}
            stroke={palette.series}
            strokeWidth={p.imported ? 1 : 0}
          />
        ),
      )}
      {manager.map((p, i) =>
        p.proficiency === null ? null : (
          <rect
            key={`m${i}`}
            x={x(index.get(p)!) - 2.5}
            y={y(p.proficiency) - 2.5}
            width={5}
            height={5}
            fill={palette.leadMarkerFill}
            stroke={palette.leadMarkerStroke}
            strokeWidth={1}
          />
        ),
      )}
    </svg>
  );
}

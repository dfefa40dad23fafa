"use client";

import { levelAccent } from "@/components/roadmap/level-accent";
import { textColorOn } from "@/lib/charts/colors";
import type { HeatmapDto } from "@/lib/data/heatmap";

import { headerHeight, type Geometry } from "./geometry";
import { bands, type Column } from "./model";

const truncate = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Level and category bands (categories collapse on click / Enter) and the skills' names. */
export function HeatmapHeader({
  dto,
  columns,
  geometry: g,
  grouped,
  collapsed,
  onToggle,
  labels,
}: {
  dto: HeatmapDto;
  columns: Column[];
  geometry: Geometry;
  grouped: boolean;
  collapsed: Set<number>;
  onToggle: (category: number) => void;
  labels: { collapse: (name: string) => string; expand: (name: string) => string; mean: (name: string) => string };
}) {
  const width = g.labelWidth + columns.length * g.cw + 120;
  const categoryOf = (c: Column) => (c.kind === "skill" ? dto.skills[c.skill]!.categoryIndex : c.category);
  const levelOf = (c: Column) =>
    c.kind === "skill" ? dto.skills[c.skill]!.levelPosition : dto.categories[c.category]!.levelPosition;
  const x = (i: number) => g.labelWidth + i * g.cw;
  // Grid rows of column headers (the grid's first column, people's names, has none):
  // categories (buttons that collapse them) when grouped, then skills. Level bands are decoration.
  return (
    <svg width={width} height={headerHeight(g)} className="block overflow-visible" role="none">
      <g aria-hidden="true">
        {bands(columns, levelOf).map((b) => (
          <g key={`l${b.start}`}>
            <rect
              x={x(b.start)}
              y={0}
              width={(b.end - b.start) * g.cw - 1}
              height={g.levelBand - 3}
              fill={levelAccent(b.key, dto.levels.length)}
              rx={3}
            />
            <text
              x={x(b.start) + 4}
              y={g.levelBand - 7}
              fill={textColorOn(levelAccent(b.key, dto.levels.length))}
              className="text-[11px] font-medium"
            >
              {truncate(
                dto.levels.find((l) => l.position === b.key)?.name ?? "",
                Math.max(2, Math.floor(((b.end - b.start) * g.cw) / 7)),
              )}
            </text>
          </g>
        ))}
      </g>
      {grouped && (
        <g role="row" aria-rowindex={1}>
          {bands(columns, categoryOf).map((b) => {
            const name = dto.categories[b.key]!.name;
            const isCollapsed = collapsed.has(b.key);
            return (
              <g key={`c${b.start}`} role="columnheader" aria-colindex={b.start + 2} aria-colspan={b.end - b.start}>
                <g
                  role="button"
                  tabIndex={0}
                  aria-expanded={!isCollapsed}
                  aria-label={isCollapsed ? labels.expand(name) : labels.collapse(name)}
                  className="cursor-pointer outline-none [&:focus-visible>rect]:stroke-[var(--color-ring)] [&:focus-visible>rect]:stroke-2"
                  onClick={() => onToggle(b.key)}
                  onKeyDown={(e) => {
                    if (e.key === "Enter" || e.key === " ") {
                      e.preventDefault();
                      e.stopPropagation();
                      onToggle(b.key);
                    }
                  }}
                >
                  <title>{name}</title>
                  <rect
                    x={x(b.start)}
                    y={g.levelBand}
                    width={(b.end - b.start) * g.cw - 1}
                    height={g.categoryBand - 4}
                    className="fill-muted stroke-border"
                    rx={3}
                  />
                  <text x={x(b.start) + 3} y={g.levelBand + g.categoryBand - 9} className="fill-current text-[10px]">
                    {isCollapsed ? "▸" : "▾"}{" "}
                    {truncate(name, Math.max(0, Math.floor(((b.end - b.start) * g.cw - 14) / 6)))}
                  </text>
                </g>
              </g>
            );
          })}
        </g>
      )}
      <g role="row" aria-rowindex={grouped ? 2 : 1}>
        {columns.map((c, i) => {
          const name = c.kind === "skill" ? dto.skills[c.skill]!.name : labels.mean(dto.categories[c.category]!.name);
          const cx = x(i) + g.cw / 2;
          const y = headerHeight(g) - 4;
          return (
            <text
              key={i}
              role="columnheader"
              aria-colindex={i + 2}
              aria-label={name}
              transform={`translate(${cx},${y}) rotate(-55)`}
              className={`fill-current text-[10px] ${c.kind === "category" ? "italic" : ""}`}
            >
              <title>{name}</title>
              {truncate(name, 30)}
            </text>
          );
        })}
      </g>
    </svg>
  );
}

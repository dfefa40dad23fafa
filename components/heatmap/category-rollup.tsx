"use client";

import { useTranslations } from "next-intl";

import { FittedText, GridCell, SlantedHeads, slantedHeads } from "@/components/charts/grid-parts";
import { Section } from "@/components/ui/section";
import { meanColor, palette } from "@/lib/charts/colors";
import { fitText, labelColumnWidth } from "@/lib/charts/text-width";
import type { HeatmapDto } from "@/lib/data/heatmap";

import { personName, type Model } from "./model";

/** Members × categories, mean proficiency: the team at a glance. */
export function CategoryRollup({ dto, model }: { dto: HeatmapDto; model: Model }) {
  const t = useTranslations("heatmap");
  const cw = 30;
  const ch = 22;
  const rows = model.rows.slice(0, 400);
  // Margins from the longest names: people on the left, categories (at −55°) above and to the right.
  const names = rows.map((row) => personName(dto.members[row]!, t("leftSuffix")));
  const labelWidth = labelColumnWidth(names, 11, { min: 80, max: 240, pad: 12 });
  const slant = { angle: 55, left: labelWidth, cellWidth: cw };
  const { heads, header, width } = slantedHeads(
    dto.categories.map((c) => c.name),
    { ...slant, fontSize: 10, maxWidth: 170, pad: 8 },
  );
  return (
    <Section titleId="rollup-title" title={t("rollup")} description={t("rollupHint")}>
      <div className="mt-2 max-h-[70vh] overflow-auto">
        <svg width={width} height={header + rows.length * ch} role="img" aria-label={t("rollup")}>
          <SlantedHeads
            {...slant}
            columns={dto.categories}
            heads={heads}
            y={header - 4}
            className="fill-current text-[10px]"
          />
          {rows.map((row, r) => (
            <g key={`${row}-${r}`} transform={`translate(0,${header + r * ch})`}>
              <FittedText
                full={names[r]!}
                shown={fitText(names[r]!, labelWidth - 10, 11)}
                x={labelWidth - 6}
                y={ch / 2}
                textAnchor="end"
                dominantBaseline="middle"
                className="fill-current text-[11px]"
              />
              {dto.categories.map((c, i) => {
                const mean = model.rollup[row * dto.categories.length + i] ?? null;
                return (
                  <GridCell
                    key={c.key}
                    x={labelWidth + i * cw}
                    width={cw}
                    height={ch}
                    rx={2}
                    fill={meanColor(mean)}
                    title={`${names[r]!} · ${c.name}: ${mean === null ? "—" : mean.toFixed(1)}`}
                    label={mean === null ? null : mean.toFixed(1)}
                    empty={mean === null}
                    emptyBorder={palette.emptyBorder}
                    dashed
                    textClassName="text-[9px] tabular-nums"
                  />
                );
              })}
            </g>
          ))}
        </svg>
      </div>
    </Section>
  );
}

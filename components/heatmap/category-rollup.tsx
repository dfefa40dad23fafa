"use client";

import { useTranslations } from "next-intl";

import { Section } from "@/components/ui/section";
import { meanColor, palette, textColorOn } from "@/lib/charts/colors";
import { estimateTextWidth, fitText, labelColumnWidth } from "@/lib/charts/text-width";
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
  const heads = dto.categories.map((c) => fitText(c.name, 170, 10));
  const [sin, cos] = [Math.sin((55 * Math.PI) / 180), Math.cos((55 * Math.PI) / 180)];
  const headWidths = heads.map((h) => estimateTextWidth(h.text, 10));
  const header = Math.ceil(Math.max(40, ...headWidths.map((w) => w * sin + 10 * cos)) + 8);
  const width = Math.ceil(
    Math.max(
      labelWidth + dto.categories.length * cw,
      ...headWidths.map((w, i) => labelWidth + i * cw + cw / 2 + w * cos + 10 * sin),
    ) + 4,
  );
  return (
    <Section titleId="rollup-title" title={t("rollup")} description={t("rollupHint")}>
      <div className="mt-2 max-h-[70vh] overflow-auto">
        <svg width={width} height={header + rows.length * ch} role="img" aria-label={t("rollup")}>
          {dto.categories.map((c, i) => (
            <text
              key={c.key}
              transform={`translate(${labelWidth + i * cw + cw / 2},${header - 4}) rotate(-55)`}
              className="fill-current text-[10px]"
            >
              {heads[i]!.truncated && <title>{c.name}</title>}
              {heads[i]!.text}
            </text>
          ))}
          {rows.map((row, r) => (
            <g key={`${row}-${r}`} transform={`translate(0,${header + r * ch})`}>
              <RowName name={names[r]!} x={labelWidth - 6} y={ch / 2} width={labelWidth - 10} />
              {dto.categories.map((c, i) => {
                const mean = model.rollup[row * dto.categories.length + i] ?? null;
                const fill = meanColor(mean);
                return (
                  <g key={c.key} transform={`translate(${labelWidth + i * cw},0)`}>
                    <title>{`${names[r]!} · ${c.name}: ${mean === null ? "—" : mean.toFixed(1)}`}</title>
                    <rect
                      x={1}
                      y={1}
                      width={cw - 2}
                      height={ch - 2}
                      rx={2}
                      fill={fill}
                      stroke={mean === null ? palette.emptyBorder : "none"}
                      strokeDasharray={mean === null ? "2 2" : undefined}
                    />
                    {mean !== null && (
                      <text
                        x={cw / 2}
                        y={ch / 2 + 1}
                        textAnchor="middle"
                        dominantBaseline="middle"
                        fill={textColorOn(fill)}
                        className="text-[9px] tabular-nums"
                      >
                        {mean.toFixed(1)}
                      </text>
                    )}
                  </g>
                );
              })}
            </g>
          ))}
        </svg>
      </div>
    </Section>
  );
}

function RowName({ name, x, y, width }: { name: string; x: number; y: number; width: number }) {
  const shown = fitText(name, width, 11);
  return (
    <text x={x} y={y} textAnchor="end" dominantBaseline="middle" className="fill-current text-[11px]">
      {shown.truncated && <title>{name}</title>}
      {shown.text}
    </text>
  );
}

"use client";

import { useTranslations } from "next-intl";
import type { HeatmapDto } from "@/lib/data/heatmap";
import { meanColor, textColorOn } from "./colors";
import type { Model } from "./model";

/** Members × categories, mean proficiency: the team at a glance. */
export function CategoryRollup({ dto, model }: { dto: HeatmapDto; model: Model }) {
  const t = useTranslations("heatmap");
  const cw = 30;
  const ch = 22;
  const labelWidth = 150;
  const header = 150;
  const rows = model.rows.slice(0, 400);
  return (
    <section aria-labelledby="rollup-title" className="rounded-lg border border-border bg-card p-4 shadow-sm">
      <h2 id="rollup-title" className="font-semibold">{t("rollup")}</h2>
      <p className="text-xs text-muted-foreground">{t("rollupHint")}</p>
      <div className="mt-2 max-h-[70vh] overflow-auto">
        <svg width={labelWidth + dto.categories.length * cw + 80} height={header + rows.length * ch} role="img" aria-label={t("rollup")}>
          {dto.categories.map((c, i) => (
            <text key={c.key} transform={`translate(${labelWidth + i * cw + cw / 2},${header - 4}) rotate(-55)`} className="fill-current text-[10px]">
              <title>{c.name}</title>
              {c.name.length > 24 ? `${c.name.slice(0, 23)}…` : c.name}
            </text>
          ))}
          {rows.map((row, r) => (
            <g key={`${row}-${r}`} transform={`translate(0,${header + r * ch})`}>
              <text x={labelWidth - 6} y={ch / 2} textAnchor="end" dominantBaseline="middle" className="fill-current text-[11px]">
                {dto.members[row]!.name}
              </text>
              {dto.categories.map((c, i) => {
                const mean = model.rollup[row * dto.categories.length + i] ?? null;
                const fill = meanColor(mean);
                return (
                  <g key={c.key} transform={`translate(${labelWidth + i * cw},0)`}>
                    <title>{`${dto.members[row]!.name} · ${c.name}: ${mean === null ? "—" : mean.toFixed(1)}`}</title>
                    <rect x={1} y={1} width={cw - 2} height={ch - 2} rx={2} fill={fill} stroke={mean === null ? "#c5c9d3" : "none"} strokeDasharray={mean === null ? "2 2" : undefined} />
                    {mean !== null && (
                      <text x={cw / 2} y={ch / 2 + 1} textAnchor="middle" dominantBaseline="middle" fill={textColorOn(fill)} className="text-[9px] tabular-nums">
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
    </section>
  );
}

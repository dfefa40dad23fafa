"use client";

import { useTranslations } from "next-intl";

import { Section } from "@/components/ui/section";
import { coverageRisk } from "@/lib/analytics/matrix";
import { palette } from "@/lib/charts/colors";
import type { HeatmapDto } from "@/lib/data/heatmap";

import type { Geometry } from "./geometry";
import type { Model } from "./model";

const RISK_COLORS = {
  missing: { box: { fill: palette.missingFill, stroke: palette.missingStroke }, ink: palette.missingInk },
  single: { box: { fill: palette.singleFill, stroke: palette.singleStroke }, ink: palette.singleInk },
} as const;

/** Under the grid, aligned with its columns: people at ≥ 3 and ≥ 4 per skill. */
export function CoverageStrip({ dto, model, geometry: g }: { dto: HeatmapDto; model: Model; geometry: Geometry }) {
  const t = useTranslations("heatmap");
  // Counts above 99 do not fit a cell (the org view): show the share of people in %.
  const people = model.rows.length;
  const percent = people > 99;
  const shown = (n: number) => (percent ? Math.round((100 * n) / people) : n);
  const size = percent ? "text-[9px]" : "text-[11px]";
  return (
    <div className="overflow-x-auto" aria-label={t("coverage")} role="group">
      {percent && <p className="mb-1 text-xs text-muted-foreground">{t("coveragePercent", { people })}</p>}
      <svg width={g.labelWidth + model.columns.length * g.cw + 10} height={46} className="block">
        <text x={g.labelWidth - 8} y={14} textAnchor="end" className="fill-current text-[11px]">
          {t("atLeast3")}
        </text>
        <text x={g.labelWidth - 8} y={34} textAnchor="end" className="fill-current text-[11px]">
          {t("atLeast4")}
        </text>
        {model.columns.map((col, i) => {
          if (col.kind !== "skill") return null;
          const c = model.coverage[col.skill]!;
          const risk = coverageRisk(c);
          const x = g.labelWidth + i * g.cw;
          return (
            <g key={i}>
              <title>{`${dto.skills[col.skill]!.name}: ≥3 ${c.atLeast3}, ≥4 ${c.atLeast4}`}</title>
              {risk && <rect x={x + 1} y={1} width={g.cw - 2} height={20} rx={3} {...RISK_COLORS[risk].box} />}
              <text
                x={x + g.cw / 2}
                y={14}
                textAnchor="middle"
                className={`${size} tabular-nums ${risk ? "font-bold" : ""}`}
                fill={risk ? RISK_COLORS[risk].ink : "currentColor"}
              >
                {risk === "missing" ? "✕" : shown(c.atLeast3)}
              </text>
              <text
                x={x + g.cw / 2}
                y={34}
                textAnchor="middle"
                className={`fill-current ${size} text-muted-foreground tabular-nums`}
              >
                {shown(c.atLeast4)}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}

/** The call-outs: skills nobody holds at ≥ 3, and skills exactly one person holds (named). */
export function CoverageRisks({ dto, model }: { dto: HeatmapDto; model: Model }) {
  const t = useTranslations("heatmap");
  const skills = model.columns.flatMap((c) => (c.kind === "skill" ? [c.skill] : []));
  const missing = skills.filter((s) => coverageRisk(model.coverage[s]!) === "missing");
  const single = skills.filter((s) => coverageRisk(model.coverage[s]!) === "single");
  return (
    <Section titleId="risks-title" title={t(dto.scope.kind === "org" ? "risksOrg" : "risks")}>
      {missing.length + single.length === 0 ? (
        <p className="mt-2 text-sm text-muted-foreground">{t("noRisks")}</p>
      ) : (
        <div className="mt-3 grid gap-4 md:grid-cols-2">
          <div>
            <h3 className="flex items-center gap-2 text-sm font-medium text-red-800">
              <span
                aria-hidden
                className="grid h-5 w-5 place-items-center rounded border border-red-700 bg-red-50 text-xs"
              >
                ✕
              </span>
              {t("missing")} ({missing.length})
            </h3>
            <ul className="mt-2 space-y-1 text-sm">
              {missing.map((s) => (
                <li key={s}>{dto.skills[s]!.name}</li>
              ))}
            </ul>
          </div>
          <div>
            <h3 className="flex items-center gap-2 text-sm font-medium text-amber-800">
              <span
                aria-hidden
                className="grid h-5 w-5 place-items-center rounded border border-amber-700 bg-amber-50 text-xs"
              >
                1
              </span>
              {t("single")} ({single.length})
            </h3>
            <ul className="mt-2 space-y-1 text-sm">
              {single.map((s) => (
                <li key={s}>
                  {dto.skills[s]!.name}{" "}
                  <span className="text-muted-foreground">
                    — {t("heldBy", { name: dto.members[model.coverage[s]!.holders[0]!]!.name })}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
    </Section>
  );
}

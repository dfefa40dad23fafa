"use client";

import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { QuarterSelect } from "@/components/cycles/quarter-select";
import { Button } from "@/components/ui/button";
import type { MemberSort, SkillSort, Source } from "@/lib/analytics/matrix";
import type { HeatmapDto } from "@/lib/data/heatmap";
import { CategoryRollup } from "./category-rollup";
import { CoverageRisks, CoverageStrip } from "./coverage";
import { geometryFor } from "./geometry";
import { HeatmapGrid } from "./heatmap-grid";
import { HeatmapTable } from "./heatmap-table";
import { HeatmapLegend } from "./legend";
import { buildModel, rowLabel } from "./model";

const select = "h-8 rounded-md border border-border bg-card px-2 text-sm text-foreground";

export function HeatmapView({ dto }: { dto: HeatmapDto }) {
  const t = useTranslations("heatmap");
  const [source, setSource] = useState<Source>("effective");
  const [memberSort, setMemberSort] = useState<MemberSort>("name");
  const [skillSort, setSkillSort] = useState<SkillSort>("category");
  const [level, setLevel] = useState<number | "all">("all");
  const [category, setCategory] = useState<number | "all">("all");
  const [memberQuery, setMemberQuery] = useState("");
  const [collapsed, setCollapsed] = useState<Set<number>>(new Set());
  const [view, setView] = useState<"chart" | "table">("chart");
  const [showRollup, setShowRollup] = useState(false);

  const model = useMemo(
    () => buildModel(dto, { source, memberSort, skillSort, level, category, memberQuery, collapsed }),
    [dto, source, memberSort, skillSort, level, category, memberQuery, collapsed],
  );
  const labels = useMemo(() => dto.members.map((_, row) => rowLabel(dto, row, t("leftSuffix"))), [dto, t]);
  const geometry = geometryFor(model.rows.length * model.columns.length, labels);
  const toggle = (c: number) =>
    setCollapsed((s) => {
      const next = new Set(s);
      if (next.has(c)) next.delete(c);
      else next.add(c);
      return next;
    });

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end gap-x-5 gap-y-3 rounded-lg border border-border bg-card p-4 shadow-sm">
        <div role="group" aria-label={t("source")} className="space-y-1">
          <p className="text-xs text-muted-foreground">{t("source")}</p>
          <div className="flex gap-1">
            {(["self", "validated", "effective"] as const).map((s) => (
              <Button key={s} size="sm" variant={source === s ? "default" : "outline"} aria-pressed={source === s} onClick={() => setSource(s)}>
                {t(`source${s[0]!.toUpperCase()}${s.slice(1)}` as "sourceSelf")}
              </Button>
            ))}
          </div>
        </div>
        <QuarterSelect quarter={dto.quarter} quarters={dto.quarters} currentQuarter={dto.currentQuarter} label={t("quarter")} />
        <label className="space-y-1 text-xs text-muted-foreground">
          <span className="block">{t("sortMembers")}</span>
          <select aria-label={t("sortMembers")} className={select} value={memberSort} onChange={(e) => setMemberSort(e.target.value as MemberSort)}>
            <option value="name">{t("sortByName")}</option>
            <option value="level">{t("sortByLevel")}</option>
            <option value="total">{t("sortByTotal")}</option>
          </select>
        </label>
        <label className="space-y-1 text-xs text-muted-foreground">
          <span className="block">{t("sortSkills")}</span>
          <select aria-label={t("sortSkills")} className={select} value={skillSort} onChange={(e) => setSkillSort(e.target.value as SkillSort)}>
            <option value="category">{t("sortByCategory")}</option>
            <option value="coverage">{t("sortByCoverage")}</option>
          </select>
        </label>
        <label className="space-y-1 text-xs text-muted-foreground">
          <span className="block">{t("level")}</span>
          <select aria-label={t("level")} className={select} value={String(level)} onChange={(e) => setLevel(e.target.value === "all" ? "all" : Number(e.target.value))}>
            <option value="all">{t("all")}</option>
            {dto.levels.map((l) => (
              <option key={l.key} value={l.position}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
        <label className="space-y-1 text-xs text-muted-foreground">
          <span className="block">{t("category")}</span>
          <select aria-label={t("category")} className={`${select} max-w-56`} value={String(category)} onChange={(e) => setCategory(e.target.value === "all" ? "all" : Number(e.target.value))}>
            <option value="all">{t("all")}</option>
            {dto.categories.map((c, i) =>
              level === "all" || c.levelPosition === level ? (
                <option key={c.key} value={i}>
                  {c.name}
                </option>
              ) : null,
            )}
          </select>
        </label>
        <label className="space-y-1 text-xs text-muted-foreground">
          <span className="block">{t("member")}</span>
          <input aria-label={t("member")} className={`${select} w-44`} placeholder={t("memberPlaceholder")} value={memberQuery} onChange={(e) => setMemberQuery(e.target.value)} />
        </label>
        <div role="group" aria-label={t("view")} className="ml-auto space-y-1">
          <p className="text-xs text-muted-foreground">{t("view")}</p>
          <div className="flex gap-1">
            {(["chart", "table"] as const).map((v) => (
              <Button key={v} size="sm" variant={view === v ? "default" : "outline"} aria-pressed={view === v} onClick={() => setView(v)}>
                {v === "chart" ? t("viewChart") : t("viewTable")}
              </Button>
            ))}
          </div>
        </div>
      </div>

      {view === "chart" ? (
        <>
          <HeatmapLegend counts={model.legend} />
          {!geometry.glyphs && <p className="text-xs text-muted-foreground">{t("canvasNote", { cells: model.rows.length * model.columns.length })}</p>}
          <HeatmapGrid dto={dto} model={model} geometry={geometry} grouped={skillSort === "category"} collapsed={collapsed} onToggleCategory={toggle} />
          <div>
            <h2 className="text-sm font-semibold">{t("coverage")}</h2>
            <p className="mb-1 text-xs text-muted-foreground">{t("coverageHint")}</p>
            <CoverageStrip dto={dto} model={model} geometry={geometry} />
          </div>
          <CoverageRisks dto={dto} model={model} />
          {dto.scope.kind === "org" && !showRollup ? (
            // At org scale the roll-up is thousands of SVG cells: drawn on request, so the heatmap comes first.
            <Button variant="outline" onClick={() => setShowRollup(true)}>
              {t("showRollup")}
            </Button>
          ) : (
            <CategoryRollup dto={dto} model={model} />
          )}
        </>
      ) : (
        <HeatmapTable dto={dto} model={model} />
      )}
    </div>
  );
}

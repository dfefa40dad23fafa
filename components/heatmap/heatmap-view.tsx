"use client";

import { useTranslations } from "next-intl";
import { useMemo, useState, type ComponentProps } from "react";

import { QuarterSelect } from "@/components/cycles/quarter-select";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NamedOptions, Select } from "@/components/ui/select";
import { ToggleButtons } from "@/components/ui/toggle-buttons";
import type { MemberSort, SkillSort, Source } from "@/lib/analytics/matrix";
import type { HeatmapDto } from "@/lib/data/heatmap";

import { CategoryRollup } from "./category-rollup";
import { CoverageRisks, CoverageStrip } from "./coverage";
import { geometryFor } from "./geometry";
import { HeatmapGrid } from "./heatmap-grid";
import { HeatmapTable } from "./heatmap-table";
import { HeatmapLegend } from "./legend";
import { buildModel, rowLabel } from "./model";

/** A drop-down of the toolbar: small, and named by its visible label. */
type ToolbarSelectProps = Omit<ComponentProps<typeof Select>, "onChange"> & {
  label: string;
  onPick: (value: string) => void;
};

function ToolbarSelect({ label, onPick, ...props }: ToolbarSelectProps) {
  return (
    <Field label={label}>
      <Select size="sm" aria-label={label} onChange={(e) => onPick(e.target.value)} {...props} />
    </Field>
  );
}

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
      <Card className="flex flex-wrap items-end gap-x-5 gap-y-3 p-4">
        <div role="group" aria-label={t("source")} className="space-y-1">
          <p className="text-xs text-muted-foreground">{t("source")}</p>
          <div className="flex gap-1">
            <ToggleButtons
              options={(["self", "validated", "effective"] as const).map((s) => ({
                value: s,
                label: t(`source${s[0]!.toUpperCase()}${s.slice(1)}` as "sourceSelf"),
              }))}
              value={source}
              onChange={setSource}
            />
          </div>
        </div>
        <QuarterSelect
          quarter={dto.quarter}
          quarters={dto.quarters}
          currentQuarter={dto.currentQuarter}
          label={t("quarter")}
        />
        <ToolbarSelect label={t("sortMembers")} value={memberSort} onPick={(v) => setMemberSort(v as MemberSort)}>
          <option value="name">{t("sortByName")}</option>
          <option value="level">{t("sortByLevel")}</option>
          <option value="total">{t("sortByTotal")}</option>
        </ToolbarSelect>
        <ToolbarSelect label={t("sortSkills")} value={skillSort} onPick={(v) => setSkillSort(v as SkillSort)}>
          <option value="category">{t("sortByCategory")}</option>
          <option value="coverage">{t("sortByCoverage")}</option>
        </ToolbarSelect>
        <ToolbarSelect label={t("level")} value={String(level)} onPick={(v) => setLevel(v === "all" ? "all" : +v)}>
          <option value="all">{t("all")}</option>
          <NamedOptions items={dto.levels} valueFor={(l) => l.position} />
        </ToolbarSelect>
        <ToolbarSelect
          label={t("category")}
          className="max-w-56"
          value={String(category)}
          onPick={(v) => setCategory(v === "all" ? "all" : +v)}
        >
          <option value="all">{t("all")}</option>
          {dto.categories.map((c, i) =>
            level === "all" || c.levelPosition === level ? (
              <option key={c.key} value={i}>
                {c.name}
              </option>
            ) : null,
          )}
        </ToolbarSelect>
        <Field label={t("member")}>
          <Input
            size="sm"
            aria-label={t("member")}
            className="w-44"
            placeholder={t("memberPlaceholder")}
            value={memberQuery}
            onChange={(e) => setMemberQuery(e.target.value)}
          />
        </Field>
        <div role="group" aria-label={t("view")} className="ml-auto space-y-1">
          <p className="text-xs text-muted-foreground">{t("view")}</p>
          <div className="flex gap-1">
            <ToggleButtons
              options={[
                { value: "chart", label: t("viewChart") },
                { value: "table", label: t("viewTable") },
              ]}
              value={view}
              onChange={setView}
            />
          </div>
        </div>
      </Card>

      {view === "chart" ? (
        <>
          <HeatmapLegend counts={model.legend} />
          {!geometry.glyphs && (
            <p className="text-xs text-muted-foreground">
              {t("canvasNote", { cells: model.rows.length * model.columns.length })}
            </p>
          )}
          <HeatmapGrid
            dto={dto}
            model={model}
            geometry={geometry}
            grouped={skillSort === "category"}
            collapsed={collapsed}
            onToggleCategory={toggle}
          />
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

"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useCallback, useMemo, useState, useTransition } from "react";

import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { NamedOptions, Select } from "@/components/ui/select";
import { ToggleButtons } from "@/components/ui/toggle-buttons";
import { useHydrated } from "@/components/ui/use-hydrated";
import { confirmStaleRatingsAction } from "@/lib/actions/ratings";
import { palette } from "@/lib/charts/colors";
import type { RatingSheetDto, SkillRatingDto } from "@/lib/data/rating-sheet";

import { SkillRatingRow } from "./skill-rating-row";

type Filter = "all" | "unrated" | "stale" | "discuss";

/**
 * Rows the server renders; the rest are rendered in the browser right after
 * hydration, from the sheet the page already carries. A roadmap has 60 skills
 * and more, each row a scale, a note and a history: rendering them all on the
 * server made /me the slowest page to serve by far (~40 ms, 360 KB of HTML),
 * for rows below the first screen.
 */
const SERVER_ROWS = 8;

export function RatingSheet({ sheet }: { sheet: RatingSheetDto }) {
  const t = useTranslations();
  const router = useRouter();
  const [filter, setFilter] = useState<Filter>("all");
  const [level, setLevel] = useState<string>("all");
  const [selfByKey, setSelfByKey] = useState<Record<string, SkillRatingDto["self"]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [confirming, startConfirm] = useTransition();
  const allRows = useHydrated();

  const all = useMemo(() => sheet.levels.flatMap((l) => l.categories.flatMap((c) => c.skills)), [sheet]);
  const selfOf = useCallback((s: SkillRatingDto) => (s.key in selfByKey ? selfByKey[s.key]! : s.self), [selfByKey]);
  // Rated this quarter by the member; an imported value waits for them to confirm it, like a stale one.
  const toConfirm = (self: SkillRatingDto["self"]) =>
    !!self && (!!self.imported || self.quarter !== sheet.currentQuarter);
  const rated = all.filter((s) => selfOf(s) && !toConfirm(selfOf(s))).length;
  const staleKeys = all.filter((s) => toConfirm(selfOf(s)));
  const unrated = all.filter((s) => !selfOf(s)).length;
  const onSelfChange = useCallback(
    (key: string, self: NonNullable<SkillRatingDto["self"]>) => setSelfByKey((m) => ({ ...m, [key]: self })),
    [],
  );

  const visible = (s: SkillRatingDto) => {
    const self = selfOf(s);
    if (filter === "unrated") return !self;
    if (filter === "stale") return toConfirm(self);
    if (filter === "discuss") return s.discrepancy;
    return true;
  };
  const scaleLabels = {
    na: t("me.na"),
    ...Object.fromEntries([0, 1, 2, 3, 4].map((n) => [String(n), t(`proficiency.${n as 0 | 1 | 2 | 3 | 4}`)])),
  };

  const levels = sheet.levels.filter((l) => level === "all" || l.key === level);
  const shown = levels.flatMap((l) => l.categories.flatMap((c) => c.skills.filter(visible)));
  const rendered = new Set((allRows ? shown : shown.slice(0, SERVER_ROWS)).map((s) => s.key));

  return (
    <div className="space-y-6">
      <Card className="p-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <div className="min-w-64 flex-1">
            <p className="text-sm font-medium" id="progress-label">
              {t("me.progress", { rated, total: all.length, quarter: sheet.currentQuarter })}
            </p>
            <div
              role="progressbar"
              aria-labelledby="progress-label"
              aria-valuemin={0}
              aria-valuemax={all.length}
              aria-valuenow={rated}
              className="mt-2 h-2 overflow-hidden rounded-full bg-muted"
            >
              <div
                className="h-full rounded-full transition-all"
                style={{ backgroundColor: palette.ready, width: `${all.length ? (rated / all.length) * 100 : 0}%` }}
              />
            </div>
            <p className="mt-1 text-xs text-muted-foreground">
              {t("me.progressDetail", { stale: staleKeys.length, unrated })}
            </p>
          </div>
          {staleKeys.length > 0 && (
            <div className="text-right">
              <Button
                variant="outline"
                disabled={confirming}
                title={t("me.confirmStaleHelp")}
                onClick={() =>
                  startConfirm(async () => {
                    const result = await confirmStaleRatingsAction({});
                    if (result.ok) {
                      setMessage(t("me.confirmed", { count: result.data.confirmed.length }));
                      setSelfByKey({});
                      router.refresh();
                    } else setMessage(result.error);
                  })
                }
              >
                ↻ {t("me.confirmStale", { count: staleKeys.length })}
              </Button>
            </div>
          )}
        </div>
        <p role="status" aria-live="polite" className="mt-2 min-h-4 text-sm text-muted-foreground">
          {message}
        </p>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <div role="group" aria-label={t("me.filter")} className="flex flex-wrap gap-1">
            <ToggleButtons
              options={(["all", "unrated", "stale", "discuss"] as const).map((f) => ({
                value: f,
                label: t(`me.filter${f[0]!.toUpperCase()}${f.slice(1)}` as "me.filterAll"),
              }))}
              value={filter}
              onChange={setFilter}
            />
          </div>
          <label className="flex items-center gap-2 text-sm text-muted-foreground">
            {t("me.level")}
            <Select size="sm" value={level} onChange={(e) => setLevel(e.target.value)}>
              <option value="all">{t("me.allLevels")}</option>
              <NamedOptions items={sheet.levels} />
            </Select>
          </label>
        </div>
      </Card>

      {shown.length === 0 && (
        <p className="rounded-lg border border-dashed border-border p-8 text-center text-muted-foreground">
          {t("me.empty")}
        </p>
      )}
      {levels.map((l) => {
        const categories = l.categories
          .map((c) => ({ ...c, skills: c.skills.filter((s) => visible(s) && rendered.has(s.key)) }))
          .filter((c) => c.skills.length > 0);
        if (categories.length === 0) return null;
        return (
          <section key={l.key} aria-labelledby={`lvl-${l.key}`} className="space-y-3">
            <h2 id={`lvl-${l.key}`} className="text-lg font-semibold tracking-tight">
              {l.name}
            </h2>
            {categories.map((c) => (
              <Card key={c.key} className="overflow-hidden">
                <h3 className="border-b border-border bg-muted px-4 py-2 text-sm font-medium">{c.name}</h3>
                <ul>
                  {c.skills.map((s) => (
                    <SkillRatingRow
                      key={`${s.key}:${s.self?.ratedAt ?? "none"}`}
                      skill={s}
                      currentQuarter={sheet.currentQuarter}
                      scaleLabels={scaleLabels}
                      onSelfChange={onSelfChange}
                    />
                  ))}
                </ul>
              </Card>
            ))}
          </section>
        );
      })}
      {!allRows && shown.length > SERVER_ROWS && (
        <p role="status" className="text-sm text-muted-foreground">
          {t("me.moreRows", { count: shown.length - SERVER_ROWS })}
        </p>
      )}
    </div>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import { saveMyRatingAction } from "@/app/(app)/me/actions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { SkillRatingDto } from "@/lib/data/rating-sheet";
import type { SavedRatingDto } from "@/lib/data/ratings";
import { hasDiscrepancy } from "@/lib/analytics/ratings";
import { cn } from "@/lib/utils";
import { HistorySparkline } from "./history-sparkline";
import { ProficiencyScale, type ScaleValue } from "./proficiency-scale";
import { type SaveStatus, useAutosave } from "./use-autosave";

type Self = NonNullable<SkillRatingDto["self"]>;
const statusTone: Record<SaveStatus, string> = {
  idle: "text-muted-foreground",
  pending: "text-muted-foreground",
  saving: "text-muted-foreground",
  saved: "text-muted-foreground",
  retrying: "text-amber-800",
  error: "text-danger",
};
const INTERESTS = [0, 1, 2] as const;

export function SkillRatingRow({
  skill,
  currentQuarter,
  scaleLabels,
  onSelfChange,
}: {
  skill: SkillRatingDto;
  currentQuarter: string;
  scaleLabels: Record<string, string>;
  onSelfChange: (key: string, self: Self) => void;
}) {
  const t = useTranslations("me");
  const [value, setValue] = useState<ScaleValue | null>(
    skill.self ? (skill.self.notApplicable ? "na" : (skill.self.proficiency as ScaleValue)) : null,
  );
  const [interest, setInterest] = useState<number | null>(skill.self?.interest ?? null);
  const [evidence, setEvidence] = useState(skill.self?.evidence ?? "");
  const [saved, setSaved] = useState<Self | null>(skill.self);

  const onSaved = useCallback(
    (dto: SavedRatingDto) => {
      const self = { ...dto };
      setSaved(self);
      onSelfChange(skill.key, self);
    },
    [onSelfChange, skill.key],
  );
  const { status, error, reason, schedule, retry } = useAutosave(saveMyRatingAction, onSaved);
  // A change waiting to be retried stays on screen and says why; a refused one says what the server said.
  const statusText =
    status === "saving" || status === "pending"
      ? t("saving")
      : status === "retrying"
        ? t(reason === "storage_full" ? "retryingStorageFull" : reason === "unavailable" ? "retryingUnavailable" : "retryingOffline")
        : status === "saved"
          ? t("saved")
          : status === "error"
            ? (error ?? t("notSaved"))
            : "";
  const save = (next: { value?: ScaleValue | null; interest?: number | null; evidence?: string }, immediate = false) => {
    const v = next.value !== undefined ? next.value : value;
    if (v === null) return;
    schedule(
      {
        skillKey: skill.key,
        value: v,
        interest: next.interest !== undefined ? next.interest : interest,
        evidence: (next.evidence ?? evidence) || null,
      },
      immediate,
    );
  };

  const stale = !!saved && saved.quarter !== currentQuarter;
  const selfForFlag = value === null ? null : { proficiency: value === "na" ? null : value, notApplicable: value === "na" };
  const discrepancy = hasDiscrepancy(selfForFlag, skill.validated);
  const headingId = `skill-${skill.key}`;

  return (
    <li className="grid gap-3 border-t border-border px-4 py-3 first:border-t-0 lg:grid-cols-[minmax(0,1.2fr)_minmax(0,1.5fr)]" aria-labelledby={headingId}>
      <div className="min-w-0 space-y-1">
        <p id={headingId} className="text-sm font-medium">
          {skill.name}
        </p>
        {skill.description && <p className="text-xs text-muted-foreground">{skill.description}</p>}
        <div className="flex flex-wrap items-center gap-1.5 text-xs">
          {!saved && <Badge variant="outline">{t("unrated")}</Badge>}
          {stale && <Badge variant="outline" className="border-amber-600/40 text-amber-800">↻ {t("stale", { quarter: saved!.quarter })}</Badge>}
          {saved && !stale && <span className="text-muted-foreground">✓ {t("ratedThisQuarter")}</span>}
          {skill.validated && (
            <Badge title={skill.validated.comment ?? undefined}>
              {t("validated", { value: skill.validated.notApplicable ? t("na") : String(skill.validated.proficiency) })}
            </Badge>
          )}
          {discrepancy && (
            <Badge className="border-amber-700 bg-amber-100 text-amber-900" data-testid="discrepancy">
              ⚑ {t("discuss", { self: value === "na" ? t("na") : String(value), validated: String(skill.validated!.proficiency) })}
            </Badge>
          )}
          {skill.history.length > 0 && <HistorySparkline points={skill.history} label={t("historyLabel", { skill: skill.name })} />}
        </div>
        {skill.validated?.comment && (
          <p className="text-xs text-muted-foreground">
            “{skill.validated.comment}” — {t("validatedBy", { name: skill.validated.raterName, quarter: skill.validated.quarter })}
          </p>
        )}
      </div>
      <div className="min-w-0 space-y-2">
        <ProficiencyScale
          name={`p-${skill.key}`}
          legend={`${t("proficiency")}: ${skill.name}`}
          value={value}
          labels={scaleLabels}
          descriptors={skill.descriptors}
          onChange={(v) => {
            setValue(v);
            save({ value: v });
          }}
        />
        <div className="flex flex-wrap items-center gap-2">
          <label className="flex items-center gap-1 text-xs text-muted-foreground">
            {t("interest")}
            <select
              className="h-7 rounded-md border border-border bg-card px-1 text-xs text-foreground disabled:opacity-50"
              value={interest ?? ""}
              disabled={value === null}
              aria-label={`${t("interest")}: ${skill.name}`}
              onChange={(e) => {
                const next = e.target.value === "" ? null : Number(e.target.value);
                setInterest(next);
                save({ interest: next }, true);
              }}
            >
              <option value="">—</option>
              {INTERESTS.map((i) => (
                <option key={i} value={i}>
                  {t(`interestLevels.${i}`)}
                </option>
              ))}
            </select>
          </label>
          <input
            type="text"
            className="h-7 min-w-0 flex-1 rounded-md border border-border bg-card px-2 text-xs disabled:opacity-50"
            placeholder={t("evidencePlaceholder")}
            aria-label={`${t("evidence")}: ${skill.name}`}
            maxLength={1000}
            disabled={value === null}
            value={evidence}
            onChange={(e) => setEvidence(e.target.value)}
            onBlur={() => evidence !== (saved?.evidence ?? "") && save({ evidence }, true)}
            onKeyDown={(e) => e.key === "Enter" && save({ evidence }, true)}
          />
          {/* A pending change or a refusal takes a line of its own, so the note field keeps its width. */}
          <div className={cn("flex items-center gap-2", (status === "retrying" || status === "error") && "basis-full")}>
            <span role="status" aria-live="polite" className={cn("min-w-16 text-xs", statusTone[status])}>
              {statusText}
            </span>
            {(status === "error" || status === "retrying") && (
              <Button size="sm" variant="outline" className="h-7 shrink-0" onClick={retry}>
                {status === "retrying" ? t("retryNow") : t("retry")}
              </Button>
            )}
          </div>
        </div>
      </div>
    </li>
  );
}

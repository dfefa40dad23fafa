"use client";

import { useTranslations } from "next-intl";
import { useCallback, useRef, useState } from "react";

import { Badge } from "@/components/ui/badge";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { confirmStaleRatingsAction, saveMyRatingAction } from "@/lib/actions/ratings";
import { hasDiscrepancy } from "@/lib/analytics/ratings";
import type { SkillRatingDto } from "@/lib/data/rating-sheet";
import type { SelfRatingSaveDto } from "@/lib/data/ratings";
import type { NoteProblem } from "@/lib/validations/text";

import { HistorySparkline } from "./history-sparkline";
import { ImportedBadge, ImportedNotice } from "./imported-notice";
import { ProficiencyScale, type ScaleValue } from "./proficiency-scale";
import { SaveStatusLine } from "./save-status";
import { SkillRow } from "./skill-row";
import { useAutosave } from "./use-autosave";

type Self = NonNullable<SkillRatingDto["self"]>;
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
  // A note the server refused (the rating itself was saved): which text, and why.
  const [refusedNote, setRefusedNote] = useState<{ text: string; problem: NoteProblem } | null>(null);
  const sentNote = useRef("");

  const keep = useCallback(
    (self: Self) => {
      setSaved(self);
      onSelfChange(skill.key, self);
    },
    [onSelfChange, skill.key],
  );
  const onSaved = useCallback(
    ({ noteRefused, ...dto }: SelfRatingSaveDto) => {
      keep({ ...dto, imported: null });
      setRefusedNote(noteRefused && { text: sentNote.current, problem: noteRefused.problem });
    },
    [keep],
  );
  const { status, error, code, reason, schedule, retry } = useAutosave(saveMyRatingAction, onSaved);
  const save = (
    next: { value?: ScaleValue | null; interest?: number | null; evidence?: string },
    immediate = false,
  ) => {
    const v = next.value !== undefined ? next.value : value;
    if (v === null) return;
    sentNote.current = next.evidence ?? evidence;
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
  // The refused note's message stays while its text is on screen; editing it starts afresh.
  const noteProblem = refusedNote && refusedNote.text === evidence ? refusedNote.problem : null;
  const saveNote = (onlyIfChanged: boolean) => {
    if (noteProblem || (onlyIfChanged && evidence === (saved?.evidence ?? ""))) return;
    save({ evidence }, true);
  };
  const confirmImported = async () => {
    const result = await confirmStaleRatingsAction({ skillKeys: [skill.key] });
    if (!result.ok) return result.error;
    keep({ ...saved!, imported: null, quarter: currentQuarter, ratedAt: new Date().toISOString() });
    return null;
  };

  const imported = saved?.imported ?? null;
  const stale = !!saved && !imported && saved.quarter !== currentQuarter;
  const selfForFlag =
    value === null ? null : { proficiency: value === "na" ? null : value, notApplicable: value === "na" };
  const discrepancy = hasDiscrepancy(selfForFlag, skill.validated);
  const headingId = `skill-${skill.key}`;
  const noteMessageId = `note-${skill.key}`;

  return (
    <SkillRow
      headingId={headingId}
      name={skill.name}
      className="gap-3 lg:grid-cols-[minmax(0,1.2fr)_minmax(0,1.5fr)]"
      controls={
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
              <Select
                size="xs"
                className="px-1"
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
              </Select>
            </label>
            <Input
              type="text"
              size="xs"
              className="min-w-48 flex-1"
              placeholder={t("evidencePlaceholder")}
              aria-label={`${t("evidence")}: ${skill.name}`}
              aria-invalid={noteProblem ? true : undefined}
              aria-describedby={noteProblem ? noteMessageId : undefined}
              maxLength={1000}
              disabled={value === null}
              value={evidence}
              onChange={(e) => setEvidence(e.target.value)}
              onBlur={() => saveNote(true)}
              onKeyDown={(e) => e.key === "Enter" && saveNote(false)}
            />
            <SaveStatusLine status={status} error={error} code={code} reason={reason} onRetry={retry} />
            {noteProblem && (
              <p id={noteMessageId} className="basis-full text-xs text-danger">
                {t(`noteRefused.${noteProblem}`)}
              </p>
            )}
          </div>
        </div>
      }
    >
      {skill.description && <p className="text-xs text-muted-foreground">{skill.description}</p>}
      <div className="flex flex-wrap items-center gap-1.5 text-xs">
        {!saved && <Badge variant="outline">{t("unrated")}</Badge>}
        {imported && <ImportedBadge imported={imported} />}
        {stale && (
          <Badge variant="outline" className="border-amber-600/40 text-amber-800">
            ↻ {t("stale", { quarter: saved!.quarter })}
          </Badge>
        )}
        {saved && !stale && !imported && <span className="text-muted-foreground">✓ {t("ratedThisQuarter")}</span>}
        {skill.validated && (
          <Badge title={skill.validated.comment ?? undefined}>
            {t("validated", { value: skill.validated.notApplicable ? t("na") : String(skill.validated.proficiency) })}
          </Badge>
        )}
        {discrepancy && (
          <Badge className="border-amber-700 bg-amber-100 text-amber-900" data-testid="discrepancy">
            ⚑{" "}
            {t("discuss", {
              self: value === "na" ? t("na") : String(value),
              validated: String(skill.validated!.proficiency),
            })}
          </Badge>
        )}
        {skill.history.length > 0 && (
          <HistorySparkline
            points={skill.history}
            label={t("historyLabel", { skill: skill.name })}
            terms={{ self: t("self"), lead: t("lead"), imported: t("importedShort"), na: t("na") }}
          />
        )}
      </div>
      {imported && <ImportedNotice skillName={skill.name} onConfirm={confirmImported} />}
      {skill.validated?.comment && (
        <p className="text-xs text-muted-foreground">
          “{skill.validated.comment}” —{" "}
          {t("validatedBy", { name: skill.validated.raterName, quarter: skill.validated.quarter })}
        </p>
      )}
    </SkillRow>
  );
}

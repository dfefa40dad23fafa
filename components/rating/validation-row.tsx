"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useActionMessage } from "@/components/ui/use-action-message";
import { validateRatingAction } from "@/lib/actions/ratings";
import type { SkillRatingDto } from "@/lib/data/rating-sheet";
import { noteProblem } from "@/lib/validations/text";

import { HistorySparkline } from "./history-sparkline";
import { ImportedBadge } from "./imported-notice";
import { SkillRow } from "./skill-row";

const COMMENT_MAX = 500;

export function ValidationRow({ skill, teamId, userId }: { skill: SkillRatingDto; teamId: string; userId: string }) {
  const t = useTranslations();
  const router = useRouter();
  const [value, setValue] = useState<string>(
    skill.validated?.proficiency?.toString() ?? skill.self?.proficiency?.toString() ?? "",
  );
  const [comment, setComment] = useState("");
  const { message, setMessage, show } = useActionMessage();
  const [pending, start] = useTransition();
  const selfText = skill.self
    ? skill.self.notApplicable
      ? t("me.na")
      : String(skill.self.proficiency)
    : t("validate.none");
  const id = `v-${skill.key}`;

  return (
    <SkillRow
      headingId={id}
      name={skill.name}
      className="gap-2 lg:grid-cols-[minmax(0,1.3fr)_minmax(0,1.4fr)]"
      controls={
        <form
          className="flex flex-wrap items-center gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            const problem = noteProblem(comment, COMMENT_MAX);
            if (problem) return setMessage({ ok: false, text: t(`validate.commentRefused.${problem}`) });
            start(async () => {
              const result = await validateRatingAction({
                teamId,
                userId,
                skillKey: skill.key,
                proficiency: Number(value),
                comment: comment || null,
                requestId: crypto.randomUUID(),
              });
              // A refused comment says what is wrong with it, not "Some fields are not valid."
              show(result, t("validate.saved"), (e) => e.fieldErrors?.comment?.[0] ?? e.error);
              if (result.ok) {
                setComment("");
                router.refresh();
              }
            });
          }}
        >
          <label className="flex items-center gap-1 text-xs text-muted-foreground">
            {t("validate.yourValue")}
            <Select
              required
              size="sm"
              aria-label={`${t("validate.yourValue")}: ${skill.name}`}
              className="px-1"
              value={value}
              onChange={(e) => setValue(e.target.value)}
            >
              <option value="" disabled>
                —
              </option>
              {[0, 1, 2, 3, 4].map((n) => (
                <option key={n} value={n}>
                  {n} {t(`proficiency.${n as 0}`)}
                </option>
              ))}
            </Select>
          </label>
          <Input
            size="sm"
            className="min-w-0 flex-1 text-xs"
            placeholder={t("validate.comment")}
            aria-label={`${t("validate.comment")}: ${skill.name}`}
            maxLength={COMMENT_MAX}
            aria-invalid={message?.ok === false ? true : undefined}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
          <Button
            size="sm"
            type="submit"
            disabled={pending || value === ""}
            aria-label={`${t("validate.save")}: ${skill.name}`}
          >
            {t("validate.save")}
          </Button>
          <FormStatus as="span" message={message} className="text-xs" />
        </form>
      }
    >
      <div className="flex flex-wrap items-center gap-1.5 text-xs">
        <Badge variant="outline">{t("validate.selfValue", { value: selfText })}</Badge>
        {skill.self?.imported && <ImportedBadge imported={skill.self.imported} />}
        {skill.validated && <Badge>{t("me.validated", { value: String(skill.validated.proficiency) })}</Badge>}
        {skill.discrepancy && (
          <Badge className="border-amber-700 bg-amber-100 text-amber-900" data-testid="discrepancy">
            ⚑ {t("me.discuss", { self: selfText, validated: String(skill.validated!.proficiency) })}
          </Badge>
        )}
        {skill.history.length > 0 && (
          <HistorySparkline
            points={skill.history}
            label={t("me.historyLabel", { skill: skill.name })}
            terms={{ self: t("me.self"), lead: t("me.lead"), imported: t("me.importedShort"), na: t("me.na") }}
          />
        )}
      </div>
      {skill.self?.evidence && <p className="text-xs break-words text-muted-foreground">{skill.self.evidence}</p>}
    </SkillRow>
  );
}

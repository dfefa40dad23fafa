import { getTranslations } from "next-intl/server";

import { Card } from "@/components/ui/card";
import type { RatingSheetDto, SkillRatingDto } from "@/lib/analytics/rating-sheet";

type T = Awaited<ReturnType<typeof getTranslations>>;
type Value = { proficiency: number | null; notApplicable: boolean } | null;

/** A value as its number and name ("3 · Independent"); N/A and unrated as words. */
function valueText(value: Value, t: T): string {
  if (!value) return "—";
  if (value.notApplicable || value.proficiency === null) return t("person.na");
  return `${value.proficiency} · ${t(`proficiency.${value.proficiency}`)}`;
}

/** One labelled value; labels show on every row so the list reads the same at phone width and on a desktop. */
function Field({ label, children }: { label: string; children: string }) {
  return (
    <div>
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className={children === "—" ? "text-muted-foreground" : undefined}>{children}</dd>
    </div>
  );
}

function SkillItem({ skill, t }: { skill: SkillRatingDto; t: T }) {
  const interest = skill.self?.interest;
  return (
    <li className="flex flex-col gap-2 border-t border-border px-4 py-2 first:border-t-0 sm:flex-row sm:items-start sm:gap-4">
      <div className="min-w-0 sm:flex-1">
        <p className="font-medium">{skill.name}</p>
        {skill.self && skill.stale && (
          <p className="text-xs text-muted-foreground">⟳ {t("person.stale", { quarter: skill.self.quarter })}</p>
        )}
        {skill.self?.evidence && (
          <p className="text-xs break-words text-muted-foreground">
            {t("person.evidence", { note: skill.self.evidence })}
          </p>
        )}
        {skill.validated?.comment && (
          <p className="text-xs break-words text-muted-foreground">
            {t("person.comment", { note: skill.validated.comment })}
          </p>
        )}
      </div>
      <dl className="grid grid-cols-3 gap-3 text-sm sm:w-[26rem] sm:flex-none lg:w-[34rem]">
        <Field label={t("person.self")}>{valueText(skill.self, t)}</Field>
        <Field label={t("person.validated")}>{valueText(skill.validated, t)}</Field>
        <Field label={t("person.interest")}>{interest ? t(`me.interestLevels.${interest}`) : "—"}</Field>
      </dl>
    </li>
  );
}

/** The person's matrix, read-only: level → category → skill, with self, validated, interest and stale flags. */
export async function PersonMatrix({ sheet }: { sheet: RatingSheetDto | null }) {
  const t = await getTranslations();
  return (
    <section aria-labelledby="person-matrix" className="space-y-3">
      <div>
        <h2 id="person-matrix" className="text-lg font-semibold tracking-tight">
          {t("person.matrix")}
        </h2>
        {sheet && (
          <p className="text-sm text-muted-foreground">
            {t("person.matrixIntro", { title: sheet.title, quarter: sheet.currentQuarter })}
          </p>
        )}
      </div>
      {!sheet && <p className="text-muted-foreground">{t("person.noFramework")}</p>}
      {sheet?.levels.map((l) => (
        <section key={l.key} aria-labelledby={`person-level-${l.key}`} className="space-y-2">
          <h3 id={`person-level-${l.key}`} className="font-semibold">
            {l.name}
          </h3>
          {l.categories.map((c) => (
            <Card key={c.key} className="overflow-hidden">
              <h4 className="border-b border-border bg-muted px-4 py-2 text-sm font-medium">{c.name}</h4>
              <ul>
                {c.skills.map((s) => (
                  <SkillItem key={s.key} skill={s} t={t} />
                ))}
              </ul>
            </Card>
          ))}
        </section>
      ))}
    </section>
  );
}

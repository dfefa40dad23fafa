import { getTranslations } from "next-intl/server";

import { Section } from "@/components/ui/section";
import type { RecentChange, StatedInterest } from "@/lib/analytics/person-summary";

/** The latest rating changes across skills, newest first. */
export async function PersonHistory({ recent }: { recent: RecentChange[] }) {
  const t = await getTranslations();
  const by = (r: RecentChange) =>
    r.kind === "manager" ? t("person.validated") : r.imported ? t("person.imported") : t("person.self");
  const value = (r: RecentChange) =>
    r.notApplicable || r.proficiency === null
      ? t("person.na")
      : `${r.proficiency} · ${t(`proficiency.${r.proficiency}`)}`;
  return (
    <Section title={t("person.history")} titleId="person-history" description={t("person.historyIntro")}>
      {recent.length === 0 ? (
        <p className="mt-2 text-sm text-muted-foreground">{t("person.noHistory")}</p>
      ) : (
        <ol className="mt-2 divide-y divide-border text-sm">
          {recent.map((r) => (
            <li key={`${r.skillKey}:${r.kind}:${r.ratedAt}`} className="py-1.5">
              <p className="break-words">{r.skillName}</p>
              <p className="text-muted-foreground">
                <time dateTime={r.ratedAt} className="tabular-nums">
                  {r.ratedAt.slice(0, 10)}
                </time>
                {" · "}
                {by(r)}
                {" · "}
                <span className="text-foreground">{value(r)}</span>
              </p>
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}

/** Skills the person wants to grow in, most eager first. */
export async function PersonInterests({ interests }: { interests: StatedInterest[] }) {
  const t = await getTranslations();
  const groups = [2, 1]
    .map((level) => ({ level, skills: interests.filter((i) => i.interest === level) }))
    .filter((g) => g.skills.length > 0);
  return (
    <Section title={t("person.interests")} titleId="person-interests">
      {groups.length === 0 && <p className="mt-2 text-sm text-muted-foreground">{t("person.noInterests")}</p>}
      {groups.map((g) => (
        <div key={g.level} className="mt-3">
          <h3 className="text-sm font-medium">
            {t(`me.interestLevels.${g.level}`)} ({g.skills.length})
          </h3>
          <ul className="mt-1 list-disc space-y-0.5 ps-5 text-sm">
            {g.skills.map((i) => (
              <li key={i.skillKey} className="break-words">
                {i.skillName}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </Section>
  );
}

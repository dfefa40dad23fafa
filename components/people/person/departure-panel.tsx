import { getTranslations } from "next-intl/server";

import { Section } from "@/components/ui/section";
import type { TeamImpactDto } from "@/lib/data/person";

type T = Awaited<ReturnType<typeof getTranslations>>;

function TeamImpact({ team, t }: { team: TeamImpactDto; t: T }) {
  const nothing = team.targets.length === 0 && team.thinSkills.length === 0;
  return (
    <section aria-labelledby={`impact-${team.teamId}`} className="space-y-2 border-t border-border pt-3">
      <h3 id={`impact-${team.teamId}`} className="font-semibold">
        {team.teamName}
      </h3>
      {team.targetCount === 0 && <p className="text-sm text-muted-foreground">{t("noTargets")}</p>}
      {team.targetCount > 0 && nothing && <p className="text-sm">✓ {t("nothing")}</p>}
      {team.targets.length > 0 && (
        <div>
          <h4 className="text-sm font-medium">{t("fallShort")}</h4>
          <ul className="mt-1 space-y-1 text-sm">
            {team.targets.map((target) => (
              <li key={target.targetId}>
                <span className="font-medium">{target.targetName}</span>
                <ul className="ms-4 list-disc text-muted-foreground">
                  {target.short.map((c) => (
                    <li key={c.skillKey}>{t("requirement", { ...c, skill: c.skillName })}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </div>
      )}
      {team.thinSkills.length > 0 && (
        <div>
          <h4 className="text-sm font-medium">{t("thin")}</h4>
          <ul className="mt-1 space-y-1 text-sm">
            {team.thinSkills.map((s) => (
              <li key={`${s.skillKey}@${s.level}`}>
                <span className="font-medium">{s.left === "none" ? `⚠ ${t("nobody")}` : t("onePerson")}</span>
                {t("separator")}
                {t("thinSkill", { skill: s.skillName, level: s.level, before: s.before, after: s.after })}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

/**
 * "What if this person left": per team, the targets met now that would fall
 * short and the skills left with one person or nobody, or plainly that nothing
 * would break.
 */
export async function DeparturePanel({ name, teams }: { name: string; teams: TeamImpactDto[] }) {
  const t = await getTranslations("person.impact");
  return (
    <Section title={t("title", { name })} titleId="person-impact" description={t("intro")} className="space-y-3">
      {teams.map((team) => (
        <TeamImpact key={team.teamId} team={team} t={t} />
      ))}
    </Section>
  );
}

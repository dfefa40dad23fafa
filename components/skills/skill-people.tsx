import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import type { NamedPerson } from "@/lib/analytics/skill-page";
import type { ShownPeople } from "@/lib/data/skill-page";

/** Holders, possible mentors and learners by name; to viewers who may not see names, a sentence saying who may. */
export async function SkillPeople({
  people,
  findRef,
  linkPeople,
}: {
  people: ShownPeople | null;
  findRef: string;
  linkPeople: boolean;
}) {
  const t = await getTranslations("skillPage");
  if (!people) return <p className="mt-2 text-sm text-muted-foreground">{t("namesHidden")}</p>;
  const groups = [
    {
      key: "mentors",
      title: t("mentors"),
      hint: t("mentorsHint"),
      list: people.mentors,
      total: people.totals.mentors,
      find: `${findRef}~4`,
    },
    {
      key: "holders",
      title: t("holders"),
      hint: t("holdersHint"),
      list: people.holders,
      total: people.totals.holders,
      find: `${findRef}~3`,
    },
    {
      key: "learners",
      title: t("learners"),
      hint: t("learnersHint"),
      list: people.learners,
      total: people.totals.learners,
      find: null,
    },
  ];
  return (
    <div className="mt-3 grid gap-4 md:grid-cols-3">
      {groups.map((g) => (
        <div key={g.key} className="min-w-0">
          <h3 className="text-sm font-medium">
            {g.title} <span className="text-muted-foreground tabular-nums">({g.total})</span>
          </h3>
          <p className="text-xs text-muted-foreground">{g.hint}</p>
          {g.list.length === 0 ? (
            <p className="mt-2 text-sm text-muted-foreground">{t("nobody")}</p>
          ) : (
            // A long list scrolls in place; keyboard users reach the scroller by Tab (it is a named region).
            <div tabIndex={0} role="region" aria-label={g.title} className="mt-2 max-h-72 overflow-y-auto">
              <ul className="space-y-1 text-sm">
                {g.list.map((p) => (
                  <PersonLine key={p.id} person={p} validatedLabel={t("validated")} link={linkPeople} />
                ))}
              </ul>
            </div>
          )}
          {g.total > g.list.length && (
            <p className="mt-1 text-xs text-muted-foreground">
              {t("more", { count: g.total - g.list.length })}{" "}
              {g.find && (
                <Link href={`/people/find?r=${g.find}`} className="underline underline-offset-2">
                  {t("seeAll")}
                </Link>
              )}
            </p>
          )}
        </div>
      ))}
    </div>
  );
}

function PersonLine({ person, validatedLabel, link }: { person: NamedPerson; validatedLabel: string; link: boolean }) {
  return (
    <li className="flex flex-wrap items-baseline gap-x-2">
      {link ? (
        <Link href={`/people/${person.id}`} className="underline-offset-2 hover:underline">
          {person.name}
        </Link>
      ) : (
        <span>{person.name}</span>
      )}
      {person.value !== null && <span className="text-muted-foreground tabular-nums">{person.value}</span>}
      {person.validated && <Badge variant="outline">{validatedLabel}</Badge>}
      {person.teams.length > 0 && <span className="text-xs text-muted-foreground">{person.teams.join(", ")}</span>}
    </li>
  );
}

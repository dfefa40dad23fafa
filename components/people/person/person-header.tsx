import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import type { PersonPageDto } from "@/lib/data/person";

/** The person's name and email, their teams (lead flag, level) and, for their leads, the way to validate. */
export async function PersonHeader({ page }: { page: PersonPageDto }) {
  const t = await getTranslations("person");
  const { person, teams } = page;
  return (
    <div className="space-y-3">
      <PageHeader title={person.name} description={page.isSelf ? `${person.email} · ${t("you")}` : person.email}>
        {teams
          .filter((team) => team.validateHref)
          .map((team) => (
            <Link key={team.id} href={team.validateHref!} className={buttonVariants({ variant: "outline" })}>
              {t("validateIn", { team: team.name })}
            </Link>
          ))}
      </PageHeader>
      <section aria-labelledby="person-teams">
        <h2 id="person-teams" className="sr-only">
          {t("teams")}
        </h2>
        {teams.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("noTeams")}</p>
        ) : (
          <ul className="flex flex-wrap gap-2">
            {teams.map((team) => (
              <li key={team.id}>
                <Badge variant={team.isLead ? "strong" : "outline"} className="text-sm">
                  {[
                    team.name,
                    team.isLead && t("lead"),
                    team.level ? t("level", { level: team.level }) : t("levelUnset"),
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </Badge>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

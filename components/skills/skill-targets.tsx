import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { Table, Td, Th, THead, Tr } from "@/components/ui/table";
import type { SkillPageView } from "@/lib/data/skill-page";

/** The team targets that need the skill and how each team covers it now; a team links to its vision when the viewer may read it. */
export async function SkillTargets({ targets }: { targets: SkillPageView["targets"] }) {
  const t = await getTranslations("skillPage");
  if (targets.length === 0) return <p className="mt-2 text-sm text-muted-foreground">{t("noTargets")}</p>;
  return (
    // On a phone the table scrolls sideways; the scroller takes focus so keyboards can scroll it.
    <div tabIndex={0} role="region" aria-label={t("targetsTable")} className="mt-3 overflow-x-auto">
      <Table className="whitespace-nowrap">
        <THead plain>
          <tr>
            <Th plain>{t("team")}</Th>
            <Th plain>{t("target")}</Th>
            <Th plain className="text-right">
              {t("level")}
            </Th>
            <Th plain className="text-right">
              {t("headcount")}
            </Th>
            <Th plain className="text-right">
              {t("coverage")}
            </Th>
            <Th plain>{t("quarter")}</Th>
          </tr>
        </THead>
        <tbody>
          {targets.map((target) => (
            <Tr key={target.id}>
              <Td plain>
                {target.canOpen ? (
                  <Link href={`/teams/${target.teamId}/vision`} className="text-primary hover:underline">
                    {target.teamName}
                  </Link>
                ) : (
                  target.teamName
                )}
              </Td>
              <Td plain>{target.name}</Td>
              <Td plain className="text-right tabular-nums">
                ≥ {target.level}
              </Td>
              <Td plain className="text-right tabular-nums">
                {target.headcount}
              </Td>
              <Td plain className="text-right tabular-nums">
                {target.covered >= target.headcount
                  ? t("coveredMet", { covered: target.covered })
                  : t("coveredShort", { covered: target.covered, missing: target.headcount - target.covered })}
              </Td>
              <Td plain className="tabular-nums">
                {target.targetQuarter}
              </Td>
            </Tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}

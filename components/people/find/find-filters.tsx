import { getTranslations } from "next-intl/server";

import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Select } from "@/components/ui/select";
import type { LevelOption } from "@/lib/analytics/org-catalogue";

export type FindFilterValues = { team?: string; level?: string; validated?: string; fresh?: string };

/**
 * Team, level, "only validated", "only rated this quarter": a plain GET form
 * that keeps the requirements (hidden `r` fields), so it works without script
 * and every filter is in the URL.
 */
export async function FindFilters({
  tokens,
  teams,
  levels,
  values,
}: {
  tokens: string[];
  teams: { id: string; name: string }[];
  levels: LevelOption[];
  values: FindFilterValues;
}) {
  const t = await getTranslations("findPeople");
  const levelChoices = [...new Map(levels.map((l) => [l.key, l])).values()];
  return (
    <Card as="form" method="get" aria-label={t("filters")} className="flex flex-wrap items-end gap-4 p-4 text-sm">
      {tokens.map((r) => (
        <input key={r} type="hidden" name="r" value={r} />
      ))}
      <label className="space-y-1 text-xs text-muted-foreground">
        <span className="block">{t("team")}</span>
        <Select name="team" defaultValue={values.team ?? ""}>
          <option value="">{t("allTeams")}</option>
          {teams.map((x) => (
            <option key={x.id} value={x.id}>
              {x.name}
            </option>
          ))}
        </Select>
      </label>
      <label className="space-y-1 text-xs text-muted-foreground">
        <span className="block">{t("level")}</span>
        <Select name="level" defaultValue={values.level ?? ""}>
          <option value="">{t("allLevels")}</option>
          {levelChoices.map((l) => (
            <option key={l.key} value={l.key}>
              {l.name}
            </option>
          ))}
        </Select>
      </label>
      <label className="flex h-9 items-center gap-2">
        <input type="checkbox" name="validated" value="1" defaultChecked={values.validated === "1"} />
        {t("onlyValidated")}
      </label>
      <label className="flex h-9 items-center gap-2">
        <input type="checkbox" name="fresh" value="1" defaultChecked={values.fresh === "1"} />
        {t("onlyThisQuarter")}
      </label>
      <button type="submit" className={buttonVariants({ variant: "outline" })}>
        {t("apply")}
      </button>
    </Card>
  );
}

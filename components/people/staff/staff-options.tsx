import { getTranslations } from "next-intl/server";

import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";

/**
 * Teams to leave alone, a cap on people, and whether a proposal may break a
 * home team's target: a GET form keeping the requirements, so all of it is in the URL.
 */
export async function StaffOptions({
  tokens,
  teams,
  exclude,
  max,
  allowHarm,
}: {
  tokens: string[];
  teams: { id: string; name: string }[];
  exclude: string[];
  max?: number;
  allowHarm: boolean;
}) {
  const t = await getTranslations("staffing");
  return (
    <Card as="form" method="get" aria-label={t("options")} className="space-y-4 p-4 text-sm">
      {tokens.map((r) => (
        <input key={r} type="hidden" name="r" value={r} />
      ))}
      <fieldset className="space-y-2">
        <legend className="text-xs text-muted-foreground">{t("excludeTeams")}</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {teams.map((x) => (
            <label key={x.id} className="flex items-center gap-2">
              <input type="checkbox" name="exclude" value={x.id} defaultChecked={exclude.includes(x.id)} />
              {x.name}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex flex-wrap items-end gap-6">
        <label className="space-y-1 text-xs text-muted-foreground">
          <span className="block">{t("maxPeople")}</span>
          <Input type="number" name="max" min={1} max={50} defaultValue={max ?? ""} className="w-24" />
        </label>
        <fieldset className="space-y-1">
          <legend className="text-xs text-muted-foreground">{t("harmLegend")}</legend>
          <label className="flex items-center gap-2">
            <input type="radio" name="harm" value="" defaultChecked={!allowHarm} />
            {t("noHarm")}
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="harm" value="1" defaultChecked={allowHarm} />
            {t("allowHarm")}
          </label>
        </fieldset>
        <button type="submit" className={buttonVariants({ variant: "outline" })}>
          {t("apply")}
        </button>
      </div>
    </Card>
  );
}

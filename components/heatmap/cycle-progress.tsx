import { getTranslations } from "next-intl/server";
import type { HeatmapDto } from "@/lib/data/heatmap";

/** For leads: each member's self-ratings made this quarter, people who have not started first. */
export async function CycleProgress({ dto }: { dto: HeatmapDto }) {
  const t = await getTranslations("cycles");
  const q = dto.quarters.indexOf(dto.currentQuarter).toString(36);
  const rows = dto.members
    .map((m, i) => {
      let rated = 0;
      for (let j = 0; j < dto.skills.length; j++) if (dto.ratedQuarter[i * dto.skills.length + j] === q) rated++;
      return { name: m.name, rated };
    })
    .sort((a, b) => a.rated - b.rated || a.name.localeCompare(b.name));
  const notStarted = rows.filter((r) => r.rated === 0);
  return (
    <section aria-labelledby="cycle-title" className="rounded-lg border border-border bg-card p-4 shadow-sm">
      <h2 id="cycle-title" className="font-semibold">{t("progressTitle", { quarter: dto.currentQuarter })}</h2>
      {notStarted.length > 0 ? (
        <p className="mt-1 text-sm">
          <span className="font-medium text-amber-800">{t("notRated")}:</span> {notStarted.map((r) => r.name).join(", ")}
        </p>
      ) : (
        <p className="mt-1 text-sm text-muted-foreground">{t("allDone")}</p>
      )}
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground">
        {rows.map((r) => (
          <li key={r.name}>
            {r.name}: <span className="tabular-nums">{t("progressLine", { rated: r.rated, total: dto.skills.length })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

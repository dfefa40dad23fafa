import "server-only";

import { categoryMeansByQuarter, deltas, readinessSeries } from "@/lib/analytics/trends";
import type { Viewer } from "@/lib/auth/viewer";
import type { AppLocale } from "@/lib/i18n/locales";
import { lastQuarters, quarterOf } from "@/lib/quarters";

import { getTeamHeatmap } from "./heatmap";

export type TrendsDto = {
  team: { id: string; name: string };
  quarters: string[];
  members: string[];
  categories: string[];
  /** Members × categories: change in mean effective proficiency over the last quarter. */
  delta: (number | null)[];
  /** Members × quarters: readiness for their next level. */
  readiness: (number | null)[][];
};

/** Quarter-over-quarter view of a team: the heatmap read as of each of the last N quarters' ends. */
export async function getTeamTrends(
  viewer: Viewer | null,
  { teamId, quarters: n = 4 }: { teamId: string; quarters?: number },
  { locale }: { locale: AppLocale },
): Promise<TrendsDto> {
  const quarters = lastQuarters(quarterOf(new Date()), n);
  // Each read checks the caller itself (same rules as the team page). The
  // people are today's team, followed back through their own ratings.
  const snapshots = await Promise.all(
    quarters.map((quarter) => getTeamHeatmap(viewer, { teamId, quarter }, { locale, people: "now" })),
  );
  const latest = snapshots.at(-1)!;
  const skillCategory = latest.skills.map((s) => s.categoryIndex);
  const means = categoryMeansByQuarter(snapshots, latest.members.length, skillCategory, latest.categories.length);
  const series = readinessSeries(
    snapshots,
    latest.members,
    latest.skills.map((s) => s.levelPosition),
    Math.max(...latest.levels.map((l) => l.position)),
  );
  return {
    team: { id: teamId, name: latest.scope.kind === "team" ? latest.scope.name : "" },
    quarters,
    members: latest.members.map((m) => m.name),
    categories: latest.categories.map((c) => c.name),
    delta: deltas(means.at(-2)!.means, means.at(-1)!.means),
    readiness: latest.members.map((_, i) => series.map((s) => s.values[i] ?? null)),
  };
}

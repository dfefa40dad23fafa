import { asc, eq } from "drizzle-orm";

import { analyseTeamRows, type LatestRating, type TeamAnalysisParts } from "@/lib/analytics/team-analysis";
import { notFound } from "@/lib/errors";
import type { AppLocale } from "@/lib/i18n/locales";
import { lastQuarters, quarterEnd, quarterOf } from "@/lib/quarters";

import type { DbOrTx } from "../client";
import { capabilitySkills, platformCapabilities, teams } from "../schema";
import { latestRatings } from "./latest-ratings";
import { teamAt } from "./team-as-of";
import { readVersionRows } from "./version-rows";

export type TeamAnalysisRead = TeamAnalysisParts & {
  team: typeof teams.$inferSelect;
  currentQuarter: string;
  /** The same analysis with other current ratings (everything else as read): how a cached payload catches up. */
  withCurrent: (ratings: LatestRating[]) => TeamAnalysisParts;
};

/** A version's capabilities, each joined to its skills (one row per link; none: one row without a skill). */
function capabilityRows(db: DbOrTx, versionId: string) {
  return db
    .select({
      key: platformCapabilities.key,
      nameZh: platformCapabilities.nameZh,
      nameEn: platformCapabilities.nameEn,
      importance: platformCapabilities.importance,
      skillId: capabilitySkills.skillId,
      level: capabilitySkills.requiredProficiency,
    })
    .from(platformCapabilities)
    .leftJoin(capabilitySkills, eq(capabilitySkills.capabilityId, platformCapabilities.id))
    .where(eq(platformCapabilities.frameworkVersionId, versionId))
    .orderBy(asc(platformCapabilities.position));
}

/**
 * Reads a team's targets, people and ratings and runs the analysis
 * (lib/analytics/team-analysis.ts; a fixed number of queries), as of `asOf`
 * (the team as it was then) or live. `current`: the team's latest ratings at
 * that same moment when the caller has already read them (the heatmap API), so
 * they are not read twice. It checks nothing: only data-layer functions that
 * have checked the caller may use it.
 */
export async function analyseTeam(
  db: DbOrTx,
  teamId: string,
  locale: AppLocale,
  asOf?: Date,
  { trend = true, current: prefetched }: { trend?: boolean; current?: LatestRating[] } = {},
): Promise<TeamAnalysisRead> {
  // Without asOf the analysis is live: the current snapshot comes from ratings_current.
  const now = asOf ?? new Date();
  const [team] = await db.select().from(teams).where(eq(teams.id, teamId));
  // A team archived after the moment was still there then (the org's closed quarters keep it).
  if (!team || (team.archivedAt && (!asOf || team.archivedAt <= asOf))) throw notFound("That team does not exist.");
  // The team as it was at the moment: members, levels, targets, roadmap version.
  const fallback = { teamId, frameworkId: team.frameworkId, versionId: team.frameworkVersionId };
  const state = await teamAt(db, teamId, asOf ?? "now", fallback);
  const { version } = state;
  const [rows, capRows] = await Promise.all([
    readVersionRows(db, version.versionId, { published: true }),
    capabilityRows(db, version.versionId),
  ]);
  // Now, and as of the end of each of the three previous quarters (trend).
  const currentQuarter = quarterOf(now);
  // Without the trend (the heatmap API) only the current snapshot is read.
  const trendQuarters = trend ? lastQuarters(currentQuarter, 4) : [currentQuarter];
  const snapshots = await Promise.all(
    trendQuarters.map(async (quarter) => {
      const at = quarter === currentQuarter ? (asOf ? now : "now") : quarterEnd(quarter);
      const ratings =
        quarter === currentQuarter && prefetched
          ? prefetched
          : await latestRatings(db, { frameworkId: version.frameworkId, members: state.memberIds, asOf: at });
      return { quarter, ratings };
    }),
  );
  const members = state.members.map((m) => ({ id: m.userId, name: m.name }));
  const input = { members, skills: rows.skillRows, capabilityRows: capRows, targetRows: state.targets, locale };
  const parts = analyseTeamRows({ ...input, snapshots });
  const withCurrent = (ratings: LatestRating[]) =>
    analyseTeamRows({ ...input, snapshots: [...snapshots.slice(0, -1), { quarter: currentQuarter, ratings }] });
  return { team, currentQuarter, ...parts, withCurrent };
}

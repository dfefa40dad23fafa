import { and, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";

import type { DbOrTx } from "../client";
import { frameworkVersions, teamFrameworkHistory, teams } from "../schema";

export type TeamVersion = { teamId: string; frameworkId: string; versionId: string };

/**
 * The roadmap version each active team used at a moment: "now" is the teams
 * table itself; a past moment is the newest team_framework_history row at or
 * before it (a trigger records every change in the same transaction). A team
 * recorded only after the moment (created later, or before history was kept
 * and never switched since) is read with its first recorded version.
 */
export async function teamVersionsAt(
  db: DbOrTx,
  asOf: Date | "now",
  teamIds?: string[],
): Promise<Map<string, TeamVersion>> {
  if (teamIds?.length === 0) return new Map();
  if (asOf === "now") {
    const rows = await db
      .select({ teamId: teams.id, frameworkId: teams.frameworkId, versionId: teams.frameworkVersionId })
      .from(teams)
      .where(and(isNull(teams.archivedAt), teamIds ? inArray(teams.id, teamIds) : undefined));
    return new Map(rows.map((r) => [r.teamId, r]));
  }
  const h = teamFrameworkHistory;
  const before = sql`${h.effectiveAt} <= ${asOf.toISOString()}::timestamptz`;
  const rows = await db
    .selectDistinctOn([h.teamId], { teamId: h.teamId, frameworkId: h.frameworkId, versionId: h.frameworkVersionId })
    .from(h)
    .innerJoin(teams, eq(teams.id, h.teamId))
    // A team archived after the moment was still there then.
    .where(
      and(
        or(isNull(teams.archivedAt), sql`${teams.archivedAt} > ${asOf.toISOString()}::timestamptz`),
        teamIds ? inArray(h.teamId, teamIds) : undefined,
      ),
    )
    // Per team: the newest row at or before the moment, else the oldest row.
    .orderBy(
      h.teamId,
      sql`${before} desc`,
      sql`case when ${before} then ${h.effectiveAt} end desc nulls last`,
      sql`case when ${before} then -${h.id} else ${h.id} end`,
      h.effectiveAt,
    );
  return new Map(rows.map((r) => [r.teamId, r]));
}

/** One team's version at a moment (see teamVersionsAt). */
export async function teamVersionAt(db: DbOrTx, teamId: string, asOf: Date | "now"): Promise<TeamVersion | null> {
  return (await teamVersionsAt(db, asOf, [teamId])).get(teamId) ?? null;
}

/** A framework's published version (publishing retires the one before), if any. */
export async function publishedVersionOf(
  db: DbOrTx,
  frameworkId: string,
): Promise<{ id: string; version: number } | null> {
  const [row] = await db
    .select({ id: frameworkVersions.id, version: frameworkVersions.version })
    .from(frameworkVersions)
    .where(and(eq(frameworkVersions.frameworkId, frameworkId), eq(frameworkVersions.status, "published")))
    .orderBy(desc(frameworkVersions.version))
    .limit(1);
  return row ?? null;
}

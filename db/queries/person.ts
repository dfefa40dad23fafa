import { and, asc, eq } from "drizzle-orm";

import type { RatingPoint } from "@/lib/analytics/rating-sheet";

import type { DbOrTx } from "../client";
import { frameworkVersions, ratings, teamMembers, teams, users } from "../schema";
import { resolveMemberFramework, type MemberFramework } from "./member-framework";
import { readVersionRows, type VersionRows } from "./version-rows";

export type PersonMembership = {
  teamId: string;
  teamName: string;
  isLead: boolean;
  currentLevelKey: string | null;
};
export type PersonRow = {
  id: string;
  name: string;
  email: string;
  disabled: boolean;
  /** Active teams only (an archived team is no longer theirs), by name. */
  teams: PersonMembership[];
};

/**
 * A person with their active teams, in one round trip (a left join keeps
 * people without a team). Null when there is no such person. Checks nothing.
 */
export async function readPerson(db: DbOrTx, userId: string): Promise<PersonRow | null> {
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      disabled: users.disabled,
      teamId: teamMembers.teamId,
      teamName: teams.name,
      isLead: teamMembers.isLead,
      currentLevelKey: teamMembers.currentLevelKey,
      archivedAt: teams.archivedAt,
    })
    .from(users)
    .leftJoin(teamMembers, eq(teamMembers.userId, users.id))
    .leftJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(eq(users.id, userId))
    .orderBy(asc(teams.name));
  const first = rows[0];
  if (!first) return null;
  const teamsOf = rows
    .filter((r) => r.teamId !== null && r.teamName !== null && !r.archivedAt)
    .map((r) => ({ teamId: r.teamId!, teamName: r.teamName!, isLead: !!r.isLead, currentLevelKey: r.currentLevelKey }));
  return { id: first.id, name: first.name, email: first.email, disabled: first.disabled, teams: teamsOf };
}

export type PersonSheetRows = {
  framework: MemberFramework;
  version: typeof frameworkVersions.$inferSelect | undefined;
  rows: VersionRows;
  history: RatingPoint[];
};

/**
 * What the person's rating sheet is built from (lib/analytics/rating-sheet.ts
 * ratingSheet): their framework, its rows and their ratings in it, oldest
 * first. A fixed number of queries; null without any published roadmap.
 */
export async function readPersonSheetRows(db: DbOrTx, userId: string): Promise<PersonSheetRows | null> {
  const framework = await resolveMemberFramework(db, userId);
  if (!framework) return null;
  const [[version], rows, history] = await Promise.all([
    db.select().from(frameworkVersions).where(eq(frameworkVersions.id, framework.versionId)),
    readVersionRows(db, framework.versionId, { published: true }),
    db
      .select({
        skillKey: ratings.skillKey,
        kind: ratings.raterKind,
        raterId: ratings.raterId,
        proficiency: ratings.proficiency,
        notApplicable: ratings.notApplicable,
        interest: ratings.interest,
        evidence: ratings.evidence,
        comment: ratings.comment,
        quarter: ratings.quarter,
        ratedAt: ratings.ratedAt,
        raterName: users.name,
      })
      .from(ratings)
      .innerJoin(users, eq(users.id, ratings.raterId))
      .where(and(eq(ratings.userId, userId), eq(ratings.frameworkId, framework.frameworkId)))
      .orderBy(asc(ratings.ratedAt), asc(ratings.id)),
  ]);
  return { framework, version, rows, history };
}

import { and, asc, desc, eq, inArray, isNull, lte, sql, type AnyColumn, type SQL } from "drizzle-orm";

import type { DbOrTx } from "../client";
import { planItems, teamMemberHistory, teamMembers, teams, teamTargetHistory, teamTargets, users } from "../schema";
import { teamVersionAt, type TeamVersion } from "./team-versions";

// "The team as of T" (issue 23): every input of a quarter's analysis — who
// was in the team and at which levels, its targets, its accepted plan, its
// roadmap version — read at one moment. "now" reads the live tables; a past
// moment reads the append-only history the triggers of migrations 0010/0011
// write in the same transaction as each change, so a closed quarter read at
// its close time gives the same answer whatever happened since.

export type Moment = Date | "now";

export type MemberAt = {
  teamId: string;
  /** Today's name of the team (names are not history). */
  teamName: string;
  userId: string;
  name: string;
  isLead: boolean;
  currentLevelKey: string | null;
  targetLevelKey: string | null;
};

const at = (column: AnyColumn, asOf: Date) => sql`${column} <= ${asOf.toISOString()}::timestamptz`;

/** Each membership at the moment: the live rows now, else the newest history row at or before it (present or ended). */
function membershipRowsAt(db: DbOrTx, asOf: Moment, teamIds: string[]) {
  const columns = <T extends typeof teamMembers | typeof teamMemberHistory>(t: T) => ({
    teamId: t.teamId,
    userId: t.userId,
    isLead: t.isLead,
    currentLevelKey: t.currentLevelKey,
    targetLevelKey: t.targetLevelKey,
  });
  if (asOf === "now") {
    return db
      .select({ ...columns(teamMembers), present: sql<boolean>`true`.as("present") })
      .from(teamMembers)
      .where(inArray(teamMembers.teamId, teamIds))
      .as("membership");
  }
  const h = teamMemberHistory;
  return db
    .selectDistinctOn([h.teamId, h.userId], { ...columns(h), present: h.present })
    .from(h)
    .where(and(inArray(h.teamId, teamIds), at(h.effectiveAt, asOf)))
    .orderBy(h.teamId, h.userId, desc(h.effectiveAt), desc(h.id))
    .as("membership");
}

/** The people in these teams at the moment, with their lead flag and levels, ordered by team name then person name. */
export async function teamMembersAt(db: DbOrTx, asOf: Moment, teamIds: string[]): Promise<MemberAt[]> {
  if (teamIds.length === 0) return [];
  const m = membershipRowsAt(db, asOf, teamIds);
  return db
    .select({
      teamId: m.teamId,
      teamName: teams.name,
      userId: m.userId,
      name: users.name,
      isLead: m.isLead,
      currentLevelKey: m.currentLevelKey,
      targetLevelKey: m.targetLevelKey,
    })
    .from(m)
    .innerJoin(teams, eq(teams.id, m.teamId))
    .innerJoin(users, eq(users.id, m.userId))
    .where(sql`${m.present}`)
    .orderBy(asc(teams.name), asc(teams.id), asc(users.name), asc(users.id));
}

/** A subquery selecting the user ids in these teams at the moment (for latestRatings): the same memberships teamMembersAt reads. */
export function memberIdsAt(db: DbOrTx, asOf: Moment, teamIds: string[]): SQL {
  if (teamIds.length === 0) return sql`select null::uuid where false`;
  const m = membershipRowsAt(db, asOf, teamIds);
  return sql`${db
    .select({ userId: m.userId })
    .from(m)
    .where(sql`${m.present}`)}`;
}

export type TargetAt = {
  id: string;
  teamId: string;
  kind: "capability" | "skill";
  capabilityKey: string | null;
  skillKey: string | null;
  requiredProficiency: number;
  requiredHeadcount: number;
  targetQuarter: string;
  importance: number;
  createdAt: Date;
};

/** A team's targets that were live (created, not archived) at the moment, in the vision's order. */
export async function teamTargetsAt(db: DbOrTx, teamId: string, asOf: Moment): Promise<TargetAt[]> {
  const columns = <T extends typeof teamTargets | typeof teamTargetHistory>(t: T) => ({
    teamId: t.teamId,
    kind: t.kind,
    capabilityKey: t.capabilityKey,
    skillKey: t.skillKey,
    requiredProficiency: t.requiredProficiency,
    requiredHeadcount: t.requiredHeadcount,
    targetQuarter: t.targetQuarter,
    importance: t.importance,
    createdAt: t.createdAt,
  });
  if (asOf === "now") {
    return db
      .select({ id: teamTargets.id, ...columns(teamTargets) })
      .from(teamTargets)
      .where(and(eq(teamTargets.teamId, teamId), isNull(teamTargets.archivedAt)))
      .orderBy(asc(teamTargets.targetQuarter), asc(teamTargets.createdAt), asc(teamTargets.id));
  }
  const h = teamTargetHistory;
  const latest = db
    .selectDistinctOn([h.targetId], { id: h.targetId, ...columns(h), present: h.present })
    .from(h)
    .where(and(eq(h.teamId, teamId), at(h.effectiveAt, asOf)))
    .orderBy(h.targetId, desc(h.effectiveAt), desc(h.id))
    .as("target");
  const rows = await db.select().from(latest).where(eq(latest.present, true));
  return rows
    .map(({ present: _present, ...t }) => t)
    .sort(
      (a, b) =>
        a.targetQuarter.localeCompare(b.targetQuarter) ||
        a.createdAt.getTime() - b.createdAt.getTime() ||
        a.id.localeCompare(b.id),
    );
}

/** The items accepted into a team's plan by the moment (plan items are append-only), newest first, with who accepted them. */
export async function planItemsAt(db: DbOrTx, teamId: string, asOf: Moment) {
  return db
    .select({ row: planItems, acceptedBy: users.name })
    .from(planItems)
    .innerJoin(users, eq(users.id, planItems.acceptedById))
    .where(and(eq(planItems.teamId, teamId), asOf === "now" ? undefined : lte(planItems.createdAt, asOf)))
    .orderBy(desc(planItems.createdAt), desc(planItems.id));
}

/** The roadmap version a team used at the moment; `current` (the teams row) now, or when history has nothing. */
export async function versionAt(db: DbOrTx, teamId: string, asOf: Moment, current: TeamVersion): Promise<TeamVersion> {
  return asOf === "now" ? current : ((await teamVersionAt(db, teamId, asOf)) ?? current);
}

/** Everything that shapes a team's numbers at a moment, except the ratings (read with memberIdsAt). */
export async function teamAt(db: DbOrTx, teamId: string, asOf: Moment, fallback: TeamVersion) {
  const [version, members, targets] = await Promise.all([
    versionAt(db, teamId, asOf, fallback),
    teamMembersAt(db, asOf, [teamId]),
    teamTargetsAt(db, teamId, asOf),
  ]);
  return { version, members, targets, memberIds: memberIdsAt(db, asOf, [teamId]) };
}

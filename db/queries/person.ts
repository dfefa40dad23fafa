import { asc, eq } from "drizzle-orm";

import type { DbOrTx } from "../client";
import { teamMembers, teams, users } from "../schema";

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

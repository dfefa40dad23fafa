import "server-only";

import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";

import { getDb } from "@/db/client";
import { readSettings } from "@/db/queries/settings";
import { teamMembers, teams, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { can, canReadTeam } from "@/lib/permissions";

import { requireSignedIn } from "./guard";

export type TeamSummaryDto = {
  id: string;
  name: string;
  description: string;
  members: number;
  leads: number;
  youLead: boolean;
  people: { id: string; name: string; isLead: boolean }[];
};

/** Teams the viewer may open: every team for admins, the teams they lead, and their own teams when allowed. */
export async function listTeamsForViewer(viewer: Viewer | null): Promise<TeamSummaryDto[]> {
  const v = requireSignedIn(viewer);
  const all = can(v, "team:read-any");
  // Members also see their own teams (read-only) when the org allows it.
  const settings = v.memberTeamIds.length ? await readSettings() : null;
  const visible = [
    ...new Set([
      ...v.leadTeamIds,
      ...(settings ? v.memberTeamIds.filter((id) => canReadTeam(v, id, "heatmap", settings)) : []),
    ]),
  ];
  if (!all && visible.length === 0) return [];
  const rows = await getDb()
    .select({
      id: teams.id,
      name: teams.name,
      description: teams.description,
      members: sql<number>`count(${teamMembers.userId})::int`,
      leads: sql<number>`count(${teamMembers.userId}) filter (where ${teamMembers.isLead})::int`,
    })
    .from(teams)
    .leftJoin(teamMembers, eq(teamMembers.teamId, teams.id))
    .where(and(isNull(teams.archivedAt), all ? undefined : inArray(teams.id, visible)))
    .groupBy(teams.id)
    .orderBy(asc(teams.name));
  const people = rows.length
    ? await getDb()
        .select({ teamId: teamMembers.teamId, id: users.id, name: users.name, isLead: teamMembers.isLead })
        .from(teamMembers)
        .innerJoin(users, eq(users.id, teamMembers.userId))
        .where(
          inArray(
            teamMembers.teamId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(asc(users.name))
    : [];
  return rows.map((r) => ({
    ...r,
    youLead: v.leadTeamIds.includes(r.id),
    people: people.filter((p) => p.teamId === r.id).map(({ id, name, isLead }) => ({ id, name, isLead })),
  }));
}

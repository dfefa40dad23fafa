import "server-only";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { teamMembers, teams } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { can } from "@/lib/permissions";
import { requireSignedIn } from "./guard";

export type TeamSummaryDto = { id: string; name: string; description: string; members: number; leads: number; youLead: boolean };

/** Teams the viewer may open: every team for admins, the teams they lead otherwise. */
export async function listTeamsForViewer(viewer: Viewer | null): Promise<TeamSummaryDto[]> {
  const v = requireSignedIn(viewer);
  const all = can(v, "team:read-any");
  if (!all && v.leadTeamIds.length === 0) return [];
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
    .where(and(isNull(teams.archivedAt), all ? undefined : inArray(teams.id, v.leadTeamIds)))
    .groupBy(teams.id)
    .orderBy(asc(teams.name));
  return rows.map((r) => ({ ...r, youLead: v.leadTeamIds.includes(r.id) }));
}

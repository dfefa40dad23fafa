import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { teamMembers, teams } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { requireSignedIn } from "./guard";

export type ProfileDto = {
  name: string;
  email: string;
  role: Viewer["role"];
  teams: { id: string; name: string; isLead: boolean; currentLevelKey: string | null; targetLevelKey: string | null }[];
};

/** The viewer's own profile: always about the caller, never about an id from the client. */
export async function getMyProfile(viewer: Viewer | null): Promise<ProfileDto> {
  const v = requireSignedIn(viewer);
  const rows = await getDb()
    .select({
      id: teams.id,
      name: teams.name,
      isLead: teamMembers.isLead,
      currentLevelKey: teamMembers.currentLevelKey,
      targetLevelKey: teamMembers.targetLevelKey,
    })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(eq(teamMembers.userId, v.id))
    .orderBy(asc(teams.name));
  return { name: v.name, email: v.email, role: v.role, teams: rows };
}

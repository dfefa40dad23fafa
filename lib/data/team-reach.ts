import "server-only";

import { and, eq, isNull } from "drizzle-orm";

import type { DbOrTx } from "@/db/client";
import { teamMembers, teams } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { forbidden } from "@/lib/errors";
import { teamsBeyondReach } from "@/lib/permissions";

type Reach = "add" | "validate";

const MESSAGE: Record<Reach, (teamNames: string) => string> = {
  add: (names) => `That person is in ${names}. Ask its lead or an admin to move them.`,
  validate: (names) =>
    `That person is also in ${names}: a validation would change that team's numbers too. Ask an admin.`,
};

/**
 * Refuses when acting on `userId` through `teamId` would reach into another
 * active team of theirs that the viewer does not lead (lib/permissions.ts,
 * teamsBeyondReach): one team's lead never changes another team's members,
 * heatmap, coverage or priorities.
 */
export async function assertWithinReach(
  db: DbOrTx,
  viewer: Viewer,
  userId: string,
  teamId: string,
  reach: Reach,
): Promise<void> {
  const memberships = await db
    .select({ id: teams.id, name: teams.name })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(and(eq(teamMembers.userId, userId), isNull(teams.archivedAt)));
  const beyond = new Set(
    teamsBeyondReach(
      viewer,
      memberships.map((m) => m.id),
      teamId,
    ),
  );
  if (!beyond.size) return;
  const names = memberships.filter((m) => beyond.has(m.id)).map((m) => m.name);
  throw forbidden(MESSAGE[reach](names.join(", ")));
}

import { and, asc, desc, eq, isNull } from "drizzle-orm";

import type { DbOrTx } from "../client";
import { frameworkVersions, teamMembers, teams } from "../schema";

export type MemberFramework = {
  frameworkId: string;
  versionId: string;
  currentLevelKey: string | null;
  targetLevelKey: string | null;
};

/**
 * The framework version a member rates against: the one of their first active
 * team (by name), else the newest published version of any framework.
 */
export async function resolveMemberFramework(db: DbOrTx, userId: string): Promise<MemberFramework | null> {
  const [membership] = await db
    .select({
      frameworkId: teams.frameworkId,
      versionId: teams.frameworkVersionId,
      currentLevelKey: teamMembers.currentLevelKey,
      targetLevelKey: teamMembers.targetLevelKey,
    })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(and(eq(teamMembers.userId, userId), isNull(teams.archivedAt)))
    .orderBy(asc(teams.name))
    .limit(1);
  if (membership) return membership;
  const [latest] = await db
    .select({ frameworkId: frameworkVersions.frameworkId, versionId: frameworkVersions.id })
    .from(frameworkVersions)
    .where(eq(frameworkVersions.status, "published"))
    .orderBy(desc(frameworkVersions.publishedAt))
    .limit(1);
  return latest ? { ...latest, currentLevelKey: null, targetLevelKey: null } : null;
}

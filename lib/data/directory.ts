import "server-only";

import { asc, desc, eq, sql } from "drizzle-orm";

import { getDb } from "@/db/client";
import { requireActiveTeam } from "@/db/queries/active-team";
import { writeAudit } from "@/db/queries/audit";
import { managingGroup, type ScimEventInput } from "@/db/queries/directory";
import { directoryGroupMembers, directoryGroups, scimEvents, teams } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { conflict, notFound } from "@/lib/errors";
import type { Role } from "@/lib/permissions";
import { groupMappingSchema } from "@/lib/validations/directory";

import { reconcileRoles, syncTeamWithGroup } from "./directory-effects";
import { parseInput, requirePermission } from "./guard";
import { listScimTokens, type ScimTokenDto } from "./scim-tokens";

// /org/directory: what an admin sees and decides about directory sync —
// SCIM tokens, what each directory group does (a team, a role, or nothing)
// and the provisioning log.

const LOG_ROWS = 100;

export type DirectoryGroupDto = {
  id: string;
  displayName: string;
  memberCount: number;
  teamId: string | null;
  role: Exclude<Role, "member"> | null;
};
export type ScimEventDto = ScimEventInput & { id: number; at: string };
export type DirectoryPage = {
  tokens: ScimTokenDto[];
  groups: DirectoryGroupDto[];
  /** `groupId`: the group that already manages the team, if any (one group per team). */
  teams: { id: string; name: string; groupId: string | null }[];
  events: ScimEventDto[];
};

export async function getDirectoryPage(viewer: Viewer | null): Promise<DirectoryPage> {
  requirePermission(viewer, "directory:manage");
  const db = getDb();
  const [tokens, groups, teamRows, events] = await Promise.all([
    listScimTokens(viewer),
    db
      .select({
        id: directoryGroups.id,
        displayName: directoryGroups.displayName,
        teamId: directoryGroups.teamId,
        role: directoryGroups.role,
        memberCount: sql<number>`(select count(*)::int from ${directoryGroupMembers} m where m.group_id = ${directoryGroups.id})`,
      })
      .from(directoryGroups)
      .orderBy(asc(directoryGroups.displayName)),
    db
      .select({ id: teams.id, name: teams.name, groupId: directoryGroups.id })
      .from(teams)
      .leftJoin(directoryGroups, eq(directoryGroups.teamId, teams.id))
      .where(sql`${teams.archivedAt} is null`)
      .orderBy(asc(teams.name)),
    db.select().from(scimEvents).orderBy(desc(scimEvents.id)).limit(LOG_ROWS),
  ]);
  return {
    tokens,
    groups: groups.map((g) => ({ ...g, role: g.role === "member" ? null : g.role })),
    teams: teamRows,
    events: events.map(({ createdAt, ...e }) => ({ ...e, at: createdAt.toISOString() })),
  };
}

/**
 * An admin decides what a group does. Mapping it to a team makes the team's
 * membership the group's now and from then on; mapping it to a role gives
 * its members that role (and withdraws it from them when unmapped).
 */
export async function setGroupMapping(viewer: Viewer | null, raw: unknown): Promise<void> {
  const actor = requirePermission(viewer, "directory:manage");
  const input = parseInput(groupMappingSchema, raw);
  await getDb().transaction(async (tx) => {
    const [group] = await tx.select().from(directoryGroups).where(eq(directoryGroups.id, input.groupId)).for("update");
    if (!group) throw notFound("That group does not exist.");
    if (input.teamId && input.teamId !== group.teamId) {
      await requireActiveTeam(tx, input.teamId);
      const owner = await managingGroup(tx, input.teamId);
      if (owner) throw conflict(`That team is already managed by the group “${owner.displayName}”.`);
    }
    await tx
      .update(directoryGroups)
      .set({ teamId: input.teamId, role: input.role })
      .where(eq(directoryGroups.id, group.id));
    const before = { teamId: group.teamId, role: group.role };
    const after = { teamId: input.teamId, role: input.role };
    await writeAudit(tx, {
      actor,
      action: "directory.mapping_changed",
      entityType: "directory_group",
      entityId: group.id,
      before,
      after,
    });
    if (input.teamId && input.teamId !== group.teamId) await syncTeamWithGroup(tx, group.id, input.teamId, { actor });
    if (input.role !== group.role) {
      const members = await tx
        .select({ id: directoryGroupMembers.userId })
        .from(directoryGroupMembers)
        .where(eq(directoryGroupMembers.groupId, group.id));
      await reconcileRoles(
        tx,
        members.map((m) => m.id),
        { actor },
      );
    }
  });
}

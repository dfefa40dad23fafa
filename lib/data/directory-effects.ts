import "server-only";

import { and, eq, inArray, sql } from "drizzle-orm";

import type { Tx } from "@/db/client";
import { writeAudit, type AuditInput } from "@/db/queries/audit";
import { directoryGroupMembers, directoryGroups, teamMembers, users } from "@/db/schema";
import { bumpSessionGeneration } from "@/lib/auth/sessions";
import type { Role } from "@/lib/permissions";

// What a directory group's membership does in Skillgrid, inside the
// transaction of the change: a group mapped to a team makes the team's
// membership the group's; a group mapped to a role gives its members that
// role (the highest of their role groups; none = member).

/** Who made the change, as the audit row records it: an admin, or a SCIM token by name. */
export type DirectoryActor = Pick<AuditInput, "actor" | "actorEmail">;

type Mapping = { id: string; teamId: string | null; role: Role | null };

/** Applies a change of a group's members to its team and its role. */
export async function applyMembershipChange(
  tx: Tx,
  group: Mapping,
  added: string[],
  removed: string[],
  by: DirectoryActor,
): Promise<void> {
  if (group.teamId) await changeTeamMembers(tx, group.teamId, added, removed, by);
  if (group.role) await reconcileRoles(tx, [...added, ...removed], by);
}

/** Makes a team's membership exactly the group's (when an admin maps the group to it). */
export async function syncTeamWithGroup(tx: Tx, groupId: string, teamId: string, by: DirectoryActor): Promise<void> {
  const [inGroup, inTeam] = await Promise.all([
    tx
      .select({ id: directoryGroupMembers.userId })
      .from(directoryGroupMembers)
      .where(eq(directoryGroupMembers.groupId, groupId)),
    tx.select({ id: teamMembers.userId }).from(teamMembers).where(eq(teamMembers.teamId, teamId)),
  ]);
  const group = new Set(inGroup.map((r) => r.id));
  const team = new Set(inTeam.map((r) => r.id));
  const added = [...group].filter((id) => !team.has(id));
  const removed = [...team].filter((id) => !group.has(id));
  await changeTeamMembers(tx, teamId, added, removed, by);
}

async function changeTeamMembers(tx: Tx, teamId: string, added: string[], removed: string[], by: DirectoryActor) {
  const inserted = added.length
    ? await tx
        .insert(teamMembers)
        .values(added.map((userId) => ({ teamId, userId })))
        .onConflictDoNothing()
        .returning({ userId: teamMembers.userId })
    : [];
  const deleted = removed.length
    ? await tx
        .delete(teamMembers)
        .where(and(eq(teamMembers.teamId, teamId), inArray(teamMembers.userId, removed)))
        .returning({ userId: teamMembers.userId })
    : [];
  if (!inserted.length && !deleted.length) return;
  await writeAudit(tx, {
    ...by,
    action: "directory.team_synced",
    entityType: "team",
    entityId: teamId,
    after: { added: inserted.map((r) => r.userId), removed: deleted.map((r) => r.userId) },
  });
}

const RANK: Record<Role, number> = { member: 0, manager: 1, admin: 2 };
const higher = (a: Role, b: Role) => (RANK[a] >= RANK[b] ? a : b);

/**
 * Sets each person's role from their role groups: the highest of them, but
 * never below a role an admin gave by hand (a hand-made admin in a managers'
 * group stays admin). A role that came from the directory goes when its
 * group does. Their sessions end when the role changes.
 */
export async function reconcileRoles(tx: Tx, userIds: string[], by: DirectoryActor): Promise<void> {
  if (!userIds.length) return;
  const [people, grants] = await Promise.all([
    tx
      .select({ id: users.id, role: users.role, fromDirectory: users.roleFromDirectory })
      .from(users)
      .where(inArray(users.id, userIds)),
    tx
      .select({ userId: directoryGroupMembers.userId, role: directoryGroups.role })
      .from(directoryGroupMembers)
      .innerJoin(directoryGroups, eq(directoryGroups.id, directoryGroupMembers.groupId))
      .where(and(inArray(directoryGroupMembers.userId, userIds), sql`${directoryGroups.role} is not null`)),
  ]);
  for (const person of people) {
    const granted = grants
      .filter((g) => g.userId === person.id)
      .reduce<Role>((best, g) => higher(best, g.role!), "member");
    const byHand: Role = person.fromDirectory ? "member" : person.role;
    const role = higher(granted, byHand);
    const fromDirectory = RANK[granted] > RANK[byHand];
    if (role === person.role) {
      if (fromDirectory !== person.fromDirectory)
        await tx.update(users).set({ roleFromDirectory: fromDirectory }).where(eq(users.id, person.id));
      continue;
    }
    if (person.role === "admin" && (await isLastAdmin(tx, person.id))) {
      await writeAudit(tx, { ...by, action: "directory.last_admin_kept", entityType: "user", entityId: person.id });
      continue;
    }
    await tx.update(users).set({ role, roleFromDirectory: fromDirectory }).where(eq(users.id, person.id));
    await bumpSessionGeneration(tx, person.id);
    const change = { before: { role: person.role }, after: { role } };
    await writeAudit(tx, {
      ...by,
      action: "directory.role_changed",
      entityType: "user",
      entityId: person.id,
      ...change,
    });
  }
}

async function isLastAdmin(tx: Tx, userId: string): Promise<boolean> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(sql`${users.role} = 'admin' and not ${users.disabled} and ${users.id} <> ${userId}`);
  return row!.n === 0;
}

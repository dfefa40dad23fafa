import "server-only";

import { and, desc, eq, sql } from "drizzle-orm";

import { getDb, type DbOrTx } from "@/db/client";
import { requireActiveTeam } from "@/db/queries/active-team";
import { writeAudit } from "@/db/queries/audit";
import { managingGroup } from "@/db/queries/directory";
import { readTeamRoadmap, type TeamRoadmapDto } from "@/db/queries/team-roadmap";
import { frameworkVersions, levels, teamMembers, teams, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { getEnv } from "@/lib/env";
import { conflict, forbidden, invalid, notFound } from "@/lib/errors";
import { can } from "@/lib/permissions";
import {
  addTeamMemberSchema,
  archiveTeamSchema,
  createTeamSchema,
  removeTeamMemberSchema,
  updateTeamMemberSchema,
  updateTeamSchema,
} from "@/lib/validations/teams";

import { parseInput, parseTeamInput, requirePermission } from "./guard";
import { assertWithinReach } from "./team-reach";

/** A manager (or admin) creates a team on the framework most teams use; a manager becomes its lead. */
export async function createTeam(viewer: Viewer | null, raw: unknown): Promise<{ id: string }> {
  const v = requirePermission(viewer, "team:create");
  const input = parseInput(createTeamSchema, raw);
  const db = getDb();
  return db.transaction(async (tx) => {
    const [version] = await tx
      .select({ id: frameworkVersions.id, frameworkId: frameworkVersions.frameworkId })
      .from(frameworkVersions)
      .where(eq(frameworkVersions.status, "published"))
      .orderBy(
        desc(sql`(select count(*) from ${teams} where ${teams.frameworkId} = ${frameworkVersions.frameworkId})`),
        desc(frameworkVersions.version),
      )
      .limit(1);
    if (!version) throw conflict("Install a roadmap before creating teams.");
    const [team] = await tx
      .insert(teams)
      .values({
        name: input.name,
        description: input.description,
        frameworkId: version.frameworkId,
        frameworkVersionId: version.id,
      })
      .returning();
    if (v.role === "manager") await tx.insert(teamMembers).values({ teamId: team!.id, userId: v.id, isLead: true });
    await writeAudit(tx, {
      actor: v,
      action: "team.created",
      entityType: "team",
      entityId: team!.id,
      after: { name: team!.name, lead: v.role === "manager" ? v.id : null },
    });
    return { id: team!.id };
  });
}

/** Rename / re-describe, with optimistic concurrency on the team's version. */
export async function updateTeam(viewer: Viewer | null, raw: unknown): Promise<{ lockVersion: number }> {
  const { v, input } = parseTeamInput(viewer, updateTeamSchema, raw, "team:edit");
  return getDb().transaction(async (tx) => {
    const before = await requireActiveTeam(tx, input.teamId);
    const [after] = await tx
      .update(teams)
      .set({ name: input.name, description: input.description, lockVersion: sql`${teams.lockVersion} + 1` })
      .where(and(eq(teams.id, input.teamId), eq(teams.lockVersion, input.lockVersion)))
      .returning();
    if (!after) throw conflict("This team was changed by someone else. Reload to see their changes.");
    await writeAudit(tx, {
      actor: v,
      action: "team.updated",
      entityType: "team",
      entityId: input.teamId,
      before: { name: before.name, description: before.description },
      after: { name: after.name, description: after.description },
    });
    return { lockVersion: after.lockVersion };
  });
}

export async function archiveTeam(viewer: Viewer | null, raw: unknown): Promise<void> {
  const { v, input } = parseTeamInput(viewer, archiveTeamSchema, raw, "team:edit");
  await getDb().transaction(async (tx) => {
    const [row] = await tx
      .update(teams)
      .set({ archivedAt: new Date() })
      .where(and(eq(teams.id, input.teamId), sql`${teams.archivedAt} is null`))
      .returning();
    if (!row) throw notFound("That team does not exist.");
    await writeAudit(tx, {
      actor: v,
      action: "team.archived",
      entityType: "team",
      entityId: input.teamId,
      after: { archivedAt: row.archivedAt },
    });
  });
}

/** Adds someone by email; a person who never signed in is pre-provisioned and linked at first SSO sign-in. */
export async function addTeamMember(
  viewer: Viewer | null,
  raw: unknown,
): Promise<{ userId: string; preProvisioned: boolean }> {
  const { v, input } = parseTeamInput(viewer, addTeamMemberSchema, raw, "team:edit");
  const allowed = getEnv().ALLOWED_EMAIL_DOMAINS;
  if (allowed.length && !allowed.includes(input.email.split("@")[1]!)) {
    throw invalid("That email is not in one of the organisation's domains.", { email: ["Not an organisation email."] });
  }
  return getDb().transaction(async (tx) => {
    await requireActiveTeam(tx, input.teamId);
    await assertMembershipByHand(tx, input.teamId);
    let [user] = await tx
      .select()
      .from(users)
      .where(sql`lower(${users.email}) = ${input.email}`);
    const preProvisioned = !user;
    if (user) {
      // A lead adds people who are in no team yet; taking someone from
      // another team needs that team's lead or an admin, and only an admin
      // puts an admin in a team.
      if (user.role === "admin" && !can(v, "team:manage-any"))
        throw forbidden("Only an admin can add an admin to a team.");
      await assertWithinReach(tx, v, user.id, input.teamId, "add");
    }
    if (!user) {
      [user] = await tx
        .insert(users)
        .values({ email: input.email, name: input.email.split("@")[0]!, role: "member" })
        .returning();
      await writeAudit(tx, {
        actor: v,
        action: "user.preprovisioned",
        entityType: "user",
        entityId: user!.id,
        after: { email: input.email },
      });
    }
    const added = await tx
      .insert(teamMembers)
      .values({ teamId: input.teamId, userId: user!.id })
      .onConflictDoNothing()
      .returning();
    if (added.length === 0) throw conflict("That person is already in this team.");
    await writeAudit(tx, {
      actor: v,
      action: "team.member_added",
      entityType: "team",
      entityId: input.teamId,
      after: { userId: user!.id, email: input.email },
    });
    return { userId: user!.id, preProvisioned };
  });
}

export async function removeTeamMember(viewer: Viewer | null, raw: unknown): Promise<void> {
  const { v, input } = parseTeamInput(viewer, removeTeamMemberSchema, raw, "team:edit");
  await getDb().transaction(async (tx) => {
    await assertMembershipByHand(tx, input.teamId);
    const row = await requireMembership(tx, input.teamId, input.userId);
    if (row.isLead) await requireAnotherLead(tx, input.teamId, input.userId);
    await tx.delete(teamMembers).where(membershipOf(input.teamId, input.userId));
    await writeAudit(tx, {
      actor: v,
      action: "team.member_removed",
      entityType: "team",
      entityId: input.teamId,
      before: row,
    });
  });
}

/** Lead flag and current / target level of one member. */
export async function updateTeamMember(viewer: Viewer | null, raw: unknown): Promise<void> {
  const { v, input } = parseTeamInput(viewer, updateTeamMemberSchema, raw, "team:edit");
  await getDb().transaction(async (tx) => {
    const team = await requireActiveTeam(tx, input.teamId);
    const before = await requireMembership(tx, input.teamId, input.userId);
    const keys = new Set(
      (
        await tx.select({ key: levels.key }).from(levels).where(eq(levels.frameworkVersionId, team.frameworkVersionId))
      ).map((l) => l.key),
    );
    for (const field of ["currentLevelKey", "targetLevelKey"] as const) {
      const key = input[field];
      if (key && !keys.has(key))
        throw invalid("That level is not in this team's roadmap.", { [field]: ["Unknown level."] });
    }
    if (input.isLead === false && before.isLead) await requireAnotherLead(tx, input.teamId, input.userId);
    const patch = {
      ...(input.isLead !== undefined ? { isLead: input.isLead } : {}),
      ...(input.currentLevelKey !== undefined ? { currentLevelKey: input.currentLevelKey } : {}),
      ...(input.targetLevelKey !== undefined ? { targetLevelKey: input.targetLevelKey } : {}),
    };
    if (Object.keys(patch).length === 0) return;
    const [after] = await tx.update(teamMembers).set(patch).where(membershipOf(input.teamId, input.userId)).returning();
    await writeAudit(tx, {
      actor: v,
      action: "team.member_updated",
      entityType: "team",
      entityId: input.teamId,
      before,
      after,
    });
  });
}

/** A team whose membership a directory group owns changes in the directory, not here (leads and levels stay editable). */
async function assertMembershipByHand(tx: DbOrTx, teamId: string) {
  const group = await managingGroup(tx, teamId);
  if (group)
    throw conflict(
      `This team's members come from the directory group “${group.displayName}”: change them in the directory.`,
    );
}

const membershipOf = (teamId: string, userId: string) =>
  and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId));

async function requireMembership(tx: DbOrTx, teamId: string, userId: string) {
  const [row] = await tx.select().from(teamMembers).where(membershipOf(teamId, userId));
  if (!row) throw notFound("That person is not in this team.");
  return row;
}

async function requireAnotherLead(tx: DbOrTx, teamId: string, userId: string) {
  const [{ n }] = (await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(teamMembers)
    .where(
      and(eq(teamMembers.teamId, teamId), eq(teamMembers.isLead, true), sql`${teamMembers.userId} <> ${userId}`),
    )) as [{ n: number }];
  if (n === 0) throw conflict("A team needs at least one lead. Make someone else lead first.");
}

export type TeamSettingsDto = {
  id: string;
  versionId: string;
  roadmap: TeamRoadmapDto;
  name: string;
  description: string;
  lockVersion: number;
  levels: { key: string; name: string }[];
  /** The directory group whose members the team's are (lib/data/directory.ts), if any. */
  managedBy: { id: string; displayName: string } | null;
  members: {
    id: string;
    name: string;
    email: string;
    isLead: boolean;
    signedIn: boolean;
    currentLevelKey: string | null;
    targetLevelKey: string | null;
  }[];
};

/** What the team settings page shows (leads of the team and admins). */
export async function getTeamSettings(
  viewer: Viewer | null,
  raw: unknown,
  { locale }: { locale: "en" | "zh-TW" },
): Promise<TeamSettingsDto> {
  const { input } = parseTeamInput(viewer, archiveTeamSchema, raw, "team:edit");
  const db = getDb();
  const team = await requireActiveTeam(db, input.teamId);
  const [levelRows, memberRows, roadmap] = await Promise.all([
    db.select().from(levels).where(eq(levels.frameworkVersionId, team.frameworkVersionId)).orderBy(levels.position),
    db
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        issuer: users.issuer,
        isLead: teamMembers.isLead,
        currentLevelKey: teamMembers.currentLevelKey,
        targetLevelKey: teamMembers.targetLevelKey,
      })
      .from(teamMembers)
      .innerJoin(users, eq(users.id, teamMembers.userId))
      .where(eq(teamMembers.teamId, team.id))
      .orderBy(users.name),
    readTeamRoadmap(db, team.frameworkVersionId, locale),
  ]);
  const managedBy = await managingGroup(db, team.id);
  return {
    managedBy,
    id: team.id,
    versionId: team.frameworkVersionId,
    roadmap,
    name: team.name,
    description: team.description,
    lockVersion: team.lockVersion,
    levels: levelRows.map((l) => ({ key: l.key, name: locale === "zh-TW" ? l.nameZh : l.nameEn })),
    members: memberRows.map(({ issuer, ...m }) => ({ ...m, signedIn: !!issuer })),
  };
}

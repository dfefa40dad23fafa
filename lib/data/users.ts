import "server-only";

import { asc, eq, sql } from "drizzle-orm";

import { getDb } from "@/db/client";
import { writeAudit } from "@/db/queries/audit";
import { teamMembers, teams, users } from "@/db/schema";
import { bumpSessionGeneration } from "@/lib/auth/sessions";
import type { Viewer } from "@/lib/auth/viewer";
import { conflict, forbidden, notFound } from "@/lib/errors";
import { canOnTeam, type Role } from "@/lib/permissions";
import { revokeSessionsSchema, setUserDisabledSchema, setUserRoleSchema } from "@/lib/validations/users";

import { parseInput, requirePermission, requireSignedIn } from "./guard";

export type UserDto = {
  id: string;
  name: string;
  email: string;
  role: Role;
  disabled: boolean;
  signedIn: boolean;
  lastSignInAt: string | null;
  /** `reviewable`: the viewer may open this person's ratings page in that team (lead or admin). */
  teams: { id: string; name: string; isLead: boolean; reviewable: boolean }[];
};

/** Everyone in the organisation, with their teams (admins and managers). */
export async function listUsers(viewer: Viewer | null): Promise<UserDto[]> {
  const v = requirePermission(viewer, "user:read");
  const db = getDb();
  const [rows, memberships] = await Promise.all([
    db.select().from(users).orderBy(asc(users.name)),
    db
      .select({ userId: teamMembers.userId, id: teams.id, name: teams.name, isLead: teamMembers.isLead })
      .from(teamMembers)
      .innerJoin(teams, eq(teams.id, teamMembers.teamId))
      .where(sql`${teams.archivedAt} is null`)
      .orderBy(asc(teams.name)),
  ]);
  return rows.map((u) => ({
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role,
    disabled: u.disabled,
    signedIn: !!u.issuer,
    lastSignInAt: u.lastSignInAt?.toISOString() ?? null,
    teams: memberships
      .filter((m) => m.userId === u.id)
      .map(({ id, name, isLead }) => ({ id, name, isLead, reviewable: canOnTeam(v, id, "team:read") })),
  }));
}

type UserChange = { id: string; role: Role; disabled: boolean };

async function changeUser(
  viewer: Viewer | null,
  userId: string,
  action: string,
  apply: (current: UserChange) => Partial<UserChange>,
): Promise<UserChange> {
  const actor = requirePermission(viewer, "user:manage");
  // Nobody locks themselves out: another admin has to demote or disable you.
  if (userId === actor.id) throw forbidden("You cannot change your own role or access.");
  return getDb().transaction(async (tx) => {
    const [current] = await tx
      .select({ id: users.id, role: users.role, disabled: users.disabled })
      .from(users)
      .where(eq(users.id, userId))
      .for("update");
    if (!current) throw notFound("That person does not exist.");
    const patch = apply(current);
    const next = { ...current, ...patch };
    if (next.role === current.role && next.disabled === current.disabled) return current;
    if (current.role === "admin" && !current.disabled && (next.role !== "admin" || next.disabled)) {
      const [{ n }] = (await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(users)
        .where(sql`${users.role} = 'admin' and not ${users.disabled}`)) as [{ n: number }];
      if (n <= 1) throw conflict("The organisation needs at least one active admin.");
    }
    // A role set by hand is the admin's from now on, not a directory group's (lib/data/directory-effects.ts).
    const handRole = patch.role !== undefined ? { roleFromDirectory: false } : {};
    await tx
      .update(users)
      .set({ ...patch, ...handRole })
      .where(eq(users.id, userId));
    // Sessions issued before a disable or a role change end now (re-enabling
    // does not revive them).
    await bumpSessionGeneration(tx, userId);
    await writeAudit(tx, { actor, action, entityType: "user", entityId: userId, before: current, after: next });
    return next;
  });
}

export async function setUserRole(viewer: Viewer | null, raw: unknown): Promise<UserChange> {
  requirePermission(viewer, "user:manage");
  const input = parseInput(setUserRoleSchema, raw);
  return changeUser(viewer, input.userId, "user.role_changed", () => ({ role: input.role }));
}

export async function setUserDisabled(viewer: Viewer | null, raw: unknown): Promise<UserChange> {
  requirePermission(viewer, "user:manage");
  const input = parseInput(setUserDisabledSchema, raw);
  return changeUser(viewer, input.userId, input.disabled ? "user.disabled" : "user.enabled", () => ({
    disabled: input.disabled,
  }));
}

/** "Sign out everywhere" for oneself: every session, this one included, ends. */
export async function signOutEverywhere(viewer: Viewer | null): Promise<void> {
  const v = requireSignedIn(viewer);
  await getDb().transaction(async (tx) => {
    await bumpSessionGeneration(tx, v.id);
    await writeAudit(tx, { actor: v, action: "auth.sessions_revoked", entityType: "user", entityId: v.id });
  });
}

/** An admin ends every session of someone (a lost laptop, a leaver). */
export async function revokeUserSessions(viewer: Viewer | null, raw: unknown): Promise<void> {
  const actor = requirePermission(viewer, "user:manage");
  const input = parseInput(revokeSessionsSchema, raw);
  await getDb().transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, input.userId));
    if (!user) throw notFound("That person does not exist.");
    await bumpSessionGeneration(tx, user.id);
    await writeAudit(tx, { actor, action: "auth.sessions_revoked", entityType: "user", entityId: user.id });
  });
}

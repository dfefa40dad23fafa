import "server-only";

import { eq } from "drizzle-orm";
import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { cache } from "react";

import { getDb } from "@/db/client";
import { teamMembers, teams, users } from "@/db/schema";
import { getEnv } from "@/lib/env";
import type { Role } from "@/lib/permissions";

import { sessionCookieName, withinAbsoluteLifetime } from "./session-cookie";

/** The signed-in person as the database says now (never as the token says). */
export type Viewer = {
  id: string;
  email: string;
  name: string;
  role: Role;
  locale: string;
  leadTeamIds: string[];
  memberTeamIds: string[];
};

/**
 * Loads a viewer by id: role, disabled flag and team leadership are read
 * fresh on every request, so a demotion or a disable takes effect at once.
 */
export async function loadViewer(userId: string, session?: { generation: number }): Promise<Viewer | null> {
  // One round trip: the user with their memberships (a left join keeps people without a team).
  const rows = await getDb()
    .select({ user: users, teamId: teamMembers.teamId, isLead: teamMembers.isLead, archivedAt: teams.archivedAt })
    .from(users)
    .leftJoin(teamMembers, eq(teamMembers.userId, users.id))
    .leftJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(eq(users.id, userId));
  const user = rows[0]?.user;
  if (!user || user.disabled) return null;
  // A token issued before sign-out, "sign out everywhere", a disable or a role change.
  if (session && session.generation !== user.sessionGeneration) return null;
  const active = rows.filter((m) => m.teamId !== null && !m.archivedAt);
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    locale: user.locale,
    leadTeamIds: active.filter((m) => m.isLead).map((m) => m.teamId!),
    memberTeamIds: active.map((m) => m.teamId!),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Verifies next-auth's encrypted session token and loads its user. The token
 * must name the user's current session generation and be younger than the
 * absolute session lifetime, counted from sign-in (refreshing it never
 * extends that).
 */
export async function viewerFromSessionToken(token: string | undefined): Promise<Viewer | null> {
  const secret = getEnv().NEXTAUTH_SECRET;
  if (!token || !secret) return null;
  let payload: Awaited<ReturnType<typeof decode>>;
  try {
    payload = await decode({ token, secret });
  } catch {
    return null; // tampered, expired or foreign token
  }
  const uid = payload?.uid;
  if (typeof uid !== "string" || !UUID.test(uid)) return null;
  const { gen, auth } = payload ?? {};
  if (typeof gen !== "number" || typeof auth !== "number") return null;
  if (!withinAbsoluteLifetime(auth)) return null;
  return loadViewer(uid, { generation: gen });
}

/** The viewer of the current request (pages, server actions, route handlers). */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const jar = await cookies();
  return viewerFromSessionToken(jar.get(sessionCookieName())?.value);
});

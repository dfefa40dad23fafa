import { inArray } from "drizzle-orm";

import type { DbOrTx } from "../client";
import { teams, users } from "../schema";

/** User id -> email, for the given users. */
export async function emailsById(db: DbOrTx, userIds: string[]): Promise<Map<string, string>> {
  if (!userIds.length) return new Map();
  const rows = await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.id, userIds));
  return new Map(rows.map((u) => [u.id, u.email]));
}

/** Team id -> today's name, for the given teams. */
export async function teamNamesById(db: DbOrTx, teamIds: string[]): Promise<Map<string, string>> {
  if (!teamIds.length) return new Map();
  const rows = await db.select({ id: teams.id, name: teams.name }).from(teams).where(inArray(teams.id, teamIds));
  return new Map(rows.map((t) => [t.id, t.name]));
}

import { eq } from "drizzle-orm";

import { notFound } from "@/lib/errors";

import type { DbOrTx } from "../client";
import { teams } from "../schema";

/** The team's row, or not found when there is no such team or it is archived. The caller has checked the viewer. */
export async function requireActiveTeam(db: DbOrTx, teamId: string) {
  const [team] = await db.select().from(teams).where(eq(teams.id, teamId));
  if (!team || team.archivedAt) throw notFound("That team does not exist.");
  return team;
}

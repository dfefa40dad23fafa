import { eq } from "drizzle-orm";

import { getDb, type DbOrTx } from "../client";
import { directoryGroups, scimEvents } from "../schema";

// Directory-sync SQL that checks no caller: the provisioning log's writer
// (lib/scim/handler.ts, after the token was checked or refused) and which
// group owns a team's membership (lib/data/team-admin.ts, directory.ts).

export type ScimEventInput = {
  tokenName: string | null;
  method: string;
  path: string;
  status: number;
  scimType: string | null;
  detail: string;
};

export async function recordScimEvent(event: ScimEventInput): Promise<void> {
  await getDb().insert(scimEvents).values(event);
}

/** The directory group that owns a team's membership, if any (hand edits of it are refused). */
export async function managingGroup(db: DbOrTx, teamId: string): Promise<{ id: string; displayName: string } | null> {
  const [group] = await db
    .select({ id: directoryGroups.id, displayName: directoryGroups.displayName })
    .from(directoryGroups)
    .where(eq(directoryGroups.teamId, teamId));
  return group ?? null;
}

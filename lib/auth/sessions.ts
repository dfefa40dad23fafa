import "server-only";

import { eq, sql } from "drizzle-orm";

import type { DbOrTx } from "@/db/client";
import { users } from "@/db/schema";

/**
 * Ends every session of a person: tokens carry the generation they were
 * issued under (lib/auth/viewer.ts refuses any other). Called inside the
 * transaction of the change that requires it (sign-out, disable, role
 * change, "sign out everywhere"), next to its audit row.
 */
export async function bumpSessionGeneration(tx: DbOrTx, userId: string): Promise<void> {
  await tx
    .update(users)
    .set({ sessionGeneration: sql`${users.sessionGeneration} + 1` })
    .where(eq(users.id, userId));
}

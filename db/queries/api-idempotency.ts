import { and, eq, lt, sql } from "drizzle-orm";

import type { DbOrTx } from "@/db/client";
import { apiIdempotency } from "@/db/schema";

// The replies kept for writes sent with an Idempotency-Key (lib/api/idempotency.ts).

/** How long a reply is kept: a client retrying a day later is a new request. */
export const KEEP_HOURS = 24;
/** A claim older than this whose request never finished (a crashed process) may be taken again. */
export const STALE_CLAIM_SECONDS = 60;

export type StoredReply = { requestHash: string; status: number | null; body: string | null; stale: boolean };

/** Claims the key for this request; false when another request holds it (read it with readReply). */
export async function claimKey(db: DbOrTx, tokenId: string, key: string, requestHash: string): Promise<boolean> {
  await db
    .delete(apiIdempotency)
    .where(
      and(
        eq(apiIdempotency.tokenId, tokenId),
        lt(apiIdempotency.createdAt, sql`now() - make_interval(hours => ${KEEP_HOURS})`),
      ),
    );
  const rows = await db
    .insert(apiIdempotency)
    .values({ tokenId, key, requestHash })
    .onConflictDoNothing()
    .returning({ key: apiIdempotency.key });
  return rows.length > 0;
}

export async function readReply(db: DbOrTx, tokenId: string, key: string): Promise<StoredReply | null> {
  const [row] = await db
    .select({
      requestHash: apiIdempotency.requestHash,
      status: apiIdempotency.status,
      body: apiIdempotency.body,
      stale: sql<boolean>`${apiIdempotency.createdAt} < now() - make_interval(secs => ${STALE_CLAIM_SECONDS})`,
    })
    .from(apiIdempotency)
    .where(and(eq(apiIdempotency.tokenId, tokenId), eq(apiIdempotency.key, key)));
  return row ?? null;
}

export async function storeReply(db: DbOrTx, tokenId: string, key: string, status: number, body: string) {
  await db
    .update(apiIdempotency)
    .set({ status, body })
    .where(and(eq(apiIdempotency.tokenId, tokenId), eq(apiIdempotency.key, key)));
}

/** Lets the key be used again: the request failed before it wrote anything. */
export async function releaseKey(db: DbOrTx, tokenId: string, key: string) {
  await db.delete(apiIdempotency).where(and(eq(apiIdempotency.tokenId, tokenId), eq(apiIdempotency.key, key)));
}

import { sql } from "drizzle-orm";

import { execRows, type DbOrTx } from "../client";
import type { notifications, webhookDeliveries } from "../schema";

// What the two outboxes (email notifications, webhook deliveries) share: a
// worker claims due rows without waiting on rows another worker holds.

export type ClaimOptions = { now: Date; limit: number; claimToken: string; claimMs: number };

/**
 * Claims up to `limit` due rows of an outbox table: pending ones, and ones a
 * worker claimed but never settled before its claim lapsed (it crashed),
 * counting the attempt. Rows another worker is claiming right now are
 * skipped (SKIP LOCKED), so racing workers each get their own. Returns their ids.
 */
export async function claimDueIds(
  db: DbOrTx,
  table: typeof notifications | typeof webhookDeliveries,
  o: ClaimOptions,
): Promise<string[]> {
  const until = new Date(o.now.getTime() + o.claimMs);
  const rows = await execRows<{ id: string }>(
    db,
    sql`update ${table} set status = 'sending', claim_token = ${o.claimToken},
          claimed_until = ${until.toISOString()}, attempts = attempts + 1, updated_at = ${o.now.toISOString()}
        where id in (
          select id from ${table}
          where (status = 'pending' and due_at <= ${o.now.toISOString()})
             or (status = 'sending' and claimed_until < ${o.now.toISOString()})
          order by due_at
          limit ${o.limit}
          for update skip locked)
        returning id`,
  );
  return rows.map((r) => r.id);
}

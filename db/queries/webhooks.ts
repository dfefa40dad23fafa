import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";

import type { WebhookBody, WebhookEvent, WebhookEventData } from "@/lib/webhooks/events";

import { execRows, type DbOrTx } from "../client";
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from "../schema";
import { claimDueIds, type ClaimOptions } from "./outbox";

// The webhook outbox's primitives (the email outbox's pattern, db/queries/
// notifications.ts). They check no caller: the data layer enqueues events in
// the transaction of the change they report, and the worker
// (lib/webhooks/deliver.ts) claims and settles them.

export function webhookBody<E extends WebhookEvent>(event: E, data: WebhookEventData[E], now = new Date()) {
  return { id: randomUUID(), type: event, createdAt: now.toISOString(), data } satisfies WebhookBody<E>;
}

/**
 * The insert…select that writes one delivery per enabled endpoint subscribed to the event, for each body
 * (no endpoint: no row). `when` adds a condition, for callers that embed it in a statement of their own.
 */
function insertDeliveries(event: WebhookEvent, bodies: WebhookBody[], when?: SQL): SQL {
  return sql`insert into ${webhookDeliveries} (endpoint_id, event, event_id, payload)
    select e.id, ${event}, (b.body->>'id')::uuid, b.body
    from ${webhookEndpoints} e cross join jsonb_array_elements(${JSON.stringify(bodies)}::jsonb) as b(body)
    where e.disabled_at is null and ${event} = any(e.events)${when ? sql` and (${when})` : sql``}`;
}

/** Enqueues an event, in the caller's transaction: one cheap statement. */
export async function enqueueWebhookEvent<E extends WebhookEvent>(
  tx: DbOrTx,
  event: E,
  data: WebhookEventData[E],
): Promise<void> {
  await tx.execute(insertDeliveries(event, [webhookBody(event, data)]));
}

/** Enqueues many events of one type (an import's ratings), a chunk per statement. */
export async function enqueueWebhookEvents<E extends WebhookEvent>(
  tx: DbOrTx,
  event: E,
  data: WebhookEventData[E][],
): Promise<void> {
  if (data.length === 0 || !(await anyEndpointFor(tx, event))) return; // an import need not ship its rows for nothing
  const now = new Date();
  for (let i = 0; i < data.length; i += 1000)
    await tx.execute(
      insertDeliveries(
        event,
        data.slice(i, i + 1000).map((d) => webhookBody(event, d, now)),
      ),
    );
}

async function anyEndpointFor(tx: DbOrTx, event: WebhookEvent): Promise<boolean> {
  const rows = await execRows(
    tx,
    sql`select 1 from ${webhookEndpoints} where disabled_at is null and ${event} = any(events) limit 1`,
  );
  return rows.length > 0;
}

/**
 * The same insert as a data-modifying CTE body, for a writer that saves in one statement
 * (`with saved as (…), hooks as (${webhookEventCte(…, sql\`exists (select 1 from saved)\`)}) …`).
 */
export function webhookEventCte<E extends WebhookEvent>(event: E, data: WebhookEventData[E], when: SQL): SQL {
  return insertDeliveries(event, [webhookBody(event, data)], when);
}

export type ClaimedWebhook = typeof webhookDeliveries.$inferSelect & {
  url: string;
  secret: string;
  disabled: boolean;
};

/**
 * Claims up to `limit` due deliveries (pending ones, and ones whose claim lapsed: their worker died), counting
 * the attempt. Rows another worker is claiming are skipped, not waited for.
 */
export async function claimDueWebhooks(db: DbOrTx, o: ClaimOptions): Promise<ClaimedWebhook[]> {
  const ids = await claimDueIds(db, webhookDeliveries, o);
  if (ids.length === 0) return [];
  const claimed = await db
    .select({
      d: webhookDeliveries,
      url: webhookEndpoints.url,
      secret: webhookEndpoints.secret,
      disabled: sql<boolean>`${webhookEndpoints.disabledAt} is not null`,
    })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(and(inArray(webhookDeliveries.id, ids), eq(webhookDeliveries.claimToken, o.claimToken)));
  return claimed.map(({ d, ...e }) => ({ ...d, ...e }));
}

export type WebhookOutcome =
  { status: "delivered"; at: Date } | { status: "pending"; at: Date; dueAt: Date } | { status: "dead"; at: Date };

export type AttemptRecord = { status: number | null; error: string | null; durationMs: number };

/** Records the attempt and settles the delivery together; false when the claim was lost meanwhile. */
export async function settleWebhook(
  db: DbOrTx,
  id: string,
  claimToken: string,
  outcome: WebhookOutcome,
  attempt: AttemptRecord,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const done = await tx
      .update(webhookDeliveries)
      .set({
        status: outcome.status,
        claimToken: null,
        claimedUntil: null,
        updatedAt: outcome.at,
        ...(outcome.status === "delivered" ? { deliveredAt: outcome.at } : {}),
        ...(outcome.status === "pending" ? { dueAt: outcome.dueAt } : {}),
      })
      .where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.claimToken, claimToken)))
      .returning({ id: webhookDeliveries.id });
    if (done.length === 0) return false;
    await tx.insert(webhookAttempts).values({ deliveryId: id, ...attempt, createdAt: outcome.at });
    return true;
  });
}

import { and, desc, eq, sql } from "drizzle-orm";

import { execRows, type Tx } from "@/db/client";
import { activeAdminIds, activeMemberProgress, teamCompletion } from "@/db/queries/notification-recipients";
import { enqueueNotifications } from "@/db/queries/notifications";
import { notifications } from "@/db/schema";

import type { Bilingual, NotificationPayloads, ValidationRecordedPayload } from "./kinds";
import { batchDueAt } from "./schedule";

// The events that write notifications, each inside the transaction of the
// event itself (the outbox): the cycle opening or closing, a validation with
// a comment. They check no caller — the data-layer function that calls them
// has — and they read the recipients from the data as it is in that
// transaction. Reminders and digests are written by the schedule
// (lib/notifications/scheduler.ts).

type Cycle = { id: string; quarter: string; endsOn: string; createdAt: Date };
const windowOf = (c: Cycle) => ({ quarter: c.quarter, openedAt: c.createdAt });

const DAY_MS = 86_400_000;
/** A cycle's emails are not worth sending a day after its planned close. */
const afterClose = (endsOn: string) => new Date(Date.parse(`${endsOn}T00:00:00Z`) + 2 * DAY_MS);

/** "Rate your skills for 2027-Q1" → every active team member, with their progress. */
export async function notifyCycleOpened(tx: Tx, cycle: Cycle): Promise<number> {
  const members = await activeMemberProgress(tx, windowOf(cycle));
  return enqueueNotifications(
    tx,
    members.map((m) => ({
      kind: "cycle_opened" as const,
      recipientId: m.userId,
      period: cycle.quarter,
      payload: {
        quarter: cycle.quarter,
        endsOn: cycle.endsOn,
        rated: m.rated,
        total: m.total,
      } satisfies NotificationPayloads["cycle_opened"],
      expiresAt: afterClose(cycle.endsOn),
    })),
  );
}

/** The cycle closed → every active admin: completion per team. Keyed by the close, so a reopened and closed-again cycle reports again. */
export async function notifyCycleClosed(tx: Tx, cycle: Cycle & { closedAt: Date }): Promise<number> {
  const [admins, teams] = await Promise.all([activeAdminIds(tx), teamCompletion(tx, windowOf(cycle))]);
  const payload: NotificationPayloads["cycle_closed"] = { quarter: cycle.quarter, teams };
  return enqueueNotifications(
    tx,
    admins.map((id) => ({
      kind: "cycle_closed" as const,
      recipientId: id,
      period: `${cycle.quarter}@${cycle.closedAt.toISOString()}`,
      payload,
      expiresAt: new Date(cycle.closedAt.getTime() + 7 * DAY_MS),
    })),
  );
}

/** A validation's email waits this long for more validations of the same person, and follows the previous one by an hour at least. */
export const VALIDATION_BATCH = { windowMs: 2 * 60_000, gapMs: 60 * 60_000 };
// Arbitrary, fixed: the namespace of the per-member advisory locks below.
const VALIDATION_LOCK_SPACE = 0x5ec1_e1;

export type ValidationItem = ValidationRecordedPayload["items"][number];

/**
 * A lead validated a rating with a comment → the member, batched: the item
 * joins the member's email still waiting to go, else starts a new one due
 * after the batch window and at least an hour after the previous one. Two
 * leads validating the same person at once take turns (an advisory lock on
 * the member), so they never start two emails.
 */
export async function notifyValidationRecorded(
  tx: Tx,
  memberId: string,
  item: ValidationItem,
  now = new Date(),
): Promise<void> {
  await execRows(tx, sql`select pg_advisory_xact_lock(${VALIDATION_LOCK_SPACE}, hashtext(${memberId}))`);
  const recent = await tx
    .select({
      id: notifications.id,
      status: notifications.status,
      dueAt: notifications.dueAt,
      payload: notifications.payload,
    })
    .from(notifications)
    .where(and(eq(notifications.kind, "validation_recorded"), eq(notifications.recipientId, memberId)))
    .orderBy(desc(notifications.dueAt))
    .limit(1)
    // Locked: a worker claiming it now either waits for this item or has already taken it (then it reads "sending").
    .for("update");
  const last = recent[0];
  if (last?.status === "pending") {
    const payload = last.payload as ValidationRecordedPayload;
    await tx
      .update(notifications)
      .set({ payload: { items: [...payload.items, item] } satisfies ValidationRecordedPayload, updatedAt: now })
      .where(eq(notifications.id, last.id));
    return;
  }
  const dueAt = batchDueAt(now, last?.dueAt ?? null, VALIDATION_BATCH);
  await enqueueNotifications(tx, [
    {
      kind: "validation_recorded",
      recipientId: memberId,
      period: dueAt.toISOString(),
      payload: { items: [item] } satisfies ValidationRecordedPayload,
      dueAt,
      expiresAt: new Date(dueAt.getTime() + 7 * DAY_MS),
    },
  ]);
}

export const bilingual = (row: { nameEn: string; nameZh: string }): Bilingual => ({ en: row.nameEn, zh: row.nameZh });

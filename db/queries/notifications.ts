import { and, eq, inArray } from "drizzle-orm";

import type { NotificationKind } from "@/lib/notifications/kinds";

import type { DbOrTx } from "../client";
import { notificationOptOuts, notifications } from "../schema";
import { claimDueIds, type ClaimOptions } from "./outbox";

// The outbox's primitives. They check no caller: the data layer writes
// notifications inside the transaction of the event that causes them, and
// the worker (lib/notifications/worker.ts) claims and settles them.

export type NewNotification = {
  kind: NotificationKind;
  recipientId: string;
  /** The period that makes it unique with kind and recipient ("2027-Q1", "2027-Q1:d7", "2026-W49"). */
  period: string;
  payload: unknown;
  dueAt?: Date;
  expiresAt?: Date | null;
};

export const idempotencyKey = (n: Pick<NewNotification, "kind" | "recipientId" | "period">) =>
  `${n.kind}:${n.recipientId}:${n.period}`;

/**
 * Writes notifications unless their recipient opted out of the kind; a key
 * already written (another tick, replica or retry) is left alone. Returns how
 * many were written.
 */
export async function enqueueNotifications(tx: DbOrTx, rows: NewNotification[]): Promise<number> {
  if (rows.length === 0) return 0;
  const kinds = [...new Set(rows.map((r) => r.kind))];
  const optedOut = await tx
    .select({ userId: notificationOptOuts.userId, kind: notificationOptOuts.kind })
    .from(notificationOptOuts)
    .where(
      and(
        inArray(notificationOptOuts.kind, kinds),
        inArray(notificationOptOuts.userId, [...new Set(rows.map((r) => r.recipientId))]),
      ),
    );
  const skip = new Set(optedOut.map((o) => `${o.kind}:${o.userId}`));
  const values = rows
    .filter((r) => !skip.has(`${r.kind}:${r.recipientId}`))
    .map((r) => ({
      kind: r.kind,
      recipientId: r.recipientId,
      idempotencyKey: idempotencyKey(r),
      payload: r.payload,
      dueAt: r.dueAt ?? new Date(),
      expiresAt: r.expiresAt ?? null,
    }));
  let written = 0;
  // Chunks keep each statement's bound parameters well under PostgreSQL's limit.
  for (let i = 0; i < values.length; i += 500) {
    const inserted = await tx
      .insert(notifications)
      .values(values.slice(i, i + 500))
      .onConflictDoNothing({ target: notifications.idempotencyKey })
      .returning({ id: notifications.id });
    written += inserted.length;
  }
  return written;
}

export type ClaimedNotification = typeof notifications.$inferSelect;

/**
 * Claims up to `limit` notifications that are due: pending ones, and ones a
 * worker claimed but never settled before its claim lapsed (it crashed). Rows
 * another worker is claiming right now are skipped, not waited for, so racing
 * workers each get their own.
 */
export async function claimDueNotifications(db: DbOrTx, o: ClaimOptions): Promise<ClaimedNotification[]> {
  const ids = await claimDueIds(db, notifications, o);
  if (ids.length === 0) return [];
  return db
    .select()
    .from(notifications)
    .where(and(inArray(notifications.id, ids), eq(notifications.claimToken, o.claimToken)));
}

type Outcome =
  | { status: "sent"; at: Date }
  | { status: "skipped" | "expired"; at: Date; reason: string }
  | { status: "pending"; at: Date; dueAt: Date; error: string }
  | { status: "dead"; at: Date; error: string };

/** Settles a claimed notification; false when the claim was lost meanwhile (another worker owns it now). */
export async function settleNotification(db: DbOrTx, id: string, claimToken: string, o: Outcome): Promise<boolean> {
  const common = { status: o.status, claimToken: null, claimedUntil: null, updatedAt: o.at };
  const set =
    o.status === "sent"
      ? { ...common, sentAt: o.at, lastError: null }
      : o.status === "pending"
        ? { ...common, dueAt: o.dueAt, lastError: o.error }
        : o.status === "dead"
          ? { ...common, lastError: o.error }
          : { ...common, lastError: o.reason };
  const done = await db
    .update(notifications)
    .set(set)
    .where(and(eq(notifications.id, id), eq(notifications.claimToken, claimToken)))
    .returning({ id: notifications.id });
  return done.length > 0;
}

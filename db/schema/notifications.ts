import { sql } from "drizzle-orm";
import {
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

import { timestamps, uuidId, uuidRef } from "./columns";
import { users } from "./users";

// What Skillgrid emails (lib/notifications/kinds.ts says when and to whom).
export const notificationKind = pgEnum("notification_kind", [
  "cycle_opened",
  "cycle_reminder",
  "lead_digest",
  "validation_recorded",
  "cycle_closed",
]);

// pending → sending (claimed by one worker) → sent; a failure goes back to
// pending with a later dueAt, and to dead after the last attempt. skipped: not
// sent because, at delivery, the person had opted out, was disabled, or no
// longer needed it; expired: too late to be worth sending.
export const notificationStatus = pgEnum("notification_status", [
  "pending",
  "sending",
  "sent",
  "dead",
  "skipped",
  "expired",
]);

// The outbox: a notification is written in the same transaction as the event
// that causes it, then delivered by the worker (lib/notifications/worker.ts).
export const notifications = pgTable(
  "notifications",
  {
    ...uuidId(),
    kind: notificationKind().notNull(),
    recipientId: uuidRef(() => users.id),
    // "kind:recipient:period": a second tick, replica or retry never writes the same notification twice.
    idempotencyKey: text().notNull(),
    // What the email says, fixed when it was written (names, numbers, links' ids).
    payload: jsonb().notNull(),
    status: notificationStatus().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    // When the next attempt may start (the backoff after a failure, a batch's window).
    dueAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    // A claim: the worker holding it until then; a crashed worker's claim lapses and another retries.
    claimToken: uuid(),
    claimedUntil: timestamp({ withTimezone: true }),
    /** After this it is not sent (a reminder once its cycle has closed). */
    expiresAt: timestamp({ withTimezone: true }),
    /** The SMTP server's answer to the last failed attempt, described without the message. */
    lastError: text(),
    sentAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("notifications_idempotency_key").on(t.idempotencyKey),
    index("notifications_due_idx")
      .on(t.dueAt)
      .where(sql`${t.status} in ('pending', 'sending')`),
    index("notifications_recipient_idx").on(t.recipientId, t.kind, t.createdAt),
    index("notifications_status_idx").on(t.status, t.kind),
  ],
);

// A person's "do not email me about this kind" (on /me, or by the one-click
// unsubscribe link). Absent: the kind is on.
export const notificationOptOuts = pgTable(
  "notification_opt_outs",
  {
    userId: uuidRef(() => users.id, { onDelete: "cascade" }),
    kind: notificationKind().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

import { eq, sql } from "drizzle-orm";

import { execRows, type Db, type Tx } from "@/db/client";
import { activeMemberProgress } from "@/db/queries/notification-recipients";
import { enqueueNotifications } from "@/db/queries/notifications";
import { readSettings } from "@/db/queries/settings";
import { assessmentCycles } from "@/db/schema";

import { buildLeadDigests } from "./digest";
import type { NotificationKind, NotificationPayloads } from "./kinds";
import { dueDigest, dueReminder, zonedParts, zonedTimeToUtc } from "./schedule";

// The time-driven emails: cycle reminders and the weekly lead digest. Every
// replica ticks; the tick runs under a transaction-scoped advisory lock taken
// without waiting, so one replica does the work and the others skip it, and
// each email is keyed by (kind, recipient, period), so even two ticks that
// both ran would write it once.

// Arbitrary, fixed: identifies the schedule's lock among advisory locks.
const SCHEDULE_LOCK_KEY = 0x5ec1_5c;

export type TickResult = { ran: boolean; reminders: number; digests: number };

export async function runSchedule(db: Db, now = new Date()): Promise<TickResult> {
  const settings = await readSettings();
  return db.transaction(async (tx) => {
    const [lock] = await execRows<{ locked: boolean }>(
      tx,
      sql`select pg_try_advisory_xact_lock(${SCHEDULE_LOCK_KEY}) as locked`,
    );
    if (!lock?.locked) return { ran: false, reminders: 0, digests: 0 };
    const zone = settings.emailTimeZone;
    const local = zonedParts(now, zone);
    let reminders = 0;
    const [cycle] = await tx.select().from(assessmentCycles).where(eq(assessmentCycles.status, "open"));
    const due =
      cycle &&
      dueReminder({
        endsOn: cycle.endsOn,
        daysBefore: settings.reminderDaysBeforeClose,
        today: local.date,
        hour: local.hour,
        sendHour: settings.emailHour,
      });
    if (cycle && due && !(await periodWritten(tx, "cycle_reminder", `${cycle.quarter}:d${due.daysBefore}`))) {
      // Only those who have not rated (or confirmed) anything this quarter.
      const window = { quarter: cycle.quarter, openedAt: cycle.createdAt };
      const behind = (await activeMemberProgress(tx, window)).filter((m) => m.rated === 0);
      const expiresAt = zonedTimeToUtc(nextDay(cycle.endsOn), 0, zone);
      reminders = await enqueueNotifications(
        tx,
        behind.map((m) => ({
          kind: "cycle_reminder" as const,
          recipientId: m.userId,
          period: `${cycle.quarter}:d${due.daysBefore}`,
          payload: {
            quarter: cycle.quarter,
            endsOn: cycle.endsOn,
            daysLeft: due.daysLeft,
            rated: m.rated,
            total: m.total,
          } satisfies NotificationPayloads["cycle_reminder"],
          expiresAt,
        })),
      );
    }
    let digests = 0;
    const slot = dueDigest(now, { timeZone: zone, weekday: settings.digestWeekday, hour: settings.emailHour });
    if (slot && !(await periodWritten(tx, "lead_digest", slot.week))) {
      const built = await buildLeadDigests(
        tx,
        now,
        slot.week,
        cycle ? { quarter: cycle.quarter, openedAt: cycle.createdAt } : null,
      );
      digests = await enqueueNotifications(
        tx,
        built.map((d) => ({
          kind: "lead_digest" as const,
          recipientId: d.leadId,
          period: slot.week,
          payload: d.payload,
          expiresAt: new Date(slot.at.getTime() + 2 * 86_400_000),
        })),
      );
    }
    return { ran: true, reminders, digests };
  });
}

/**
 * Whether a period's emails were written already: a tick each minute must
 * not work out every recipient (or analyse every team) each time. Someone
 * who joins a team after the period's emails went gets the next one.
 */
async function periodWritten(tx: Tx, kind: NotificationKind, period: string): Promise<boolean> {
  const rows = await execRows(
    tx,
    sql`select 1 from notifications where kind = ${kind} and idempotency_key like ${`${kind}:%:${period}`} limit 1`,
  );
  return rows.length > 0;
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

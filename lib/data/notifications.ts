import "server-only";

import { and, count, desc, eq, gt, inArray, sql, type SQL } from "drizzle-orm";

import { getDb } from "@/db/client";
import { writeAudit } from "@/db/queries/audit";
import { readSettings } from "@/db/queries/settings";
import { notificationOptOuts, notifications, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { getEnv } from "@/lib/env";
import { conflict, invalid, notFound } from "@/lib/errors";
import { NOTIFICATION_KINDS, type NotificationKind } from "@/lib/notifications/kinds";
import { isValidTimeZone } from "@/lib/notifications/schedule";
import { verifyUnsubscribeToken } from "@/lib/notifications/unsubscribe-token";
import { can } from "@/lib/permissions";
import {
  deliveryQuerySchema,
  emailPreferenceSchema,
  emailScheduleSchema,
  retryNotificationSchema,
  unsubscribeSchema,
} from "@/lib/validations/notifications";

import { parseInput, requirePermission, requireSignedIn } from "./guard";
import { putSetting } from "./settings";

// Email: each person's preferences (/me/email, the unsubscribe link), and the
// admins' view of delivery (/org/notifications): status, not content, and
// not who turned what off.

export type EmailPreferencesDto = {
  /** Whether this server sends email at all (SMTP_URL is set). */
  mailEnabled: boolean;
  kinds: { kind: NotificationKind; enabled: boolean }[];
};

/** The kinds a person can receive: the digest goes to leads, the close summary to admins. */
function kindsFor(v: Viewer): NotificationKind[] {
  return NOTIFICATION_KINDS.filter(
    (k) => (k !== "lead_digest" || v.leadTeamIds.length > 0) && (k !== "cycle_closed" || can(v, "cycle:manage")),
  );
}

export async function getMyEmailPreferences(viewer: Viewer | null): Promise<EmailPreferencesDto> {
  const v = requireSignedIn(viewer);
  const rows = await getDb()
    .select({ kind: notificationOptOuts.kind })
    .from(notificationOptOuts)
    .where(eq(notificationOptOuts.userId, v.id));
  const off = new Set(rows.map((r) => r.kind));
  return { mailEnabled: !!getEnv().SMTP_URL, kinds: kindsFor(v).map((kind) => ({ kind, enabled: !off.has(kind) })) };
}

/** Turns one kind of email on or off for the caller; audited when it changes. */
export async function setMyEmailPreference(
  viewer: Viewer | null,
  raw: unknown,
): Promise<{ kind: NotificationKind; enabled: boolean }> {
  const v = requireSignedIn(viewer);
  const input = parseInput(emailPreferenceSchema, raw);
  await getDb().transaction(async (tx) => {
    const changed = input.enabled
      ? await tx
          .delete(notificationOptOuts)
          .where(and(eq(notificationOptOuts.userId, v.id), eq(notificationOptOuts.kind, input.kind)))
          .returning({ kind: notificationOptOuts.kind })
      : await tx
          .insert(notificationOptOuts)
          .values({ userId: v.id, kind: input.kind })
          .onConflictDoNothing()
          .returning({ kind: notificationOptOuts.kind });
    if (changed.length === 0) return;
    await writeAudit(tx, {
      actor: v,
      action: "email_preference.updated",
      entityType: "user",
      entityId: v.id,
      after: { kind: input.kind, enabled: input.enabled, via: "settings" },
    });
  });
  return input;
}

export type UnsubscribeLinkDto = { kind: NotificationKind; email: string; unsubscribed: boolean };

/**
 * What an unsubscribe link names, for its page (no sign-in: the signature is
 * the proof). Not found when it is tampered with or its person is gone.
 */
export async function readUnsubscribeLink(raw: unknown): Promise<UnsubscribeLinkDto> {
  const link = verifiedLink(raw);
  const [row] = await getDb()
    .select({ email: users.email, off: sql<boolean>`${notificationOptOuts.userId} is not null` })
    .from(users)
    .leftJoin(
      notificationOptOuts,
      and(eq(notificationOptOuts.userId, users.id), eq(notificationOptOuts.kind, link.kind)),
    )
    .where(eq(users.id, link.userId));
  if (!row) throw notFound("That unsubscribe link is not valid.");
  return { kind: link.kind, email: maskEmail(row.email), unsubscribed: row.off };
}

/** The one-click unsubscribe (RFC 8058): turns the link's kind off for its person, once; audited. */
export async function unsubscribeWithLink(raw: unknown): Promise<{ kind: NotificationKind }> {
  const link = verifiedLink(raw);
  await getDb().transaction(async (tx) => {
    const [person] = await tx.select({ id: users.id, email: users.email }).from(users).where(eq(users.id, link.userId));
    if (!person) throw notFound("That unsubscribe link is not valid.");
    const added = await tx
      .insert(notificationOptOuts)
      .values({ userId: person.id, kind: link.kind })
      .onConflictDoNothing()
      .returning({ kind: notificationOptOuts.kind });
    if (added.length === 0) return;
    await writeAudit(tx, {
      actor: person,
      action: "email_preference.updated",
      entityType: "user",
      entityId: person.id,
      after: { kind: link.kind, enabled: false, via: "unsubscribe_link" },
    });
  });
  return { kind: link.kind };
}

function verifiedLink(raw: unknown) {
  const { token } = parseInput(unsubscribeSchema, raw);
  const secret = getEnv().NEXTAUTH_SECRET;
  const link = secret ? verifyUnsubscribeToken(secret, token) : null;
  if (!link) throw notFound("That unsubscribe link is not valid.");
  return link;
}

/** "m•••@acme.test": enough for a person to recognise their address on a page anyone with the link can open. */
function maskEmail(email: string): string {
  const [local = "", domain = ""] = email.split("@");
  return `${local.slice(0, 1)}•••@${domain}`;
}

export type DeliveryRowDto = {
  id: string;
  kind: NotificationKind;
  recipient: { name: string; email: string };
  status: (typeof notifications.$inferSelect)["status"];
  attempts: number;
  lastError: string | null;
  createdAt: string;
  dueAt: string;
  sentAt: string | null;
};

export type DeliveryDto = {
  mail: { enabled: boolean; server: string | null; from: string };
  schedule: { timeZone: string; reminderDays: number[]; digestWeekday: number; hour: number };
  /** Count per kind and status over the last 30 days. */
  counts: { kind: NotificationKind; status: DeliveryRowDto["status"]; count: number }[];
  rows: DeliveryRowDto[];
  filter: { status: string; kind: NotificationKind | null };
};

const ROWS_SHOWN = 100;
const COUNT_WINDOW_MS = 30 * 86_400_000;

function statusFilter(status: string): SQL | undefined {
  if (status === "all") return undefined;
  if (status === "problems")
    return sql`(${notifications.status} = 'dead' or (${notifications.status} = 'pending' and ${notifications.attempts} > 0))`;
  if (status === "pending") return inArray(notifications.status, ["pending", "sending"]);
  return eq(notifications.status, status as DeliveryRowDto["status"]);
}

/** /org/notifications: where each email stands. Never the content, never anyone's preferences. */
export async function getDeliveryStatus(viewer: Viewer | null, raw: unknown): Promise<DeliveryDto> {
  requirePermission(viewer, "notifications:manage");
  const filter = parseInput(deliveryQuerySchema, raw ?? {});
  const db = getDb();
  const where = and(statusFilter(filter.status), filter.kind ? eq(notifications.kind, filter.kind) : undefined);
  const [counts, rows, settings] = await Promise.all([
    db
      .select({ kind: notifications.kind, status: notifications.status, count: count() })
      .from(notifications)
      .where(gt(notifications.createdAt, new Date(Date.now() - COUNT_WINDOW_MS)))
      .groupBy(notifications.kind, notifications.status),
    db
      .select({ n: notifications, name: users.name, email: users.email })
      .from(notifications)
      .innerJoin(users, eq(users.id, notifications.recipientId))
      .where(where)
      .orderBy(desc(notifications.createdAt))
      .limit(ROWS_SHOWN),
    readSettings(),
  ]);
  const env = getEnv();
  return {
    mail: { enabled: !!env.SMTP_URL, server: env.SMTP_URL ? serverOf(env.SMTP_URL) : null, from: env.MAIL_FROM },
    schedule: {
      timeZone: settings.emailTimeZone,
      reminderDays: [...settings.reminderDaysBeforeClose],
      digestWeekday: settings.digestWeekday,
      hour: settings.emailHour,
    },
    counts: counts.map((c) => ({ ...c, count: Number(c.count) })),
    rows: rows.map(({ n, name, email }) => ({
      id: n.id,
      kind: n.kind,
      recipient: { name, email },
      status: n.status,
      attempts: n.attempts,
      lastError: n.lastError,
      createdAt: n.createdAt.toISOString(),
      dueAt: n.dueAt.toISOString(),
      sentAt: n.sentAt?.toISOString() ?? null,
    })),
    filter: { status: filter.status, kind: filter.kind ?? null },
  };
}

/** "smtps://mail.acme.test:465": the server without its credentials or options. */
function serverOf(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.host}`;
}

/** Sends a dead (or expired) email again from its first attempt; audited. */
export async function retryNotification(viewer: Viewer | null, raw: unknown): Promise<void> {
  const v = requirePermission(viewer, "notifications:manage");
  const { notificationId } = parseInput(retryNotificationSchema, raw);
  await getDb().transaction(async (tx) => {
    const [row] = await tx
      .update(notifications)
      .set({
        status: "pending",
        attempts: 0,
        dueAt: new Date(),
        expiresAt: null,
        lastError: null,
        updatedAt: new Date(),
      })
      .where(and(eq(notifications.id, notificationId), inArray(notifications.status, ["dead", "expired"])))
      .returning({ id: notifications.id, kind: notifications.kind, recipientId: notifications.recipientId });
    if (!row) {
      const [exists] = await tx
        .select({ status: notifications.status })
        .from(notifications)
        .where(eq(notifications.id, notificationId));
      if (!exists) throw notFound("There is no such email.");
      throw conflict(`That email is ${exists.status}: only failed or expired emails can be retried.`);
    }
    await writeAudit(tx, {
      actor: v,
      action: "notification.retried",
      entityType: "notification",
      entityId: row.id,
      after: { kind: row.kind, recipientId: row.recipientId },
    });
  });
}

/** The email schedule (time zone, reminder days, digest day, hour), written together; each setting audited. */
export async function updateEmailSchedule(viewer: Viewer | null, raw: unknown): Promise<void> {
  const v = requirePermission(viewer, "notifications:manage");
  const input = parseInput(emailScheduleSchema, raw);
  if (!isValidTimeZone(input.timeZone))
    throw invalid("Choose a time zone such as Asia/Taipei or UTC.", { timeZone: ["Unknown time zone."] });
  const days = [...new Set(input.reminderDays)].sort((a, b) => b - a);
  await getDb().transaction(async (tx) => {
    await putSetting(tx, v, "emailTimeZone", input.timeZone);
    await putSetting(tx, v, "reminderDaysBeforeClose", days);
    await putSetting(tx, v, "digestWeekday", input.digestWeekday);
    await putSetting(tx, v, "emailHour", input.hour);
  });
}

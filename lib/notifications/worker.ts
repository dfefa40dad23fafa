import { randomUUID } from "node:crypto";
import { inArray, sql } from "drizzle-orm";

import { execRows, type Db } from "@/db/client";
import { claimDueNotifications, settleNotification, type ClaimedNotification } from "@/db/queries/notifications";
import { notificationOptOuts, users } from "@/db/schema";
import { isLocale } from "@/lib/i18n/locales";
import { metrics } from "@/lib/observability/metrics";

import type { NotificationKind, NotificationPayloads } from "./kinds";
import { describeMailError, isPermanentMailError, type MailTransport } from "./mailer";
import { renderNotification } from "./render";
import { DEFAULT_RETRY, retryDelayMs } from "./schedule";
import { signUnsubscribeToken } from "./unsubscribe-token";

// Delivery: claim what is due, render it in the recipient's language, send
// it, settle it. At least once: a notification is settled as sent only after
// the SMTP server accepted it, and a worker that dies in between leaves a
// claim that lapses and is taken again. Never twice in the ordinary run: a
// claim belongs to one worker (FOR UPDATE SKIP LOCKED), and the outbox has one
// row per (kind, recipient, period).

export type DeliveryConfig = {
  db: Db;
  transport: MailTransport;
  from: string;
  /** Absolute base of every link (NEXTAUTH_URL). */
  appUrl: string;
  /** Signs the unsubscribe links (NEXTAUTH_SECRET). */
  secret: string;
  batch?: number;
  /** How long a claim lasts; longer than any SMTP wait (the transport's timeouts are 10–30 s). */
  claimMs?: number;
  retry?: { baseMs: number; capMs: number; maxAttempts: number };
  log?: { warn: (o: object, msg: string) => void };
};

export { DEFAULT_RETRY };
const SEND_CONCURRENCY = 4;

export type PassResult = { claimed: number; sent: number; failed: number; dead: number; skipped: number };

type Recipient = { id: string; email: string; name: string; locale: string; disabled: boolean; deleted: boolean };

/** One pass: claims up to `batch` due notifications and settles each. */
export async function deliverDue(config: DeliveryConfig, now = new Date()): Promise<PassResult> {
  const token = randomUUID();
  const claimed = await claimDueNotifications(config.db, {
    now,
    limit: config.batch ?? 50,
    claimToken: token,
    claimMs: config.claimMs ?? 5 * 60_000,
  });
  const result: PassResult = { claimed: claimed.length, sent: 0, failed: 0, dead: 0, skipped: 0 };
  if (claimed.length === 0) return result;
  const context = await readContext(config.db, claimed);
  const queue = [...claimed];
  const work = async () => {
    for (let n = queue.shift(); n; n = queue.shift()) {
      const outcome = await deliverOne(config, n, context, token);
      result[outcome]++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(SEND_CONCURRENCY, claimed.length) }, work));
  return result;
}

type Context = { recipients: Map<string, Recipient>; optedOut: Set<string>; ratedQuarter: Set<string> };

/** Everything a batch needs to decide and render, in three queries whatever its size. */
async function readContext(db: Db, claimed: ClaimedNotification[]): Promise<Context> {
  const ids = [...new Set(claimed.map((n) => n.recipientId))];
  const [people, optOuts] = await Promise.all([
    db
      .select({
        id: users.id,
        email: users.email,
        name: users.name,
        locale: users.locale,
        disabled: users.disabled,
        deleted: sql<boolean>`${users.scimDeletedAt} is not null`,
      })
      .from(users)
      .where(inArray(users.id, ids)),
    db
      .select({ userId: notificationOptOuts.userId, kind: notificationOptOuts.kind })
      .from(notificationOptOuts)
      .where(inArray(notificationOptOuts.userId, ids)),
  ]);
  // A reminder is moot once its recipient has rated for the cycle: checked again at delivery, as they may rate in between.
  const reminders = claimed.filter((n) => n.kind === "cycle_reminder");
  const quarters = [...new Set(reminders.map((n) => (n.payload as NotificationPayloads["cycle_reminder"]).quarter))];
  const rated =
    reminders.length === 0
      ? []
      : await execRows<{ userId: string; quarter: string }>(
          db,
          sql`select distinct rc.user_id as "userId", c.quarter from ratings_current rc
              join assessment_cycles c on c.quarter in (${sql.join(
                quarters.map((q) => sql`${q}`),
                sql`, `,
              )})
              where rc.rater_kind = 'self' and (rc.quarter = c.quarter or rc.rated_at >= c.created_at)
                and rc.user_id in (${sql.join(
                  reminders.map((n) => sql`${n.recipientId}::uuid`),
                  sql`, `,
                )})`,
        );
  return {
    recipients: new Map(people.map((p) => [p.id, p])),
    optedOut: new Set(optOuts.map((o) => `${o.kind}:${o.userId}`)),
    ratedQuarter: new Set(rated.map((r) => `${r.userId}:${r.quarter}`)),
  };
}

function reasonToSkip(
  n: ClaimedNotification,
  c: Context,
  now: Date,
): { status: "skipped" | "expired"; reason: string } | null {
  const r = c.recipients.get(n.recipientId);
  if (n.expiresAt && n.expiresAt <= now) return { status: "expired", reason: "Too late to be worth sending." };
  if (!r || r.disabled || r.deleted) return { status: "skipped", reason: "The recipient is disabled." };
  if (c.optedOut.has(`${n.kind}:${n.recipientId}`)) return { status: "skipped", reason: "The recipient opted out." };
  if (n.kind === "cycle_reminder") {
    const { quarter } = n.payload as NotificationPayloads["cycle_reminder"];
    if (c.ratedQuarter.has(`${n.recipientId}:${quarter}`))
      return { status: "skipped", reason: "The recipient has rated since." };
  }
  return null;
}

async function deliverOne(
  config: DeliveryConfig,
  n: ClaimedNotification,
  c: Context,
  token: string,
): Promise<"sent" | "failed" | "dead" | "skipped"> {
  const count = (outcome: string) => metrics().notifications.inc({ kind: n.kind, outcome });
  const skip = reasonToSkip(n, c, new Date());
  if (skip) {
    await settleNotification(config.db, n.id, token, { ...skip, at: new Date() });
    count(skip.status);
    return "skipped";
  }
  const recipient = c.recipients.get(n.recipientId)!;
  try {
    await config.transport.send(await composeMail(config, n, recipient));
  } catch (e) {
    const error = describeMailError(e);
    const retry = config.retry ?? DEFAULT_RETRY;
    const at = new Date();
    if (isPermanentMailError(e) || n.attempts >= retry.maxAttempts) {
      await settleNotification(config.db, n.id, token, { status: "dead", at, error });
      count("dead");
      config.log?.warn({ notificationId: n.id, kind: n.kind, attempts: n.attempts, error }, "email: gave up");
      return "dead";
    }
    const dueAt = new Date(at.getTime() + retryDelayMs(n.attempts, retry));
    await settleNotification(config.db, n.id, token, { status: "pending", at, dueAt, error });
    count("failed");
    return "failed";
  }
  await settleNotification(config.db, n.id, token, { status: "sent", at: new Date() });
  count("sent");
  if (n.attempts > 1) count("retried");
  return "sent";
}

async function composeMail(config: DeliveryConfig, n: ClaimedNotification, r: Recipient) {
  const base = config.appUrl.replace(/\/+$/, "");
  const token = signUnsubscribeToken(config.secret, r.id, n.kind as NotificationKind);
  const message = await renderNotification(n.kind, n.payload as never, {
    locale: isLocale(r.locale) ? r.locale : "en",
    appUrl: base,
    recipientName: r.name || r.email,
    unsubscribeUrl: `${base}/unsubscribe/${token}`,
  });
  return {
    from: config.from,
    to: r.name ? `"${r.name.replace(/["\\\r\n]/g, "")}" <${r.email}>` : r.email,
    subject: message.subject,
    html: message.html,
    text: message.text,
    messageId: `<${n.id}@${new URL(base).hostname}>`,
    headers: {
      // RFC 8058: mail providers offer "unsubscribe" and POST this URL without the person signing in.
      "List-Unsubscribe": `<${base}/api/unsubscribe/${token}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      "Auto-Submitted": "auto-generated",
      "X-Skillgrid-Notification": n.id,
      "X-Skillgrid-Kind": n.kind,
    },
  };
}

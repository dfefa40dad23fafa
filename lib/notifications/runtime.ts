import { getDb } from "@/db/client";
import { getEnv } from "@/lib/env";
import { describeError } from "@/lib/observability/describe-error";
import { getLogger } from "@/lib/observability/logger";
import { deliverDueWebhooks, type WebhookDeliveryConfig } from "@/lib/webhooks/deliver";

import { smtpTransport, type MailTransport } from "./mailer";
import { runSchedule } from "./scheduler";
import { deliverDue, type DeliveryConfig } from "./worker";

// The server's background delivery work: every MAIL_POLL_MS deliver the email
// and webhooks that are due (until nothing is), every MAIL_SCHEDULE_SECONDS
// run the email schedule. Webhooks need no SMTP server, so without SMTP_URL
// the loop runs for them alone; MAIL_WORKER=0 turns both off. Started by
// instrumentation.ts once the database is ready, stopped by the shutdown
// sequence before the database closes (a pass in flight finishes first; its
// SMTP waits are bounded, and webhook requests still open after the grace are
// aborted: their claims lapse and they are sent again).

type Runtime = { stop: () => Promise<void> };
/** Well inside the shutdown's 10 s allowance for closing the database, which waits for this. */
const STOP_GRACE_MS = 3000;
const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());
const globalForMail = globalThis as unknown as { __skillgridMail?: Runtime };

export function startNotificationRuntime(): void {
  if (globalForMail.__skillgridMail) return;
  const env = getEnv();
  const log = getLogger();
  if (!env.MAIL_WORKER) return;
  const email = emailConfig(env, log);
  const stopRequests = new AbortController();
  const webhooks: WebhookDeliveryConfig = {
    db: getDb(),
    allowPrivate: env.WEBHOOKS_ALLOW_PRIVATE,
    signal: stopRequests.signal,
    log,
  };
  let stopping = false;
  let wake: () => void = () => {};
  let lastSchedule = 0;
  const emailPass = async (config: DeliveryConfig) => {
    if (Date.now() - lastSchedule >= env.MAIL_SCHEDULE_SECONDS * 1000) {
      lastSchedule = Date.now();
      await runSchedule(config.db);
    }
    for (;;) {
      const r = await deliverDue(config);
      if (stopping || r.claimed < (config.batch ?? 50)) break;
    }
  };
  const webhookPass = async () => {
    for (;;) {
      const r = await deliverDueWebhooks(webhooks);
      if (stopping || r.claimed < (webhooks.batch ?? 20)) break;
    }
  };
  const loop = (async () => {
    while (!stopping) {
      if (email)
        await emailPass(email).catch((e: unknown) =>
          log.warn({ error: describeError(e) }, "email: a delivery pass failed"),
        );
      await webhookPass().catch((e: unknown) =>
        log.warn({ error: describeError(e) }, "webhook: a delivery pass failed"),
      );
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, env.MAIL_POLL_MS).unref();
      });
    }
  })();
  if (email) log.info({ pollMs: env.MAIL_POLL_MS }, "email: delivery worker started");
  log.info({ pollMs: env.MAIL_POLL_MS, allowPrivate: env.WEBHOOKS_ALLOW_PRIVATE }, "webhook: delivery worker started");
  globalForMail.__skillgridMail = {
    stop: async () => {
      stopping = true;
      wake();
      // A pass in flight gets a few seconds to settle what it sent; then its connections are closed, which fails
      // its sends at once (their claims lapse and another process, or the next start, sends them).
      await Promise.race([loop, delay(STOP_GRACE_MS)]);
      email?.transport.close();
      stopRequests.abort();
      await Promise.race([loop, delay(STOP_GRACE_MS)]);
      globalForMail.__skillgridMail = undefined;
    },
  };
}

/** The email half's configuration; null (and said once) when SMTP is not set up, as email is then off. */
function emailConfig(env: ReturnType<typeof getEnv>, log: ReturnType<typeof getLogger>): DeliveryConfig | null {
  if (!env.SMTP_URL || !env.NEXTAUTH_URL || !env.NEXTAUTH_SECRET) {
    log.info({}, "email: SMTP_URL (with NEXTAUTH_URL and NEXTAUTH_SECRET) not set; no email is sent");
    return null;
  }
  const transport: MailTransport = smtpTransport({
    url: env.SMTP_URL,
    rejectUnauthorized: env.SMTP_TLS_REJECT_UNAUTHORIZED,
    requireTLS: env.SMTP_REQUIRE_TLS,
  });
  return { db: getDb(), transport, from: env.MAIL_FROM, appUrl: env.NEXTAUTH_URL, secret: env.NEXTAUTH_SECRET, log };
}

export async function stopNotificationRuntime(): Promise<void> {
  await globalForMail.__skillgridMail?.stop();
}

/**
 * npm run bench:mail — email delivery throughput (issue 18): 2,000 "cycle
 * opened" emails written to the outbox in one transaction, then delivered by
 * the worker (lib/notifications/worker.ts) over SMTP to a real SMTP server on
 * loopback, on a throwaway PostgreSQL and on PGlite. Reports messages per
 * second with one worker and with two racing, and checks that each message
 * arrived exactly once. A benchmark, not a test: the machine is noisy.
 */
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import postgres from "postgres";

import { openDb, type DbHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { enqueueNotifications } from "@/db/queries/notifications";
import { users } from "@/db/schema";
import { smtpTransport } from "@/lib/notifications/mailer";
import { deliverDue, type DeliveryConfig } from "@/lib/notifications/worker";

import { startSmtpSink } from "../../tests/support/smtp-sink";
import { round, startPostgres } from "./harness";

const RECIPIENTS = 2000;

export type MailFigures = { engine: string; workers: number; messages: number; seconds: number; perSecond: number };

async function seedRecipients(handle: DbHandle): Promise<string[]> {
  const rows = Array.from({ length: RECIPIENTS }, (_, i) => ({
    email: `mail.bench${i}@synthetic.test`,
    name: `Person ${i}`,
    locale: i % 2 === 0 ? "zh-TW" : "en",
  }));
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += 500)
    ids.push(
      ...(
        await handle.db
          .insert(users)
          .values(rows.slice(i, i + 500))
          .returning({ id: users.id })
      ).map((r) => r.id),
    );
  return ids;
}

async function measure(handle: DbHandle, ids: string[], workers: number): Promise<MailFigures> {
  await handle.db.execute(sql`delete from notifications`);
  const period = randomUUID();
  await handle.db.transaction((tx) =>
    enqueueNotifications(
      tx,
      ids.map((id) => ({
        kind: "cycle_opened" as const,
        recipientId: id,
        period,
        payload: { quarter: "2027-Q1", endsOn: "2027-03-31", rated: 3, total: 33 },
      })),
    ),
  );
  const sink = await startSmtpSink();
  const transports = Array.from({ length: workers }, () =>
    smtpTransport({ url: sink.url, rejectUnauthorized: true, requireTLS: false }),
  );
  const started = performance.now();
  await Promise.all(
    transports.map(async (transport) => {
      const config: DeliveryConfig = {
        db: handle.db,
        transport,
        from: "Skillgrid <skillgrid@bench.test>",
        appUrl: "http://127.0.0.1:3000",
        secret: "bench-secret-for-unsubscribe-links-0123",
      };
      while ((await deliverDue(config)).claimed > 0);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  transports.forEach((t) => t.close());
  await sink.stop();
  const unique = new Set(sink.received.map((m) => m.notificationId)).size;
  if (sink.received.length !== ids.length || unique !== ids.length)
    throw new Error(`expected ${ids.length} messages once each, got ${sink.received.length} (${unique} distinct)`);
  return { engine: "", workers, messages: ids.length, seconds, perSecond: ids.length / seconds };
}

/** Its own database on the bench's PostgreSQL server, so the synthetic org of the other scenarios is not in the way. */
async function ownDatabase(serverUrl: string): Promise<string> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe("drop database if exists skillgrid_mail_bench");
    await admin.unsafe("create database skillgrid_mail_bench");
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = "/skillgrid_mail_bench";
  return url.toString();
}

export async function measureMailDelivery(serverUrl: string): Promise<MailFigures[]> {
  const out: MailFigures[] = [];
  for (const [engine, target] of [
    ["postgres", { databaseUrl: await ownDatabase(serverUrl) }],
    ["pglite", { pgliteDir: "memory://" }],
  ] as const) {
    const handle = openDb(target);
    try {
      await migrateDatabase(handle);
      const ids = await seedRecipients(handle);
      for (const workers of engine === "postgres" ? [1, 2] : [1]) {
        out.push({ ...(await measure(handle, ids, workers)), engine });
      }
    } finally {
      await handle.close();
    }
  }
  return out;
}

async function main() {
  const pg = await startPostgres();
  try {
    for (const f of await measureMailDelivery(pg.url))
      console.log(
        `Email (${f.engine}, ${f.workers} worker${f.workers > 1 ? "s" : ""}): ${f.messages} messages rendered and sent over SMTP ` +
          `in ${round(f.seconds)} s = ${round(f.perSecond)} messages/s, each received once.`,
      );
  } finally {
    pg.stop();
  }
}

if (process.argv[1]?.endsWith("bench-mail.ts"))
  main().then(
    () => process.exit(0),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );

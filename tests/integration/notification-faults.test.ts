import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";

import { assessmentCycles, notifications } from "@/db/schema";
import { closeCycle, openCycle } from "@/lib/data/cycles";
import { smtpTransport } from "@/lib/notifications/mailer";
import { deliverDue, type DeliveryConfig } from "@/lib/notifications/worker";
import { addQuarters, quarterOf } from "@/lib/quarters";

import { startSmtpSink, type SmtpSink } from "../support/smtp-sink";
import { useDemoOrg } from "./support/demo";
import { describeOnEachEngine } from "./support/engines";

// The mail server goes away for a minute — first not listening at all, then
// up but answering "451 try again later" — while two workers keep delivering.
// When it recovers every email arrives, each exactly once: none lost, none
// sent twice, none given up on.

const OUTAGE_MS = 60_000;

describeOnEachEngine("email delivery through an SMTP outage", ({ handle }) => {
  const demo = useDemoOrg(handle, { admin: "mei-ling.chen@acme.test" });
  let sink: SmtpSink;

  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await sink.stop();
  });

  it(
    "a minute of refusals: every email is delivered once when the server recovers, none lost, none twice",
    async () => {
      const db = handle().db;
      const [open] = await db.select().from(assessmentCycles).where(eq(assessmentCycles.status, "open"));
      await closeCycle(demo.admin, { cycleId: open!.id });
      await db.delete(notifications);
      await openCycle(demo.admin, {
        quarter: addQuarters(quarterOf(new Date()), 1),
        startsOn: "2027-01-01",
        endsOn: "2027-03-31",
      });
      await db.execute(sql`insert into notifications (kind, recipient_id, idempotency_key, payload)
        select kind, recipient_id, idempotency_key || ':copy' || g, payload from notifications, generate_series(1, 7) g`);
      const expected = (await db.select({ id: notifications.id }).from(notifications)).length;
      expect(expected).toBeGreaterThan(150);

      const transports = [0, 1].map(() =>
        smtpTransport({ url: sink.url, rejectUnauthorized: true, requireTLS: false }),
      );
      const config = (i: number): DeliveryConfig => ({
        db,
        transport: transports[i]!,
        from: "Skillgrid <skillgrid@acme.test>",
        appUrl: "http://127.0.0.1:3999",
        secret: "test-secret-for-unsubscribe-links-0123456789",
        batch: 25,
        retry: { baseMs: 1000, capMs: 8000, maxAttempts: 30 },
      });
      await sink.stop();
      const started = Date.now();
      let outage = true;
      const restore = (async () => {
        await new Promise((r) => setTimeout(r, OUTAGE_MS / 2));
        await sink.start(); // listening again, but refusing every message for the second half
        sink.refuse(true);
        await new Promise((r) => setTimeout(r, OUTAGE_MS / 2));
        sink.refuse(false);
        outage = false;
      })();
      let failures = 0;
      const worker = async (i: number) => {
        while (Date.now() - started < OUTAGE_MS + 60_000) {
          const r = await deliverDue(config(i));
          failures += r.failed;
          const [left] = await db
            .select({ n: sql<number>`count(*)::int` })
            .from(notifications)
            .where(sql`${notifications.status} in ('pending', 'sending')`);
          if (!outage && left!.n === 0) return;
          await new Promise((res) => setTimeout(res, 200));
        }
      };
      await Promise.all([worker(0), worker(1)]);
      await restore;
      transports.forEach((t) => t.close());

      const rows = await db.select().from(notifications);
      expect(rows.filter((r) => r.status !== "sent").map((r) => r.status)).toEqual([]);
      expect(failures).toBeGreaterThan(0); // the outage was real: attempts failed and were retried
      expect(rows.some((r) => r.attempts > 1)).toBe(true);
      const ids = sink.received.map((m) => m.notificationId);
      expect(ids).toHaveLength(expected); // none lost…
      expect(new Set(ids).size).toBe(expected); // …and none twice
    },
    OUTAGE_MS + 120_000,
  );
});

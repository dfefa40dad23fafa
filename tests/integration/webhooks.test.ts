import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from "vitest";

import { enqueueWebhookEvent } from "@/db/queries/webhooks";
import { assessmentCycles, auditEvents, webhookAttempts, webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { demoTeamId } from "@/db/seed/demo";
import { closeCycle, openCycle, reopenCycle } from "@/lib/data/cycles";
import { importRatings } from "@/lib/data/import";
import { saveSelfRating, validateRating } from "@/lib/data/ratings";
import { acceptPlanItem, archiveTarget, createTarget, getTeamVision } from "@/lib/data/vision";
import {
  disableWebhook,
  enableWebhook,
  listWebhookDeliveries,
  listWebhooks,
  redeliverWebhook,
  registerWebhook,
} from "@/lib/data/webhooks";
import { resetEnvCache } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { addQuarters, quarterOf } from "@/lib/quarters";
import { deliverDueWebhooks, type WebhookDeliveryConfig } from "@/lib/webhooks/deliver";
import { WEBHOOK_EVENTS, type WebhookBody } from "@/lib/webhooks/events";
import { verifyWebhookSignature } from "@/lib/webhooks/signature";
import type { WebhookLookup } from "@/lib/webhooks/ssrf";

import { useDemoOrg } from "./support/demo";
import { describeOnEachEngine } from "./support/engines";
import { GIT } from "./support/frameworks";

const ML_PLATFORM = demoTeamId("ml-platform");
const SKILL = "model-management.familiar-with-mlflow-tracking-artifacts";

type Received = { headers: http.IncomingHttpHeaders; raw: string; verified: boolean; answered: number; url: string };

/** An HTTP receiver on loopback that checks signatures like a real one and answers what it is told to. */
async function startReceiver(secret: () => string) {
  const received: Received[] = [];
  let answer: { status: number; location?: string } = { status: 200 };
  const server = http.createServer((req, res) => {
    let raw = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => (raw += c));
    req.on("end", () => {
      const verified = verifyWebhookSignature(secret(), req.headers["skillgrid-signature"] as string, raw).ok;
      received.push({ headers: req.headers, raw, verified, answered: answer.status, url: req.url ?? "" });
      res.writeHead(answer.status, answer.location ? { location: answer.location } : {});
      res.end(answer.status >= 300 ? "nope, look elsewhere" : "ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    answer: (status: number, location?: string) => (answer = { status, location }),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
type Receiver = Awaited<ReturnType<typeof startReceiver>>;

describeOnEachEngine("webhooks", ({ handle }) => {
  const demo = useDemoOrg(handle, {
    admin: "mei-ling.chen@acme.test",
    lead: "alex.wang@acme.test",
    member: "sofia.rossi@acme.test",
  });
  const db = () => handle().db;
  let secret = "";
  let receiver: Receiver;
  let lookups: string[] = [];
  const lookup: WebhookLookup = async (host) => {
    lookups.push(host);
    if (host === "internal.example.test" || host === "rebind.example.test")
      return [{ address: "127.0.0.1", family: 4 }];
    if (host === "mixed.example.test")
      return [
        { address: "93.184.215.14", family: 4 },
        { address: "127.0.0.1", family: 4 },
      ];
    throw Object.assign(new Error("not found"), { code: "ENOTFOUND" });
  };
  const config = (o: Partial<WebhookDeliveryConfig> = {}): WebhookDeliveryConfig => ({
    db: db(),
    allowPrivate: true, // the receiver is on loopback; the SSRF tests turn this off
    lookup,
    timeoutMs: 2000,
    retry: { baseMs: 1, capMs: 2, maxAttempts: 8 },
    ...o,
  });
  /** Delivers everything due, pass after pass, at a time past any backoff. */
  async function drain(o: Partial<WebhookDeliveryConfig> = {}) {
    for (let i = 0; i < 50; i++)
      if ((await deliverDueWebhooks(config(o), new Date(Date.now() + 60_000))).claimed === 0) return;
    throw new Error("the outbox did not drain");
  }
  const bodies = () => receiver.received.map((r) => JSON.parse(r.raw) as WebhookBody);
  const withPrivate = (on: boolean) => {
    process.env.WEBHOOKS_ALLOW_PRIVATE = on ? "1" : "0";
    resetEnvCache();
  };
  async function register(url = receiver.url, events: string[] = [...WEBHOOK_EVENTS]) {
    withPrivate(true);
    const r = await registerWebhook(demo.admin, { url, description: "test receiver", events });
    secret = r.secret;
    return r;
  }

  beforeAll(async () => {
    receiver = await startReceiver(() => secret);
  });
  afterAll(async () => {
    await receiver.stop();
    delete process.env.WEBHOOKS_ALLOW_PRIVATE;
    resetEnvCache();
  });
  beforeEach(async () => {
    await db().delete(webhookEndpoints);
    const next = addQuarters(quarterOf(new Date()), 1);
    await db().execute(sql`delete from closed_quarter_ratings where cycle_id in (select id from assessment_cycles
      where quarter = ${next} or quarter = ${quarterOf(new Date())})`);
    await db().delete(assessmentCycles).where(eq(assessmentCycles.quarter, next));
    await db()
      .update(assessmentCycles)
      .set({ status: "open", closedAt: null, closedById: null })
      .where(eq(assessmentCycles.quarter, quarterOf(new Date())));
    receiver.received.length = 0;
    receiver.answer(200);
    lookups = [];
  });
  afterEach(() => withPrivate(false));

  /** One call of each mutation that emits an event. */
  async function doEverything() {
    await saveSelfRating(demo.member, {
      skillKey: SKILL,
      value: 3,
      interest: 2,
      evidence: "private",
      requestId: randomUUID(),
    });
    await validateRating(demo.lead, {
      teamId: ML_PLATFORM,
      userId: demo.member.id,
      skillKey: SKILL,
      proficiency: 2,
      comment: "a private remark",
      requestId: randomUUID(),
    });
    const [open] = await db().select().from(assessmentCycles).where(eq(assessmentCycles.status, "open"));
    await closeCycle(demo.admin, { cycleId: open!.id });
    await reopenCycle(demo.admin, { cycleId: open!.id });
    const target = await createTarget(demo.lead, {
      teamId: ML_PLATFORM,
      kind: "skill",
      key: SKILL,
      level: 4,
      headcount: 5,
      targetQuarter: addQuarters(quarterOf(new Date()), 2),
    });
    const item = (await getTeamVision(demo.admin, { teamId: ML_PLATFORM }, { locale: "en" })).priorities.find(
      (p) => p.targetId === target.id,
    )!;
    await acceptPlanItem(demo.lead, { teamId: ML_PLATFORM, targetId: target.id, skillKey: item.skillKey });
    await archiveTarget(demo.lead, { teamId: ML_PLATFORM, targetId: target.id });
  }

  it("events from the data layer arrive signed, with their headers, and carry ids and values but no notes", async () => {
    await register();
    await doEverything();
    await drain();
    expect(receiver.received).toHaveLength(7);
    expect(receiver.received.every((r) => r.verified)).toBe(true);
    const types = bodies().map((b) => b.type);
    for (const e of WEBHOOK_EVENTS) expect(types).toContain(e);
    expect(types.filter((t) => t === "cycle.opened")).toHaveLength(1); // the reopen
    expect(types.filter((t) => t === "target.changed")).toHaveLength(2);
    const [first] = receiver.received;
    const body = JSON.parse(first!.raw) as WebhookBody;
    const [delivery] = await db().select().from(webhookDeliveries).where(eq(webhookDeliveries.eventId, body.id));
    expect(first!.headers).toMatchObject({
      "content-type": "application/json",
      "user-agent": "Skillgrid-Webhooks/1",
      "skillgrid-event": body.type,
      "skillgrid-event-id": body.id,
      "skillgrid-delivery": delivery!.id,
    });
    expect(first!.headers["skillgrid-signature"]).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    const rating = bodies().find((b) => b.type === "rating.created")!;
    expect(rating.data).toMatchObject({ userId: demo.member.id, skillKey: SKILL, proficiency: 3, source: "self" });
    const validation = bodies().find((b) => b.type === "validation.created")!;
    expect(validation.data).toMatchObject({ userId: demo.member.id, validatorId: demo.lead.id, hasComment: true });
    const all = receiver.received.map((r) => r.raw).join("\n");
    expect(all).not.toContain("private");
    expect(all).not.toContain(secret);
    const targets = bodies().filter((b) => b.type === "target.changed");
    expect(targets.map((b) => (b.data as { action: string }).action).sort()).toEqual(["archived", "created"]);
  });

  it("an import sends one rating.created per imported rating, marked as imported", async () => {
    const matrix = (value: string) =>
      new TextEncoder().encode(
        [`email,${GIT}`, `omar.haddad@acme.test,${value}`, `sofia.rossi@acme.test,${value}`].join("\n"),
      );
    await importRatings(demo.admin, { mode: "apply", filename: "matrix.csv", bytes: matrix("1") });
    await register(receiver.url, ["rating.created"]);
    await importRatings(demo.admin, { mode: "apply", filename: "matrix.csv", bytes: matrix("2") });
    await drain();
    expect(receiver.received.every((r) => r.verified)).toBe(true);
    expect(bodies().map((b) => b.data)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ userId: demo.member.id, skillKey: GIT, proficiency: 2, source: "import" }),
        expect.objectContaining({ skillKey: GIT, proficiency: 2, source: "import" }),
      ]),
    );
    expect(receiver.received).toHaveLength(2);
    expect(new Set(bodies().map((b) => b.id)).size).toBe(2);
  });

  it("a tampered body, another secret or a timestamp outside the window fails verification", async () => {
    await register();
    await openAndCloseNextQuarter();
    await drain();
    const [r] = receiver.received;
    const header = r!.headers["skillgrid-signature"] as string;
    expect(verifyWebhookSignature(secret, header, r!.raw).ok).toBe(true);
    expect(verifyWebhookSignature(secret, header, r!.raw.replace('"cycle.', '"cycle ')).ok).toBe(false);
    expect(verifyWebhookSignature(`${secret}x`, header, r!.raw).ok).toBe(false);
    const later = new Date(Date.now() + 301_000);
    expect(verifyWebhookSignature(secret, header, r!.raw, { now: later })).toEqual({ ok: false, reason: "expired" });
  });

  async function openAndCloseNextQuarter() {
    const [open] = await db().select().from(assessmentCycles).where(eq(assessmentCycles.status, "open"));
    await closeCycle(demo.admin, { cycleId: open!.id });
    await openCycle(demo.admin, {
      quarter: addQuarters(quarterOf(new Date()), 1),
      startsOn: "2027-01-01",
      endsOn: "2027-03-31",
    });
  }

  it("no endpoint, a disabled one or one not subscribed: no delivery is written", async () => {
    await openAndCloseNextQuarter();
    expect(await db().select().from(webhookDeliveries)).toHaveLength(0);
    const { id } = await register(receiver.url, ["plan.accepted"]);
    await register(receiver.url, ["cycle.closed"]);
    await disableWebhook(demo.admin, { endpointId: (await listWebhooks(demo.admin)).find((e) => e.id !== id)!.id });
    const [open] = await db().select().from(assessmentCycles).where(eq(assessmentCycles.status, "open"));
    await closeCycle(demo.admin, { cycleId: open!.id });
    expect(await db().select().from(webhookDeliveries)).toHaveLength(0);
  });

  it("a receiver that is down, then failing, then back gets every event exactly once, each attempt logged", async () => {
    const down = await startReceiver(() => secret);
    const url = down.url;
    await down.stop(); // a closed port: connection refused
    const { id } = await register(url);
    await openAndCloseNextQuarter(); // cycle.closed, cycle.opened
    await doEverything();
    for (const quarter of ["2030-Q1", "2030-Q2"])
      // more than a page of deliveries
      await db().transaction((tx) =>
        enqueueWebhookEvent(tx, "cycle.closed", { cycleId: randomUUID(), quarter, closedAt: new Date().toISOString() }),
      );
    const events = await db().select().from(webhookDeliveries);
    expect(events).toHaveLength(11);
    for (let i = 0; i < 2; i++) await deliverDueWebhooks(config(), new Date(Date.now() + 60_000 * (i + 1)));
    // Back on the same port, answering 500 for two rounds, then 200.
    const back = http.createServer();
    await new Promise<void>((resolve) => back.listen(down.port, "127.0.0.1", resolve));
    back.on("request", (req, res) => {
      let raw = "";
      req.on("data", (c: Buffer) => (raw += c.toString()));
      req.on("end", () => {
        const status = failing > 0 ? 500 : 200;
        received.push({
          raw,
          status,
          verified: verifyWebhookSignature(secret, req.headers["skillgrid-signature"] as string, raw).ok,
        });
        res.writeHead(status).end(status === 500 ? "internal error ".repeat(40) : "ok");
      });
    });
    const received: { raw: string; status: number; verified: boolean }[] = [];
    let failing = 2;
    try {
      for (; failing > 0; failing--) await deliverDueWebhooks(config(), new Date(Date.now() + 600_000));
      await drain();
    } finally {
      await new Promise<void>((resolve) => back.close(() => resolve()));
    }
    const accepted = received.filter((r) => r.status === 200).map((r) => (JSON.parse(r.raw) as WebhookBody).id);
    expect(new Set(accepted).size).toBe(events.length);
    expect(accepted).toHaveLength(events.length); // none twice
    expect(received.every((r) => r.verified)).toBe(true);
    const deliveries = await db().select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, id));
    expect(deliveries.every((d) => d.status === "delivered" && d.attempts === 5)).toBe(true);
    const page = await listWebhookDeliveries(demo.admin, { endpointId: id });
    const log = page.rows[0]!.attemptLog;
    expect(log.map((a) => a.status)).toEqual([null, null, 500, 500, 200]);
    expect(log[0]!.error).toBe("Connection refused.");
    expect(log[2]!.error!.length).toBeLessThan(160); // a short snippet, not the whole body
    expect(log[2]!.error).toMatch(/^HTTP 500 \(internal error/);
    expect(page.hasMore).toBe(true);
    expect((await listWebhookDeliveries(demo.admin, { endpointId: id, page: 2 })).rows.length).toBeGreaterThan(0);
  });

  it("gives up after the last attempt; redelivering a dead or delivered event sends it again, audited", async () => {
    const { id } = await register();
    receiver.answer(503);
    await openAndCloseNextQuarter();
    await drain({ retry: { baseMs: 1, capMs: 2, maxAttempts: 3 } });
    const dead = await db().select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, id));
    expect(dead.map((d) => [d.status, d.attempts])).toEqual([
      ["dead", 3],
      ["dead", 3],
    ]);
    expect(await db().select().from(webhookAttempts)).toHaveLength(6);
    receiver.answer(200);
    receiver.received.length = 0;
    await redeliverWebhook(demo.admin, { deliveryId: dead[0]!.id });
    await expect(redeliverWebhook(demo.admin, { deliveryId: dead[0]!.id })).rejects.toMatchObject({ code: "conflict" });
    await drain();
    expect(receiver.received).toHaveLength(1);
    expect(JSON.parse(receiver.received[0]!.raw).id).toBe(dead[0]!.eventId);
    await redeliverWebhook(demo.admin, { deliveryId: dead[0]!.id }); // delivered: again
    await drain();
    expect(receiver.received.map((r) => JSON.parse(r.raw).id)).toEqual([dead[0]!.eventId, dead[0]!.eventId]);
    const audits = await db().select().from(auditEvents).where(eq(auditEvents.action, "webhook.redelivered"));
    expect(audits.length).toBeGreaterThanOrEqual(2);
    await expect(redeliverWebhook(demo.admin, { deliveryId: randomUUID() })).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("a disabled endpoint's queued deliveries end dead without a request; enabled again, they can be redelivered", async () => {
    const { id } = await register();
    await openAndCloseNextQuarter();
    await disableWebhook(demo.admin, { endpointId: id });
    await drain();
    expect(receiver.received).toHaveLength(0);
    const rows = await db().select().from(webhookDeliveries);
    expect(rows.every((d) => d.status === "dead")).toBe(true);
    await enableWebhook(demo.admin, { endpointId: id });
    await redeliverWebhook(demo.admin, { deliveryId: rows[0]!.id });
    await drain();
    expect(receiver.received).toHaveLength(1);
  });

  it("SSRF: with private targets not allowed, loopback, private, link-local and names resolving to them are refused before connecting", async () => {
    const port = receiver.port;
    const urls = [
      receiver.url,
      `http://169.254.169.254:${port}/latest/meta-data/`,
      `http://10.0.0.1:${port}/`,
      `http://192.168.1.1:${port}/`,
      `http://[::1]:${port}/`,
      `http://[::ffff:127.0.0.1]:${port}/`,
      `http://internal.example.test:${port}/`,
      `http://mixed.example.test:${port}/`,
      `http://localhost.:${port}/`,
    ];
    secret = "whsec_test";
    const ids = [];
    for (const url of urls) {
      const [row] = await db()
        .insert(webhookEndpoints)
        .values({ url, events: ["cycle.closed"], secret })
        .returning({ id: webhookEndpoints.id });
      ids.push(row!.id);
    }
    await db().transaction((tx) =>
      enqueueWebhookEvent(tx, "cycle.closed", {
        cycleId: randomUUID(),
        quarter: "2027-Q1",
        closedAt: new Date().toISOString(),
      }),
    );
    await deliverDueWebhooks(
      config({
        allowPrivate: false,
        lookup: async (h) => (h === "localhost" ? [{ address: "127.0.0.1", family: 4 }] : lookup(h)),
      }),
    );
    expect(receiver.received).toHaveLength(0);
    const attempts = await db().select().from(webhookAttempts);
    expect(attempts).toHaveLength(urls.length);
    for (const a of attempts) {
      expect(a.status).toBeNull();
      expect(a.error).toMatch(/^Refused: .* is a (loopback|private|link-local) address\.$/);
    }
    expect(lookups).toEqual(expect.arrayContaining(["internal.example.test", "mixed.example.test"]));
  });

  it("the connection goes to the address that was checked (no second DNS lookup to rebind), and redirects are never followed", async () => {
    const target = await startReceiver(() => secret);
    try {
      await register(`http://rebind.example.test:${receiver.port}/hooks`, ["cycle.closed", "cycle.opened"]);
      receiver.answer(302, `http://127.0.0.1:${target.port}/internal`);
      await openAndCloseNextQuarter();
      await deliverDueWebhooks(config());
      expect(lookups).toEqual(["rebind.example.test", "rebind.example.test"]); // once per delivery, by the guard
      expect(receiver.received).toHaveLength(2);
      expect(receiver.received[0]!.headers.host).toBe(`rebind.example.test:${receiver.port}`);
      expect(target.received).toHaveLength(0);
      const attempts = await db().select().from(webhookAttempts);
      expect(attempts.map((a) => a.status)).toEqual([302, 302]);
      expect(attempts[0]!.error).toMatch(/^HTTP 302: redirects are not followed/);
      const rows = await db().select().from(webhookDeliveries);
      expect(rows.every((d) => d.status === "pending")).toBe(true);
    } finally {
      await target.stop();
    }
  });

  it("registration refuses other schemes and (unless allowed) local addresses; the secret is shown once", async () => {
    withPrivate(false);
    const refused = [
      "ftp://hooks.example.com/x",
      "javascript:alert(1)",
      "file:///etc/passwd",
      "http://127.0.0.1/x",
      "http://10.0.0.1/x",
      "http://172.16.5.4/x",
      "http://192.168.1.1/x",
      "http://169.254.169.254/latest",
      "http://100.64.0.1/x",
      "http://0.0.0.0/x",
      "http://[::1]/x",
      "http://[fd00::1]/x",
      "http://[::ffff:10.0.0.1]/x",
      "http://2130706433/x", // 127.0.0.1 as a number
      "http://localhost:3000/x",
      "https://user:pass@hooks.example.com/x",
    ];
    for (const url of refused) {
      const e = await registerWebhook(demo.admin, { url, events: ["cycle.opened"] }).catch((x: unknown) => x);
      expect(e, url).toBeInstanceOf(AppError);
      expect((e as AppError).code, url).toBe("invalid");
    }
    expect(await db().select().from(webhookEndpoints)).toHaveLength(0);
    const ok = await registerWebhook(demo.admin, {
      url: "https://hooks.example.com/skillgrid",
      events: ["cycle.opened"],
    });
    expect(ok.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const listed = await listWebhooks(demo.admin);
    expect(JSON.stringify(listed)).not.toContain(ok.secret);
    const [audit] = await db().select().from(auditEvents).where(eq(auditEvents.entityId, ok.id));
    expect(audit).toMatchObject({ action: "webhook.registered" });
    expect(JSON.stringify(audit)).not.toContain(ok.secret);
    withPrivate(true);
    await expect(
      registerWebhook(demo.admin, { url: "http://127.0.0.1:9/x", events: ["cycle.opened"] }),
    ).resolves.toMatchObject({});
    await expect(
      registerWebhook(demo.admin, { url: "ftp://127.0.0.1/x", events: ["cycle.opened"] }),
    ).rejects.toBeInstanceOf(AppError);
  });

  it("only admins manage webhooks", async () => {
    for (const who of [demo.lead, demo.member, null]) {
      await expect(listWebhooks(who)).rejects.toBeInstanceOf(AppError);
      await expect(
        registerWebhook(who, { url: "https://hooks.example.com/x", events: ["cycle.opened"] }),
      ).rejects.toBeInstanceOf(AppError);
    }
  });
});

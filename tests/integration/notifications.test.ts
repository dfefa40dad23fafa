import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";

import { GET as metricsRoute } from "@/app/api/metrics/route";
import { assessmentCycles, auditEvents, notificationOptOuts, notifications, orgSettings, users } from "@/db/schema";
import { demoTeamId, demoUserId } from "@/db/seed/demo";
import { closeCycle, openCycle } from "@/lib/data/cycles";
import {
  getDeliveryStatus,
  getMyEmailPreferences,
  readUnsubscribeLink,
  retryNotification,
  setMyEmailPreference,
  unsubscribeWithLink,
} from "@/lib/data/notifications";
import { validateRating } from "@/lib/data/ratings";
import { resetEnvCache } from "@/lib/env";
import type { NotificationPayloads } from "@/lib/notifications/kinds";
import { smtpTransport } from "@/lib/notifications/mailer";
import { addDays, zonedParts } from "@/lib/notifications/schedule";
import { runSchedule } from "@/lib/notifications/scheduler";
import { VALIDATION_BATCH } from "@/lib/notifications/triggers";
import { signUnsubscribeToken } from "@/lib/notifications/unsubscribe-token";
import { deliverDue, type DeliveryConfig } from "@/lib/notifications/worker";
import { addQuarters, quarterOf } from "@/lib/quarters";

import { startSmtpSink, type SmtpSink } from "../support/smtp-sink";
import { useDemoOrg } from "./support/demo";
import { describeOnEachEngine } from "./support/engines";
import { rowsOf, tableFingerprint } from "./support/fingerprint";

const SECRET = "test-secret-for-unsubscribe-links-0123456789";
const APP_URL = "http://127.0.0.1:3999";
const ML_PLATFORM = demoTeamId("ml-platform");
const SKILL = "model-management.familiar-with-mlflow-tracking-artifacts";

describeOnEachEngine("email notifications", ({ handle }) => {
  const demo = useDemoOrg(handle, {
    admin: "mei-ling.chen@acme.test",
    lead: "alex.wang@acme.test",
    member: "sofia.rossi@acme.test",
  });
  let sink: SmtpSink;
  let transport: ReturnType<typeof smtpTransport>;
  const config = (): DeliveryConfig => ({
    db: handle().db,
    transport,
    from: "Skillgrid <skillgrid@acme.test>",
    appUrl: APP_URL,
    secret: SECRET,
    retry: { baseMs: 1000, capMs: 4000, maxAttempts: 3 },
  });
  const db = () => handle().db;
  const outbox = (kind: string) =>
    db()
      .select()
      .from(notifications)
      .where(eq(notifications.kind, kind as never));
  /** Delivers everything due at `now`, pass after pass. */
  async function drain(now = new Date()) {
    for (let i = 0; i < 50; i++) if ((await deliverDue(config(), now)).claimed === 0) return;
    throw new Error("the outbox did not drain");
  }

  beforeAll(async () => {
    sink = await startSmtpSink();
    transport = smtpTransport({ url: sink.url, rejectUnauthorized: true, requireTLS: false });
    process.env.NEXTAUTH_SECRET = SECRET;
    resetEnvCache();
  });
  afterAll(async () => {
    transport.close();
    await sink.stop();
  });
  beforeEach(async () => {
    // Each test starts from the demo's cycles: the current quarter open, no later one.
    const next = addQuarters(quarterOf(new Date()), 1);
    await db().execute(sql`delete from closed_quarter_ratings where cycle_id in (select id from assessment_cycles
      where quarter = ${next} or quarter = ${quarterOf(new Date())})`);
    await db().delete(assessmentCycles).where(eq(assessmentCycles.quarter, next));
    await db()
      .update(assessmentCycles)
      .set({ status: "open", closedAt: null, closedById: null })
      .where(eq(assessmentCycles.quarter, quarterOf(new Date())));
    await db().delete(notifications);
    await db().delete(notificationOptOuts);
    await db().delete(orgSettings);
    sink.received.length = 0;
  });

  /** Active members of teams that are not archived, the obvious way. */
  async function activeMemberIds(): Promise<string[]> {
    const rows = rowsOf(
      await db().execute(sql`select distinct u.id from users u
        join team_members m on m.user_id = u.id join teams t on t.id = m.team_id and t.archived_at is null
        where not u.disabled and u.scim_deleted_at is null order by u.id`),
    );
    return rows.map((r) => r.id as string);
  }

  /** Members without a self rating in the quarter, the obvious way. */
  async function notRatedIds(quarter: string): Promise<string[]> {
    const active = await activeMemberIds();
    const rated = rowsOf(
      await db().execute(sql`select distinct user_id from ratings where rater_kind = 'self' and quarter = ${quarter}`),
    ).map((r) => r.user_id as string);
    return active.filter((id) => !rated.includes(id));
  }

  async function openNextQuarter() {
    const [open] = await db().select().from(assessmentCycles).where(eq(assessmentCycles.status, "open"));
    if (open) await closeCycle(demo.admin, { cycleId: open.id });
    const quarter = addQuarters(quarterOf(new Date()), 1);
    await db().delete(notifications);
    await openCycle(demo.admin, { quarter, startsOn: "2027-01-01", endsOn: "2027-03-31" });
    return quarter;
  }

  it("opening a cycle writes one email to every active team member, with progress, and none to a disabled or opted-out one", async () => {
    const disabled = demoUserId("jun.huang@acme.test");
    const optedOut = demoUserId("ravi.patel@acme.test");
    await db().update(users).set({ disabled: true }).where(eq(users.id, disabled));
    await db().insert(notificationOptOuts).values({ userId: optedOut, kind: "cycle_opened" });
    try {
      const quarter = await openNextQuarter();
      const rows = await outbox("cycle_opened");
      const expected = (await activeMemberIds()).filter((id) => id !== optedOut);
      expect(rows.map((r) => r.recipientId).sort()).toEqual(expected);
      expect(rows.map((r) => r.recipientId)).not.toContain(disabled);
      const payload = rows[0]!.payload as NotificationPayloads["cycle_opened"];
      expect(payload).toMatchObject({ quarter, endsOn: "2027-03-31", rated: 0 });
      expect(payload.total).toBeGreaterThan(10);
      expect(new Set(rows.map((r) => r.idempotencyKey)).size).toBe(rows.length);
    } finally {
      await db().update(users).set({ disabled: false }).where(eq(users.id, disabled));
    }
  });

  it("closing a cycle sends every admin the completion per team, counted as SQL counts it", async () => {
    const [open] = await db().select().from(assessmentCycles).where(eq(assessmentCycles.status, "open"));
    await closeCycle(demo.admin, { cycleId: open!.id });
    const rows = await outbox("cycle_closed");
    const admins = rowsOf(
      await db().execute(sql`select id from users where role = 'admin' and not disabled order by id`),
    ).map((r) => r.id);
    expect(rows.map((r) => r.recipientId).sort()).toEqual(admins);
    const payload = rows[0]!.payload as NotificationPayloads["cycle_closed"];
    const team = payload.teams.find((t) => t.teamId === ML_PLATFORM)!;
    const [count] = rowsOf(
      await db().execute(sql`select count(*)::int as members,
          count(*) filter (where exists (select 1 from ratings r where r.user_id = u.id and r.rater_kind = 'self'
            and r.quarter = ${open!.quarter}))::int as rated
        from team_members m join users u on u.id = m.user_id and not u.disabled where m.team_id = ${ML_PLATFORM}`),
    );
    expect({ members: team.members, rated: team.rated }).toEqual(count);
  });

  it("a reminder goes N days before the planned close to those who have not rated this quarter, once, and not to someone who rated since", async () => {
    const quarter = quarterOf(new Date());
    const local = zonedParts(new Date(), "Asia/Taipei");
    await db()
      .update(assessmentCycles)
      .set({ endsOn: addDays(local.date, 7) })
      .where(eq(assessmentCycles.quarter, quarter));
    await db()
      .insert(orgSettings)
      .values([
        { key: "emailTimeZone", value: "Asia/Taipei" },
        { key: "emailHour", value: 0 },
        { key: "reminderDaysBeforeClose", value: [7, 2] },
        { key: "digestWeekday", value: (local.weekday + 3) % 7 },
      ]);
    const behind = await notRatedIds(quarter);
    expect(behind.length).toBeGreaterThan(0);
    expect((await runSchedule(db())).reminders).toBe(behind.length);
    const rows = await outbox("cycle_reminder");
    expect(rows.map((r) => r.recipientId).sort()).toEqual(behind);
    expect(rows.every((r) => r.idempotencyKey.endsWith(`:${quarter}:d7`))).toBe(true);
    expect((rows[0]!.payload as NotificationPayloads["cycle_reminder"]).daysLeft).toBe(7);
    // A second tick, or two replicas ticking at once, write nothing more.
    const [a, b] = await Promise.all([runSchedule(db()), runSchedule(db())]);
    expect(a.reminders + b.reminders).toBe(0);
    expect(await outbox("cycle_reminder")).toHaveLength(behind.length);

    // One of them rates before the email goes: it is skipped at delivery, the others are sent.
    const rater = behind[0]!;
    await db()
      .execute(sql`insert into ratings (user_id, rater_id, rater_kind, framework_id, skill_key, proficiency, quarter)
      select ${rater}, ${rater}, 'self', t.framework_id, ${SKILL}, 2, ${quarter}
      from team_members m join teams t on t.id = m.team_id where m.user_id = ${rater} limit 1`);
    await drain();
    const sentTo = await db().select().from(notifications).where(eq(notifications.kind, "cycle_reminder"));
    expect(sentTo.find((r) => r.recipientId === rater)!.status).toBe("skipped");
    expect(sentTo.filter((r) => r.status === "sent")).toHaveLength(behind.length - 1);
    expect(sink.received).toHaveLength(behind.length - 1);
  });

  it("a cycle opened for next quarter counts ratings made since it opened, though they are dated this quarter", async () => {
    const quarter = await openNextQuarter();
    const [cycle] = await db().select().from(assessmentCycles).where(eq(assessmentCycles.quarter, quarter));
    const local = zonedParts(new Date(), "UTC");
    await db()
      .update(assessmentCycles)
      .set({ startsOn: local.date, endsOn: addDays(local.date, 2) })
      .where(eq(assessmentCycles.id, cycle!.id));
    await db()
      .insert(orgSettings)
      .values([
        { key: "emailHour", value: 0 },
        { key: "digestWeekday", value: (local.weekday + 3) % 7 },
      ]);
    await validateRating(demo.lead, {
      teamId: ML_PLATFORM,
      userId: demo.member.id,
      skillKey: SKILL,
      proficiency: 2,
      comment: "",
      requestId: randomUUID(),
    }); // a lead's validation is not the member's own rating
    await db()
      .execute(sql`insert into ratings (user_id, rater_id, rater_kind, framework_id, skill_key, proficiency, quarter)
      select ${demo.lead.id}, ${demo.lead.id}, 'self', t.framework_id, ${SKILL}, 3, ${quarterOf(new Date())}
      from teams t where t.id = ${ML_PLATFORM}`);
    await runSchedule(db());
    const reminded = (await outbox("cycle_reminder")).map((r) => r.recipientId);
    expect(reminded).toContain(demo.member.id);
    expect(reminded).not.toContain(demo.lead.id);
    expect(reminded.sort()).toEqual((await activeMemberIds()).filter((id) => id !== demo.lead.id));
  });

  it("the weekly digest goes to each lead once, with who has not rated and the ratings to discuss as SQL finds them", async () => {
    const quarter = quarterOf(new Date());
    const local = zonedParts(new Date(), "UTC");
    await db()
      .insert(orgSettings)
      .values([
        { key: "digestWeekday", value: local.weekday },
        { key: "emailHour", value: 0 },
        { key: "reminderDaysBeforeClose", value: [] },
      ]);
    const result = await runSchedule(db());
    const leads = rowsOf(
      await db().execute(sql`select distinct m.user_id from team_members m join users u on u.id = m.user_id
        join teams t on t.id = m.team_id and t.archived_at is null where m.is_lead and not u.disabled order by m.user_id`),
    ).map((r) => r.user_id);
    expect(result.digests).toBe(leads.length);
    const rows = await outbox("lead_digest");
    expect(rows.map((r) => r.recipientId).sort()).toEqual(leads);
    expect(await runSchedule(db())).toMatchObject({ digests: 0 });

    const alex = rows.find((r) => r.recipientId === demo.lead.id)!.payload as NotificationPayloads["lead_digest"];
    const team = alex.teams.find((t) => t.teamId === ML_PLATFORM)!;
    const members = rowsOf(
      await db().execute(sql`select m.user_id from team_members m join users u on u.id = m.user_id
        where m.team_id = ${ML_PLATFORM} and not u.disabled
          and not exists (select 1 from ratings_current c where c.user_id = m.user_id and c.rater_kind = 'self' and c.quarter = ${quarter})
        order by m.user_id`),
    ).map((r) => r.user_id);
    expect(team.notRated.map((p) => p.userId).sort()).toEqual(members);
    const discuss = rowsOf(
      await db().execute(sql`select s.user_id, s.skill_key from ratings_current s
        join ratings_current v on v.user_id = s.user_id and v.skill_key = s.skill_key and v.framework_id = s.framework_id and v.rater_kind = 'manager'
        join team_members m on m.user_id = s.user_id and m.team_id = ${ML_PLATFORM}
        join users u on u.id = s.user_id and not u.disabled
        join teams t on t.id = m.team_id and t.framework_id = s.framework_id
        join skills k on k.framework_version_id = t.framework_version_id and k.key = s.skill_key and k.retired_at is null
        where s.rater_kind = 'self' and not s.not_applicable and not v.not_applicable and abs(s.proficiency - v.proficiency) >= 2`),
    );
    expect(team.toDiscuss).toHaveLength(discuss.length);
    expect(Object.keys(alex.readiness).length).toBeGreaterThan(0);

    // Next week: a target whose readiness fell is named, with where it was.
    const targetId = Object.keys(alex.readiness).find((id) => alex.readiness[id]! > 0);
    if (targetId) {
      const lowered = { ...alex, readiness: { ...alex.readiness, [targetId]: 1.5 } };
      await db()
        .update(notifications)
        .set({ payload: lowered })
        .where(and(eq(notifications.kind, "lead_digest"), eq(notifications.recipientId, demo.lead.id)));
      const nextWeek = new Date(Date.now() + 7 * 86_400_000);
      await runSchedule(db(), nextWeek);
      const [next] = await db()
        .select()
        .from(notifications)
        .where(
          and(
            eq(notifications.kind, "lead_digest"),
            eq(notifications.recipientId, demo.lead.id),
            sql`${notifications.idempotencyKey} not like ${`%:${alex.week}`}`,
          ),
        );
      const drops = (next!.payload as NotificationPayloads["lead_digest"]).teams.flatMap((t) => t.readinessDrops);
      expect(drops.find((d) => d.targetId === targetId)).toMatchObject({ from: 1.5 });
    }
  });

  it("validations with a comment reach the member batched: one email for several, the next an hour after", async () => {
    const validate = (proficiency: number, comment: string) =>
      validateRating(demo.lead, {
        teamId: ML_PLATFORM,
        userId: demo.member.id,
        skillKey: SKILL,
        proficiency,
        comment,
        requestId: randomUUID(),
      });
    await validate(3, "Solid work on the tracking server.");
    await validate(2, "");
    await validate(3, "And the registry migration.");
    const [first, ...others] = await outbox("validation_recorded");
    expect(others).toHaveLength(0);
    const items = (first!.payload as NotificationPayloads["validation_recorded"]).items;
    expect(items.map((i) => i.comment)).toEqual(["Solid work on the tracking server.", "And the registry migration."]);
    expect(items[0]).toMatchObject({ leadName: "Alex Wang", proficiency: 3 });
    expect(items[0]!.skill.en.length).toBeGreaterThan(0);
    // Not before the batch window is over.
    await drain();
    expect(sink.received).toHaveLength(0);
    await drain(new Date(Date.now() + VALIDATION_BATCH.windowMs + 1000));
    expect(sink.received).toHaveLength(1);
    // The next one starts a new email, due an hour after the first.
    await validate(4, "Now teaching it.");
    const pending = (await outbox("validation_recorded")).filter((r) => r.status === "pending");
    expect(pending).toHaveLength(1);
    expect(pending[0]!.dueAt.getTime()).toBeGreaterThanOrEqual(first!.dueAt.getTime() + VALIDATION_BATCH.gapMs);
  });

  it("delivers in the recipient's language with the one-click unsubscribe headers, and skips someone who opted out meanwhile", async () => {
    await openNextQuarter();
    const all = await outbox("cycle_opened");
    const optsOutLate = demo.member.id;
    await setMyEmailPreference(demo.member, { kind: "cycle_opened", enabled: false });
    await drain();
    expect(sink.received).toHaveLength(all.length - 1);
    const ids = sink.received.map((m) => m.notificationId);
    expect(new Set(ids).size).toBe(ids.length);
    const admin = sink.received.find((m) => m.to.includes("chih-hao.lee@acme.test"))!;
    expect(admin.subject).toMatch(/[\u4e00-\u9fff]/); // zh-TW by her stored locale
    const english = sink.received.find((m) => m.to.includes("alex.wang@acme.test"))!;
    expect(english.subject).toMatch(/Rate your skills/i);
    const token = signUnsubscribeToken(SECRET, demo.lead.id, "cycle_opened");
    expect(english.headers.get("list-unsubscribe")).toBe(`<${APP_URL}/api/unsubscribe/${token}>`);
    expect(english.headers.get("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    expect(english.html).toContain(`${APP_URL}/me`);
    expect(english.text).toContain(`${APP_URL}/unsubscribe/${token}`);
    expect(english.html).not.toMatch(/<img/i);
    const skipped = (await outbox("cycle_opened")).find((r) => r.recipientId === optsOutLate)!;
    expect(skipped.status).toBe("skipped");
  });

  it("a permanent refusal is dead at once, an admin's retry sends it, and the counts show it", async () => {
    await openNextQuarter();
    const [one] = await outbox("cycle_opened");
    await db()
      .delete(notifications)
      .where(sql`${notifications.id} <> ${one!.id}`);
    const refusing = {
      ...config(),
      transport: {
        send: () => Promise.reject(Object.assign(new Error("no such mailbox"), { responseCode: 550 })),
        close: () => {},
      },
    };
    expect(await deliverDue(refusing)).toMatchObject({ claimed: 1, dead: 1 });
    const [dead] = await outbox("cycle_opened");
    expect(dead).toMatchObject({ status: "dead", lastError: "SMTP 550" });
    const status = await getDeliveryStatus(demo.admin, { status: "dead" });
    expect(status.rows.map((r) => r.id)).toEqual([one!.id]);
    // Status, never content: no payload, subject or body reaches the admins' page.
    expect(JSON.stringify(status)).not.toMatch(/payload|quarter|subject/i);
    await expect(getDeliveryStatus(demo.lead, {})).rejects.toMatchObject({ code: "forbidden" });
    await expect(retryNotification(demo.lead, { notificationId: one!.id })).rejects.toMatchObject({
      code: "forbidden",
    });
    await retryNotification(demo.admin, { notificationId: one!.id });
    await expect(retryNotification(demo.admin, { notificationId: one!.id })).rejects.toMatchObject({
      code: "conflict",
    });
    await drain();
    expect(sink.received).toHaveLength(1);
    // The counters on /api/metrics, by kind and outcome.
    process.env.METRICS_TOKEN = "metrics-token-0123456789";
    resetEnvCache();
    const metricsText = await (
      await metricsRoute(
        new Request("http://x/api/metrics", { headers: { authorization: "Bearer metrics-token-0123456789" } }),
      )
    ).text();
    expect(metricsText).toMatch(/skillgrid_notifications_total\{kind="cycle_opened",outcome="dead"\} [1-9]/);
    expect(metricsText).toMatch(/skillgrid_notifications_total\{kind="cycle_opened",outcome="sent"\} [1-9]/);
    const [audit] = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "notification.retried"), eq(auditEvents.entityId, one!.id)));
    expect(audit).toBeDefined();
  });

  it("a preference change and a one-click unsubscribe are audited; a tampered link is refused and writes nothing", async () => {
    await setMyEmailPreference(demo.member, { kind: "lead_digest", enabled: false });
    await setMyEmailPreference(demo.member, { kind: "lead_digest", enabled: false }); // unchanged: no second row
    const prefs = await getMyEmailPreferences(demo.member);
    expect(prefs.kinds.map((k) => k.kind)).not.toContain("lead_digest"); // a member leads no team
    expect((await getMyEmailPreferences(demo.lead)).kinds.map((k) => k.kind)).toContain("lead_digest");
    const token = signUnsubscribeToken(SECRET, demo.member.id, "cycle_reminder");
    const before = await tableFingerprint(db());
    for (const bad of [
      token.slice(0, -1) + (token.endsWith("A") ? "B" : "A"),
      token.replace("cycle_reminder", "cycle_opened"),
      signUnsubscribeToken("another-secret-another-secret-0000", demo.member.id, "cycle_reminder"),
      `${demo.admin.id}.cycle_reminder.${token.split(".")[2]}`,
      "garbage",
    ]) {
      await expect(unsubscribeWithLink({ token: bad })).rejects.toMatchObject({ code: "not_found" });
      await expect(readUnsubscribeLink({ token: bad })).rejects.toMatchObject({ code: "not_found" });
    }
    expect(await tableFingerprint(db())).toEqual(before);
    expect(await readUnsubscribeLink({ token })).toEqual({
      kind: "cycle_reminder",
      email: "s•••@acme.test",
      unsubscribed: false,
    });
    await unsubscribeWithLink({ token });
    await unsubscribeWithLink({ token }); // again: nothing more
    expect((await readUnsubscribeLink({ token })).unsubscribed).toBe(true);
    const audits = await db()
      .select({ after: auditEvents.after, actorId: auditEvents.actorId })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "email_preference.updated"), eq(auditEvents.entityId, demo.member.id)));
    expect(
      audits
        .map((a) => a.after)
        .filter((a) => ["lead_digest", "cycle_reminder"].includes((a as { kind: string }).kind)),
    ).toEqual([
      { kind: "lead_digest", enabled: false, via: "settings" },
      { kind: "cycle_reminder", enabled: false, via: "unsubscribe_link" },
    ]);
    expect(audits.every((a) => a.actorId === demo.member.id)).toBe(true);
  });

  it("two workers racing over the same outbox deliver each email exactly once", async () => {
    await openNextQuarter();
    // Several hundred more, as if the org were larger: copies of the real ones to other periods.
    await db().execute(sql`insert into notifications (kind, recipient_id, idempotency_key, payload)
      select kind, recipient_id, idempotency_key || ':copy' || g, payload from notifications, generate_series(1, 12) g`);
    const total = (await outbox("cycle_opened")).length;
    expect(total).toBeGreaterThan(200);
    const worker = async () => {
      for (let i = 0; i < 200; i++) {
        const r = await deliverDue({ ...config(), batch: 20 });
        if (r.claimed === 0) return;
      }
    };
    await Promise.all([worker(), worker()]);
    const rows = await outbox("cycle_opened");
    expect(rows.filter((r) => r.status === "sent")).toHaveLength(total);
    const ids = sink.received.map((m) => m.notificationId!);
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
  });
});

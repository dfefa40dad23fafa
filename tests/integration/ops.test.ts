import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { GET as health } from "@/app/api/health/route";
import { GET as metricsRoute } from "@/app/api/metrics/route";
import { GET as ready } from "@/app/api/ready/route";
import { demoTeamId } from "@/db/seed/demo";
import { DEFAULT_FRAMEWORK_KEY } from "@/db/seed/framework";
import { stableUuid } from "@/db/seed/ids";
import { listAuditEvents } from "@/lib/data/audit-log";
import { createDraft, getDraft, updateDraftSkill } from "@/lib/data/framework-admin";
import { saveSelfRating } from "@/lib/data/ratings";
import { updateTeam } from "@/lib/data/team-admin";
import { resetEnvCache } from "@/lib/env";

import { demoViewer, useDemoOrg } from "./support/demo";
import { describeOnEachEngine } from "./support/engines";
import { rowsOf } from "./support/fingerprint";

describe("liveness and metrics (no database needed)", () => {
  it("answers liveness", async () => {
    const res = health();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("hides metrics without a configured token, refuses a wrong token, serves Prometheus text with the right one", async () => {
    delete process.env.METRICS_TOKEN;
    resetEnvCache();
    expect((await metricsRoute(new Request("http://x/api/metrics"))).status).toBe(404);
    process.env.METRICS_TOKEN = "metrics-token-0123456789";
    resetEnvCache();
    expect(
      (
        await metricsRoute(
          new Request("http://x/api/metrics", { headers: { authorization: "Bearer wrong-token-0123456789" } }),
        )
      ).status,
    ).toBe(401);
    const ok = await metricsRoute(
      new Request("http://x/api/metrics", { headers: { authorization: "Bearer metrics-token-0123456789" } }),
    );
    expect(ok.status).toBe(200);
    const body = await ok.text();
    expect(body).toContain("# TYPE skillgrid_rating_writes_total counter");
    expect(body).toContain("skillgrid_request_duration_seconds");
    expect(body).toContain("skillgrid_process_cpu_user_seconds_total");
  });
});

describeOnEachEngine("readiness, audit viewer and concurrency", ({ handle }) => {
  const demo = useDemoOrg(handle, { admin: "mei-ling.chen@acme.test", alex: "alex.wang@acme.test" });

  it("is ready when the database answers and every migration is applied", async () => {
    const res = await ready();
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ready: boolean; migrations: { applied: number; expected: number } };
    expect(body.ready).toBe(true);
    expect(body.migrations.applied).toBe(body.migrations.expected);
  });

  it("of 50 concurrent edits of a team from the same version, exactly one wins; the rest are told it changed", async () => {
    const teamId = demoTeamId("ml-platform");
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        updateTeam(demo.alex, { teamId, name: `ML Platform ${i}`, description: "", lockVersion: 1 }),
      ),
    );
    const won = results.filter((r) => r.status === "fulfilled");
    expect(won).toHaveLength(1);
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(lost).toHaveLength(49);
    for (const r of lost)
      expect(r.reason).toMatchObject({ code: "conflict", message: expect.stringMatching(/changed by someone else/) });
    const [row] = rowsOf(await handle().db.execute(sql`select lock_version, name from teams where id = ${teamId}`));
    expect(row!.lock_version).toBe(2);
    expect(
      rowsOf(
        await handle().db.execute(sql`select count(*)::int as n from audit_events where action = 'team.updated'`),
      )[0]!.n,
    ).toBe(1);
  });

  it("of 50 concurrent edits of a framework draft from the same version, exactly one wins", async () => {
    const frameworkId = stableUuid("framework", DEFAULT_FRAMEWORK_KEY);
    await createDraft(demo.admin, { frameworkId });
    const { lockVersion } = (await getDraft(demo.admin, { frameworkId }))!;
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        updateDraftSkill(demo.admin, {
          frameworkId,
          lockVersion,
          skillKey: "environments-and-version-control.uses-git-for-version-control",
          nameEn: `Git ${i}`,
          nameZh: `Git ${i}`,
          descriptionEn: "",
          descriptionZh: "",
          categoryKey: "environments-and-version-control",
          retired: false,
        }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(
      results
        .filter((r) => r.status === "rejected")
        .every((r) => (r as PromiseRejectedResult).reason.code === "conflict"),
    ).toBe(true);
  });

  it("keeps every one of 20 concurrent rating saves in history, and the latest wins deterministically", async () => {
    const hana = await demoViewer("hana.sato@acme.test");
    const skillKey = "experiment-tracking-and-observation.can-read-loss-accuracy-curves";
    const before = rowsOf(
      await handle().db.execute(
        sql`select count(*)::int as n from ratings where user_id = ${hana.id} and skill_key = ${skillKey}`,
      ),
    )[0]!.n as number;
    const saved = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        saveSelfRating(hana, { skillKey, value: i % 5, interest: 1, evidence: null, requestId: randomUUID() }),
      ),
    );
    const history = rowsOf(
      await handle().db.execute(
        sql`select proficiency from ratings where user_id = ${hana.id} and skill_key = ${skillKey} and rater_kind = 'self' order by rated_at desc, id desc`,
      ),
    );
    expect(history.length - before).toBe(20);
    expect(saved).toHaveLength(20);
    // "Latest" = newest rated_at, then highest id: the same row every reader picks.
    const [latest] = rowsOf(
      await handle().db.execute(
        sql`select distinct on (skill_key) proficiency from ratings where user_id = ${hana.id} and skill_key = ${skillKey} and rater_kind = 'self' order by skill_key, rated_at desc, id desc`,
      ),
    );
    expect(latest!.proficiency).toBe(history[0]!.proficiency);
  });

  it("lets admins filter the audit trail by actor, action, entity and date", async () => {
    const all = await listAuditEvents(demo.admin, { action: "team.updated" });
    expect(all.rows.length).toBe(1);
    expect(all.rows[0]).toMatchObject({
      action: "team.updated",
      entityType: "team",
      actor: "Alex Wang <alex.wang@acme.test>",
    });
    expect(all.rows[0]!.before).toMatchObject({ name: "ML Platform" });
    expect(
      (await listAuditEvents(demo.admin, { actor: "alex.wang", entityType: "team" })).rows.every((r) =>
        r.actor.includes("alex.wang"),
      ),
    ).toBe(true);
    const today = new Date().toISOString().slice(0, 10);
    expect((await listAuditEvents(demo.admin, { from: today, to: today })).rows.length).toBeGreaterThan(0);
    expect((await listAuditEvents(demo.admin, { from: "2001-01-01", to: "2001-01-02" })).rows).toEqual([]);
    await expect(listAuditEvents(demo.admin, { action: "'; drop table audit_events; --" })).rejects.toMatchObject({
      code: "invalid",
    });
    await expect(listAuditEvents(demo.alex, {})).rejects.toMatchObject({ code: "forbidden" });
  });
});

import { eq, sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";

import { planItems, ratings, teamMembers, teams, teamTargets, users } from "@/db/schema";
import { demoTeamId } from "@/db/seed/demo";
import { loadViewer, type Viewer } from "@/lib/auth/viewer";
import { getTeamHeatmapData } from "@/lib/data/heatmap";
import { updateOrgSetting } from "@/lib/data/settings";
import { acceptPlanItem, createTarget, getTeamVision } from "@/lib/data/vision";
import { addQuarters, quarterOf } from "@/lib/quarters";

import { seedDemoOrgAs } from "./support/demo";
import { describeOnEachEngine } from "./support/engines";
import { rowsOf } from "./support/fingerprint";

const GOV_RBAC = "automated-governance-and-auditing.provides-access-control-for-data-and";
const GOV_RECORDS = "automated-governance-and-auditing.designs-record-keeping-for-data-and";

describeOnEachEngine("vision and gaps", ({ handle }) => {
  let admin: Viewer;
  let teamId: string;
  const now = quarterOf(new Date());

  beforeAll(async () => {
    const db = handle().db;
    ({ admin } = await seedDemoOrgAs(handle(), { admin: "mei-ling.chen@acme.test" }));
    // A small team with ratings chosen by hand.
    const [ml] = await db
      .select()
      .from(teams)
      .where(eq(teams.id, demoTeamId("ml-platform")));
    const [team] = await db
      .insert(teams)
      .values({ name: "Governance guild", frameworkId: ml!.frameworkId, frameworkVersionId: ml!.frameworkVersionId })
      .returning();
    teamId = team!.id;
    const people = await db
      .insert(users)
      .values([
        { email: "ana@acme.test", name: "Ana" },
        { email: "bo@acme.test", name: "Bo" },
        { email: "cy@acme.test", name: "Cy" },
      ])
      .returning();
    await db.insert(teamMembers).values(people.map((p, i) => ({ teamId, userId: p.id, isLead: i === 0 })));
    const r = (
      who: number,
      skillKey: string,
      proficiency: number,
      interest: number,
      raterKind: "self" | "manager" = "self",
    ) => ({
      userId: people[who]!.id,
      raterId: people[raterKind === "self" ? who : 0]!.id,
      raterKind,
      frameworkId: ml!.frameworkId,
      skillKey,
      proficiency,
      interest: raterKind === "self" ? interest : null,
      quarter: now,
    });
    await db.insert(ratings).values([
      r(0, GOV_RBAC, 4, 0), // Ana holds RBAC
      r(1, GOV_RBAC, 3, 2), // Bo says 3…
      r(1, GOV_RBAC, 2, 0, "manager"), // …his lead validated 2: effective 2, eager
      r(2, GOV_RBAC, 0, 2), // Cy: 0, three below: not a candidate
      r(0, GOV_RECORDS, 1, 0), // records: nobody at 3; Ana is two below but not interested
      r(1, GOV_RECORDS, 0, 1),
      r(2, GOV_RECORDS, 1, 1), // Cy: two below and interested
    ]);
    await db.insert(teamTargets).values({
      teamId,
      kind: "capability",
      capabilityKey: "governance-audit",
      requiredProficiency: 3,
      requiredHeadcount: 2,
      targetQuarter: addQuarters(now, 1),
      importance: 2,
    });
  });

  it("matches the analysis worked out by hand", async () => {
    const v = await getTeamVision(admin, { teamId }, { locale: "en" });
    const [target] = v.targets;
    // RBAC: coverage 1 (Ana; Bo's validated 2 counts) → gap 1; records: coverage 0 → gap 2.
    expect(target!.requirements.map((r) => [r.skillKey, r.coverage, r.gap, r.risk])).toEqual([
      [GOV_RBAC, 1, 1, "single"],
      [GOV_RECORDS, 0, 2, "missing"],
    ]);
    // Readiness = (min(1,2) + min(0,2)) / (2 + 2)
    expect(target!.readiness).toBeCloseTo(0.25);
    const byKey = Object.fromEntries(v.priorities.map((p) => [p.skillKey, p]));
    // RBAC: Bo is one below and eager → train, 1 candidate for a gap of 1.
    expect(byKey[GOV_RBAC]).toMatchObject({ recommendation: "train", gap: 1, near: 1 });
    expect(byKey[GOV_RBAC]!.candidates.map((c) => [c.name, c.current, c.interest])).toEqual([["Bo", 2, 2]]);
    // Records: Ana (1, not interested), Cy (1, interested) within two; Bo at 0 is three below → train + hire.
    expect(byKey[GOV_RECORDS]).toMatchObject({ recommendation: "train_hire", gap: 2, near: 2 });
    expect(byKey[GOV_RECORDS]!.candidates.map((c) => c.name)).toEqual(["Cy"]);
    // Scores: 40×gap/N + 10×importance + urgency(1 quarter) + risk.
    expect(byKey[GOV_RBAC]!.score).toBe(20 + 20 + 20 + 12);
    expect(byKey[GOV_RECORDS]!.score).toBe(40 + 20 + 20 + 20);
    expect(v.priorities.map((p) => p.skillKey)).toEqual([GOV_RECORDS, GOV_RBAC]);
  });

  it("for the demo ML Platform team, nobody is near advanced model serving: hire", async () => {
    const v = await getTeamVision(admin, { teamId: demoTeamId("ml-platform") }, { locale: "en" });
    const serving = v.priorities.find(
      (p) => p.skillKey === "flexible-highly-available-deployment.uses-advanced-model-serving-solutions",
    )!;
    expect(serving).toMatchObject({ coverage: 0, risk: "missing", recommendation: "hire", candidates: [] });
  });

  it("accepting an item records the recommendation, its reason and candidates, with an audit row", async () => {
    const lead = (await loadViewer(
      (await handle().db.select().from(users).where(eq(users.email, "ana@acme.test")))[0]!.id,
    ))!;
    const { id } = await acceptPlanItem(lead, {
      teamId,
      targetId: (await getTeamVision(admin, { teamId }, { locale: "en" })).targets[0]!.id,
      skillKey: GOV_RECORDS,
    });
    const [row] = await handle().db.select().from(planItems).where(eq(planItems.id, id));
    expect(row).toMatchObject({ recommendation: "train_hire", skillKey: GOV_RECORDS, quarter: now });
    expect(row!.reason).toMatch(/^train \+ hire: 1 interested within two points for a gap of 2 — Cy \(1\); hire 1/);
    expect(row!.candidateUserIds).toHaveLength(1);
    const [audit] = rowsOf(
      await handle().db.execute(sql`select action, entity_id from audit_events order by id desc limit 1`),
    );
    expect(audit).toMatchObject({ action: "plan.item_accepted", entity_id: id });
  });

  it("refuses targets outside the roadmap or the planning horizon", async () => {
    const lead = (await loadViewer(
      (await handle().db.select().from(users).where(eq(users.email, "ana@acme.test")))[0]!.id,
    ))!;
    await expect(
      createTarget(lead, {
        teamId,
        kind: "capability",
        key: "quantum-serving",
        level: 3,
        headcount: 1,
        targetQuarter: now,
      }),
    ).rejects.toMatchObject({ code: "invalid" });
    await expect(
      createTarget(lead, {
        teamId,
        kind: "skill",
        key: GOV_RBAC,
        level: 3,
        headcount: 1,
        targetQuarter: addQuarters(now, -1),
      }),
    ).rejects.toMatchObject({ code: "invalid" });
    await expect(
      createTarget(lead, { teamId, kind: "skill", key: GOV_RBAC, level: 5, headcount: 1, targetQuarter: now }),
    ).rejects.toMatchObject({ code: "invalid" });
    const { id } = await createTarget(lead, {
      teamId,
      kind: "skill",
      key: GOV_RBAC,
      level: 4,
      headcount: 1,
      targetQuarter: now,
    });
    const v = await getTeamVision(lead, { teamId }, { locale: "en" });
    expect(v.targets.find((t) => t.id === id)).toMatchObject({ kind: "skill", level: 4, headcount: 1, readiness: 1 });
  });

  const viewerByEmail = async (email: string) =>
    (await loadViewer((await handle().db.select().from(users).where(eq(users.email, email)))[0]!.id))!;

  it("a member sees neither the vision nor the API's priorities unless the org lets members see the vision", async () => {
    const bo = await viewerByEmail("bo@acme.test");
    await expect(getTeamVision(bo, { teamId }, { locale: "en" })).rejects.toMatchObject({ code: "forbidden" });
    // The heatmap stays readable (its own setting); the vision's targets and priorities are left out.
    const data = await getTeamHeatmapData(bo, { teamId }, { locale: "en" });
    expect(data.members.length).toBe(3);
    expect([data.targets, data.priorities]).toEqual([[], []]);
    expect(
      (await getTeamHeatmapData(await viewerByEmail("ana@acme.test"), { teamId }, { locale: "en" })).priorities.length,
    ).toBeGreaterThan(0);

    await updateOrgSetting(admin, { key: "membersSeeTeamVision", value: true });
    try {
      expect((await getTeamVision(bo, { teamId }, { locale: "en" })).priorities.length).toBeGreaterThan(0);
      expect((await getTeamHeatmapData(bo, { teamId }, { locale: "en" })).priorities.length).toBeGreaterThan(0);
    } finally {
      await updateOrgSetting(admin, { key: "membersSeeTeamVision", value: false });
    }
  });

  it("stores an accepted item's reason as facts and shows plan items in the viewer's language", async () => {
    const zh = await getTeamVision(admin, { teamId }, { locale: "zh-TW" });
    const item = zh.plan.find((p) => p.skillKey === GOV_RECORDS)!;
    expect(item.facts).toEqual({
      recommendation: "train_hire",
      skillKey: GOV_RECORDS,
      level: 3,
      headcount: 2,
      coverage: 0,
      gap: 2,
      near: 2,
      candidates: [{ name: "Cy", current: 1, interest: 1 }],
    });
    // The skill's name comes from the roadmap in the viewer's language, not from the stored English text.
    const target = zh.targets.find((t) => t.id === item.targetId)!;
    expect(item.skillName).toBe(target.requirements.find((r) => r.skillKey === GOV_RECORDS)!.skillName);
    expect(item.skillName).toMatch(/[\u4e00-\u9fff]/);
    expect(item.targetName).toBe(target.name);
    expect(item.status).toBe("open");
  });

  it("keeps the stored text of items accepted before reasons were facts", async () => {
    // Such an item as it was stored then: the English text, no facts (plan items are append-only).
    const [accepted] = await handle().db.select().from(planItems).where(eq(planItems.skillKey, GOV_RECORDS));
    const { id: _id, createdAt: _c, updatedAt: _u, ...legacy } = accepted!;
    const [row] = await handle()
      .db.insert(planItems)
      .values({ ...legacy, quarter: "2025-Q1", reasonFacts: null })
      .returning();
    const item = (await getTeamVision(admin, { teamId }, { locale: "zh-TW" })).plan.find((p) => p.id === row!.id)!;
    expect(item.facts).toBeNull();
    expect(item.reason).toBe(row!.reason);
  });

  it("marks an accepted hire item resolved once its gap has closed, without storing it", async () => {
    const ana = await viewerByEmail("ana@acme.test");
    // Records at ≥ 4 for one person: Ana and Cy are at 1, Bo at 0: nobody within two points → hire.
    const { id: targetId } = await createTarget(ana, {
      teamId,
      kind: "skill",
      key: GOV_RECORDS,
      level: 4,
      headcount: 1,
      targetQuarter: addQuarters(now, 2),
    });
    const hire = (await getTeamVision(ana, { teamId }, { locale: "en" })).priorities.find(
      (p) => p.targetId === targetId,
    )!;
    expect(hire.recommendation).toBe("hire");
    const { id } = await acceptPlanItem(ana, { teamId, targetId, skillKey: GOV_RECORDS });
    expect((await getTeamVision(ana, { teamId }, { locale: "en" })).plan.find((p) => p.id === id)!.status).toBe("open");

    // Someone is hired (or grows): one person now holds records at 4.
    const [ml] = await handle().db.select().from(teams).where(eq(teams.id, teamId));
    await handle().db.insert(ratings).values({
      userId: ana.id,
      raterId: ana.id,
      raterKind: "self",
      frameworkId: ml!.frameworkId,
      skillKey: GOV_RECORDS,
      proficiency: 4,
      interest: 0,
      quarter: now,
    });
    const after = await getTeamVision(ana, { teamId }, { locale: "en" });
    expect(after.plan.find((p) => p.id === id)!.status).toBe("resolved");
    expect(after.priorities.some((p) => p.targetId === targetId)).toBe(false);
  });
});

import { randomUUID } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { assessmentCycles, auditEvents, ratings, teamMembers, teams } from "@/db/schema";
import { demoTeamId } from "@/db/seed/demo";
import type { Viewer } from "@/lib/auth/viewer";
import { closeCycle, listCycles, openCycle, reopenCycle } from "@/lib/data/cycles";
import { getPlanningDataset } from "@/lib/data/exports";
import { getTeamHeatmapData } from "@/lib/data/heatmap";
import { quarterEnd, quarterOf, quarterStart } from "@/lib/quarters";
import { describeOnEachEngine } from "./engines";
import { demoViewer, seedDemoOrg } from "./demo";

// A closed quarter is read as of its close, every part of it: the matrix,
// and what is computed from it (readiness, priorities), in the API payload
// and in the export alike.
describeOnEachEngine("closed current quarter", ({ handle }) => {
  let admin: Viewer;
  let lead: Viewer;
  let member: Viewer;
  const teamId = () => demoTeamId("ml-platform");
  const current = quarterOf(new Date());
  const day = (d: Date) => d.toISOString().slice(0, 10);

  beforeAll(async () => {
    await seedDemoOrg(handle());
    admin = await demoViewer("mei-ling.chen@acme.test");
    lead = await demoViewer("alex.wang@acme.test");
    member = await demoViewer("hana.sato@acme.test");
  });

  async function closeCurrent() {
    const cycles = await listCycles(admin);
    const open = cycles.find((c) => c.status === "open");
    const cycleId = open?.quarter === current ? open.id : (await openCycle(admin, { quarter: current, startsOn: day(quarterStart(current)), endsOn: day(quarterEnd(current)) })).id;
    await closeCycle(admin, { cycleId });
    return cycleId;
  }

  /** Everyone in the team rated 4 on every skill they have rated, one second after now. */
  async function rateEveryoneExpert() {
    const db = handle().db;
    const [team] = await db.select().from(teams).where(eq(teams.id, teamId()));
    const members = await db.select({ userId: teamMembers.userId }).from(teamMembers).where(eq(teamMembers.teamId, teamId()));
    const later = new Date(Date.now() + 1000);
    const data = await getTeamHeatmapData(admin, { teamId: teamId() }, { locale: "en" });
    await db.insert(ratings).values(
      members.flatMap((m) =>
        data.skills.map((s) => ({
          userId: m.userId,
          raterId: admin.id,
          raterKind: "manager" as const,
          frameworkId: team!.frameworkId,
          skillKey: s.key,
          proficiency: 4,
          quarter: current,
          ratedAt: later,
          requestId: randomUUID(),
        })),
      ),
    );
  }

  it("keeps the payload's readiness and priorities as of the close, like the matrix and the export", async () => {
    await closeCurrent();
    const before = await getTeamHeatmapData(lead, { teamId: teamId() }, { locale: "en" });
    expect(before.live).toBe(false);
    expect(before.priorities.length).toBeGreaterThan(0);
    await rateEveryoneExpert();
    const after = await getTeamHeatmapData(lead, { teamId: teamId() }, { locale: "en" });
    expect(after.validated).toBe(before.validated);
    expect(after.targets).toEqual(before.targets);
    expect(after.priorities).toEqual(before.priorities);
    const exported = await getPlanningDataset(lead, { scope: "team", teamId: teamId(), format: "json" }, { locale: "en" });
    expect(exported.priorities.map((p) => [p.skillKey, p.recommendation, p.gap])).toEqual(after.priorities.map((p) => [p.skillKey, p.recommendation, p.gap]));
    expect(exported.targets.map((t) => t.readiness)).toEqual(after.targets.map((t) => t.readiness));
  });

  it("lets an admin reopen the most recent closed quarter, audited, and nobody else", async () => {
    const db = handle().db;
    const [latestClosed] = await db.select().from(assessmentCycles).where(eq(assessmentCycles.status, "closed")).orderBy(desc(assessmentCycles.quarter)).limit(1);
    const [older] = await db.select().from(assessmentCycles).where(and(eq(assessmentCycles.status, "closed"))).orderBy(desc(assessmentCycles.quarter)).offset(1).limit(1);
    await expect(reopenCycle(member, { cycleId: latestClosed!.id })).rejects.toMatchObject({ code: "forbidden" });
    await expect(reopenCycle(lead, { cycleId: latestClosed!.id })).rejects.toMatchObject({ code: "forbidden" });
    await expect(reopenCycle(admin, { cycleId: older!.id })).rejects.toMatchObject({ code: "conflict" });
    await reopenCycle(admin, { cycleId: latestClosed!.id });
    const [row] = await db.select().from(assessmentCycles).where(eq(assessmentCycles.id, latestClosed!.id));
    expect(row).toMatchObject({ status: "open", closedAt: null, closedById: null });
    const [audit] = await db.select().from(auditEvents).where(eq(auditEvents.action, "cycle.reopened"));
    expect(audit).toMatchObject({ actorId: admin.id, entityId: latestClosed!.id });
    expect(audit!.before).toMatchObject({ quarter: latestClosed!.quarter });
    // Reopened, the quarter is live again: the later ratings count.
    const live = await getTeamHeatmapData(lead, { teamId: teamId() }, { locale: "en" });
    expect(live.live).toBe(true);
    // One open cycle at a time: nothing else may be reopened while it is open.
    await expect(reopenCycle(admin, { cycleId: older!.id })).rejects.toMatchObject({ code: "conflict" });
  });
});

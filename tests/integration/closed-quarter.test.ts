import { randomUUID } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";

import { assessmentCycles, auditEvents, ratings, teamFrameworkHistory, teamMembers, teams } from "@/db/schema";
import { demoTeamId } from "@/db/seed/demo";
import { loadViewer, type Viewer } from "@/lib/auth/viewer";
import { closeCycle, listCycles, openCycle, reopenCycle } from "@/lib/data/cycles";
import { getPlanningDataset } from "@/lib/data/exports";
import { importFramework, publishDraft, switchTeamVersion } from "@/lib/data/framework-admin";
import { listPublishedVersions } from "@/lib/data/frameworks";
import { getOrgHeatmap, getTeamHeatmapData } from "@/lib/data/heatmap";
import { getTeamVision } from "@/lib/data/vision";
import { quarterEnd, quarterOf, quarterStart } from "@/lib/quarters";

import { demoViewer, seedDemoOrg, useDemoOrg } from "./support/demo";
import { describeOnEachEngine } from "./support/engines";

// A closed quarter is read as of its close, every part of it: the matrix,
// and what is computed from it (readiness, priorities), in the API payload
// and in the export alike.
async function viewerById(id: string): Promise<Viewer> {
  const v = await loadViewer(id);
  if (!v) throw new Error(`no viewer ${id}`);
  return v;
}

describeOnEachEngine("closed current quarter", ({ handle }) => {
  const teamId = () => demoTeamId("ml-platform");
  const current = quarterOf(new Date());
  const day = (d: Date) => d.toISOString().slice(0, 10);

  const demo = useDemoOrg(handle, {
    admin: "mei-ling.chen@acme.test",
    lead: "alex.wang@acme.test",
    member: "hana.sato@acme.test",
  });

  async function closeCurrent() {
    const cycles = await listCycles(demo.admin);
    const open = cycles.find((c) => c.status === "open");
    const cycleId =
      open?.quarter === current
        ? open.id
        : (
            await openCycle(demo.admin, {
              quarter: current,
              startsOn: day(quarterStart(current)),
              endsOn: day(quarterEnd(current)),
            })
          ).id;
    await closeCycle(demo.admin, { cycleId });
    return cycleId;
  }

  /** Everyone in the team rated 4 on every skill they have rated, one second after now. */
  async function rateEveryoneExpert() {
    const db = handle().db;
    const [team] = await db.select().from(teams).where(eq(teams.id, teamId()));
    const members = await db
      .select({ userId: teamMembers.userId })
      .from(teamMembers)
      .where(eq(teamMembers.teamId, teamId()));
    const later = new Date(Date.now() + 1000);
    const data = await getTeamHeatmapData(demo.admin, { teamId: teamId() }, { locale: "en" });
    await db.insert(ratings).values(
      members.flatMap((m) =>
        data.skills.map((s) => ({
          userId: m.userId,
          raterId: demo.admin.id,
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
    const before = await getTeamHeatmapData(demo.lead, { teamId: teamId() }, { locale: "en" });
    expect(before.live).toBe(false);
    expect(before.priorities.length).toBeGreaterThan(0);
    await rateEveryoneExpert();
    const after = await getTeamHeatmapData(demo.lead, { teamId: teamId() }, { locale: "en" });
    expect(after.validated).toBe(before.validated);
    expect(after.targets).toEqual(before.targets);
    expect(after.priorities).toEqual(before.priorities);
    const exported = await getPlanningDataset(
      demo.lead,
      { scope: "team", teamId: teamId(), format: "json" },
      { locale: "en" },
    );
    expect(exported.priorities.map((p) => [p.skillKey, p.recommendation, p.gap])).toEqual(
      after.priorities.map((p) => [p.skillKey, p.recommendation, p.gap]),
    );
    expect(exported.targets.map((t) => t.readiness)).toEqual(after.targets.map((t) => t.readiness));
  });

  it("lets an admin reopen the most recent closed quarter, audited, and nobody else", async () => {
    const db = handle().db;
    const [latestClosed] = await db
      .select()
      .from(assessmentCycles)
      .where(eq(assessmentCycles.status, "closed"))
      .orderBy(desc(assessmentCycles.quarter))
      .limit(1);
    const [older] = await db
      .select()
      .from(assessmentCycles)
      .where(and(eq(assessmentCycles.status, "closed")))
      .orderBy(desc(assessmentCycles.quarter))
      .offset(1)
      .limit(1);
    await expect(reopenCycle(demo.member, { cycleId: latestClosed!.id })).rejects.toMatchObject({ code: "forbidden" });
    await expect(reopenCycle(demo.lead, { cycleId: latestClosed!.id })).rejects.toMatchObject({ code: "forbidden" });
    await expect(reopenCycle(demo.admin, { cycleId: older!.id })).rejects.toMatchObject({ code: "conflict" });
    await reopenCycle(demo.admin, { cycleId: latestClosed!.id });
    const [row] = await db.select().from(assessmentCycles).where(eq(assessmentCycles.id, latestClosed!.id));
    expect(row).toMatchObject({ status: "open", closedAt: null, closedById: null });
    const [audit] = await db.select().from(auditEvents).where(eq(auditEvents.action, "cycle.reopened"));
    expect(audit).toMatchObject({ actorId: demo.admin.id, entityId: latestClosed!.id });
    expect(audit!.before).toMatchObject({ quarter: latestClosed!.quarter });
    // Reopened, the quarter is live again: the later ratings count.
    const live = await getTeamHeatmapData(demo.lead, { teamId: teamId() }, { locale: "en" });
    expect(live.live).toBe(true);
    // One open cycle at a time: nothing else may be reopened while it is open.
    await expect(reopenCycle(demo.admin, { cycleId: older!.id })).rejects.toMatchObject({ code: "conflict" });
  });
});

// A team moved to another roadmap keeps its past: a closed quarter is read
// with the version each team had then, so its exports do not change; live,
// targets the new roadmap lacks are "not in this roadmap", never met.
describeOnEachEngine("closed quarter after a team switches roadmap", ({ handle }) => {
  let admin: Viewer;
  let lead: Viewer;
  const team = () => demoTeamId("data-engineering");

  beforeAll(async () => {
    await seedDemoOrg(handle());
    admin = await demoViewer("mei-ling.chen@acme.test");
    const [leadRow] = await handle()
      .db.select({ userId: teamMembers.userId })
      .from(teamMembers)
      .where(and(eq(teamMembers.teamId, team()), eq(teamMembers.isLead, true)));
    lead = await viewerById(leadRow!.userId);
  });

  async function otherRoadmapVersion(): Promise<string> {
    const imported = await importFramework(admin, {
      format: "markdown",
      content: "# Data roadmap\n\n## Junior\n\n1. **SQL**\n   - Writes joins\n",
      apply: true,
    });
    const frameworkId = imported.created!.frameworkId;
    await publishDraft(admin, { frameworkId });
    const versions = await listPublishedVersions(admin, { locale: "en" });
    return versions.find((v) => v.frameworkId === frameworkId)!.id;
  }

  it("keeps the closed quarter's team and org exports byte-identical, and marks unmatched targets", async () => {
    const closed = (await listCycles(admin)).filter((c) => c.status === "closed").at(-1)!;
    const read = async () => ({
      org: JSON.stringify(
        await getPlanningDataset(admin, { scope: "org", quarter: closed.quarter, format: "json" }, { locale: "en" }),
      ),
      team: JSON.stringify(
        await getPlanningDataset(
          admin,
          { scope: "team", teamId: team(), quarter: closed.quarter, format: "json" },
          { locale: "en" },
        ),
      ),
      payload: await getTeamHeatmapData(admin, { teamId: team(), quarter: closed.quarter }, { locale: "en" }),
    });
    const before = await read();
    expect(JSON.parse(before.team).ratings.some((r: { self: unknown }) => r.self !== null)).toBe(true);
    expect(JSON.parse(before.org).people.some((p: { team: string }) => p.team === "Data Engineering")).toBe(true);

    await switchTeamVersion(admin, { teamId: team(), versionId: await otherRoadmapVersion() });

    const after = await read();
    expect(after.team).toBe(before.team);
    expect(after.org).toBe(before.org);
    expect(after.payload).toEqual(before.payload);

    // Live: the new roadmap has none of the team's target capabilities.
    const vision = await getTeamVision(lead, { teamId: team() }, { locale: "en" });
    expect(vision.targets.length).toBeGreaterThan(0);
    for (const t of vision.targets) expect(t).toMatchObject({ inRoadmap: false, readiness: 0 });
    for (const t of vision.targets) for (const point of t.trend) expect(point.readiness).toBe(0);
    // The org heatmap now says why the team is not in it.
    const org = (await getOrgHeatmap(admin, {}, { locale: "en" }))!;
    expect(org.members.some((m) => m.teamId === team())).toBe(false);
    expect(org.scope.kind === "org" && org.scope.excludedTeams).toContainEqual({
      id: team(),
      name: "Data Engineering",
      roadmap: "Data roadmap",
    });
  });

  it("records every roadmap change of a team in its history, in the same transaction", async () => {
    const db = handle().db;
    const rows = await db
      .select()
      .from(teamFrameworkHistory)
      .where(eq(teamFrameworkHistory.teamId, team()))
      .orderBy(teamFrameworkHistory.id);
    const [now] = await db.select().from(teams).where(eq(teams.id, team()));
    expect(rows.length).toBe(2);
    expect(rows.at(-1)).toMatchObject({ frameworkId: now!.frameworkId, frameworkVersionId: now!.frameworkVersionId });
    expect(rows[0]!.frameworkVersionId).not.toBe(now!.frameworkVersionId);
    await expect(db.update(teamFrameworkHistory).set({ effectiveAt: new Date(0) })).rejects.toThrow();
    await expect(db.delete(teamFrameworkHistory)).rejects.toThrow();
  });
});

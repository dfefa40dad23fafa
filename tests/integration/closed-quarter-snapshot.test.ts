import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { and, eq, notInArray, sql } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, expect, it } from "vitest";

import { assessmentCycles, levels, rateLimits, ratings, teamMembers, teams, users } from "@/db/schema";
import { demoTeamId } from "@/db/seed/demo";
import type { Viewer } from "@/lib/auth/viewer";
import { closeCycle, listCycles, reopenCycle } from "@/lib/data/cycles";
import { getPlanningDataset } from "@/lib/data/exports";
import { importFramework, publishDraft, switchTeamVersion } from "@/lib/data/framework-admin";
import { listPublishedVersions } from "@/lib/data/frameworks";
import { getOrgHeatmap, getTeamHeatmapData } from "@/lib/data/heatmap";
import { getOrgSettings, updateOrgSetting } from "@/lib/data/settings";
import { addTeamMember, archiveTeam, removeTeamMember, updateTeamMember } from "@/lib/data/team-admin";
import { acceptPlanItem, archiveTarget, createTarget, getTeamVision } from "@/lib/data/vision";
import { AppError } from "@/lib/errors";
import { writeCsvZip, writeJson } from "@/lib/export/writers";
import { addQuarters, quarterOf } from "@/lib/quarters";

import { demoViewer, seedDemoOrg } from "./support/demo";
import { describeOnEachEngine } from "./support/engines";
import { rowsOf } from "./support/fingerprint";

// Issue 23: a closed quarter is a snapshot of everything that shaped its
// numbers. Random sequences of the edits a real org makes — targets added
// and archived, people added, removed and moved, levels and leads changed,
// the roadmap switched, plan items accepted, settings toggled, new ratings —
// applied after the close leave the quarter's JSON and CSV exports
// byte-identical and its heatmap, org heatmap and vision payloads equal. The
// same sequences applied before a close do change the quarter (so the
// comparison can fail). Every edit goes through the data layer's own
// functions, as the app makes it.

const TEAM_KEYS = ["ml-platform", "applied-ml", "data-engineering"] as const;
const KINDS = [
  "addMember",
  "removeMember",
  "moveMember",
  "level",
  "targetLevel",
  "lead",
  "createTarget",
  "archiveTarget",
  "switchRoadmap",
  "acceptPlanItem",
  "setting",
  "rate",
] as const;
type Edit = { kind: (typeof KINDS)[number]; team: number; other: number; pick: number; value: number };

/** Edits that, when they go through, always change some number or row of the quarter. */
const CHANGES_THE_QUARTER = new Set<Edit["kind"]>([
  "addMember",
  "removeMember",
  "moveMember",
  "level",
  "createTarget",
  "archiveTarget",
  "switchRoadmap",
  "acceptPlanItem",
]);

const editArb: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom(...KINDS),
  team: fc.nat({ max: TEAM_KEYS.length - 1 }),
  other: fc.nat({ max: TEAM_KEYS.length - 1 }),
  pick: fc.nat({ max: 1000 }),
  value: fc.nat({ max: 1000 }),
});

describeOnEachEngine("a closed quarter is a snapshot", ({ handle }) => {
  let admin: Viewer;
  let cycleId: string;
  const versions: string[] = [];
  const current = quarterOf(new Date());
  const teamIds = TEAM_KEYS.map((k) => demoTeamId(k));

  beforeAll(async () => {
    await seedDemoOrg(handle());
    admin = await demoViewer("mei-ling.chen@acme.test");
    const [team] = await handle().db.select().from(teams).where(eq(teams.id, teamIds[0]!));
    versions.push(team!.frameworkVersionId);
    const imported = await importFramework(admin, {
      format: "markdown",
      content:
        "# Data roadmap\n\n## Junior\n\n1. **SQL**\n   - Writes joins\n2. **Dashboards**\n   - Builds them\n\n## Senior\n\n1. **Modelling**\n   - Designs schemas\n",
      apply: true,
    });
    await publishDraft(admin, { frameworkId: imported.created!.frameworkId });
    versions.push(
      (await listPublishedVersions(admin, { locale: "en" })).find(
        (v) => v.frameworkId === imported.created!.frameworkId,
      )!.id,
    );
    cycleId = (await listCycles(admin)).find((c) => c.quarter === current)!.id;
  });

  /** Closes the current quarter; the pauses keep every edit on its side of the close (timestamps are per millisecond). */
  async function close() {
    await sleep(3);
    await closeCycle(admin, { cycleId });
    await sleep(3);
  }

  /** Everything a closed quarter shows, as the bytes and payloads a reader gets. */
  async function snapshot(): Promise<Record<string, string>> {
    const db = handle().db;
    await db.delete(rateLimits); // the export limit is per minute; this reads many exports in a row
    const out: Record<string, string> = {};
    const exportOf = async (name: string, request: Record<string, unknown>) => {
      const dataset = await getPlanningDataset(
        admin,
        { ...request, quarter: current, format: "json" },
        { locale: "en" },
      );
      out[`${name}.json`] = writeJson(dataset);
      out[`${name}.csv.zip`] = Buffer.from(writeCsvZip(dataset)).toString("base64");
    };
    await exportOf("org", { scope: "org" });
    out["org.heatmap"] = JSON.stringify(await getOrgHeatmap(admin, { quarter: current }, { locale: "en" }));
    for (const teamId of teamIds) {
      await exportOf(teamId, { scope: "team", teamId });
      out[`${teamId}.heatmap`] = JSON.stringify(
        await getTeamHeatmapData(admin, { teamId, quarter: current }, { locale: "en" }),
      );
      out[`${teamId}.vision`] = JSON.stringify(
        await getTeamVision(admin, { teamId, quarter: current }, { locale: "zh-TW" }),
      );
    }
    return out;
  }

  const membersOf = async (teamId: string) =>
    (
      await handle().db.select().from(teamMembers).where(eq(teamMembers.teamId, teamId)).orderBy(teamMembers.userId)
    ).map((m) => m);
  const at = <T>(list: T[], i: number): T | undefined => (list.length ? list[i % list.length] : undefined);

  /** Applies one edit through the data layer; false when it did not go through (nothing to act on, or refused). */
  async function apply(edit: Edit): Promise<boolean> {
    const db = handle().db;
    const teamId = teamIds[edit.team]!;
    const otherId = teamIds[edit.other]!;
    const members = await membersOf(teamId);
    const member = at(members, edit.pick);
    try {
      switch (edit.kind) {
        case "addMember": {
          const outsiders = await db
            .select({ email: users.email })
            .from(users)
            .where(
              and(
                notInArray(
                  users.id,
                  members.map((m) => m.userId),
                ),
                eq(users.role, "member"),
              ),
            )
            .orderBy(users.email);
          const email =
            edit.value % 3 === 0 ? `new-${randomUUID().slice(0, 8)}@acme.test` : at(outsiders, edit.value)?.email;
          if (!email) return false;
          await addTeamMember(admin, { teamId, email });
          return true;
        }
        case "removeMember":
          if (!member || members.length < 2) return false;
          await removeTeamMember(admin, { teamId, userId: member.userId });
          return true;
        case "moveMember": {
          if (!member || otherId === teamId || members.length < 2) return false;
          const [user] = await db.select().from(users).where(eq(users.id, member.userId));
          await removeTeamMember(admin, { teamId, userId: member.userId });
          await addTeamMember(admin, { teamId: otherId, email: user!.email });
          return true;
        }
        case "level":
        case "targetLevel": {
          if (!member) return false;
          const [team] = await db.select().from(teams).where(eq(teams.id, teamId));
          const keys = (
            await db
              .select({ key: levels.key })
              .from(levels)
              .where(eq(levels.frameworkVersionId, team!.frameworkVersionId))
              .orderBy(levels.position)
          ).map((l) => l.key);
          const field = edit.kind === "level" ? "currentLevelKey" : "targetLevelKey";
          const key = at(
            keys.filter((k) => k !== member[field]),
            edit.value,
          );
          if (!key) return false;
          await updateTeamMember(admin, { teamId, userId: member.userId, [field]: key });
          return true;
        }
        case "lead":
          if (!member) return false;
          await updateTeamMember(admin, { teamId, userId: member.userId, isLead: !member.isLead });
          return true;
        case "createTarget": {
          const { options } = await getTeamVision(admin, { teamId }, { locale: "en" });
          const capability = at(options.capabilities, edit.pick);
          const skill = at(options.skills, edit.pick);
          const [kind, key] =
            capability && edit.value % 2 === 0
              ? (["capability", capability.key] as const)
              : (["skill", skill?.key] as const);
          if (!key) return false;
          await createTarget(admin, {
            teamId,
            kind,
            key,
            level: 1 + (edit.value % 4),
            headcount: 1 + (edit.pick % 3),
            targetQuarter: addQuarters(current, 1 + (edit.value % 4)),
          });
          return true;
        }
        case "archiveTarget": {
          const target = at((await getTeamVision(admin, { teamId }, { locale: "en" })).targets, edit.pick);
          if (!target) return false;
          await archiveTarget(admin, { teamId, targetId: target.id });
          return true;
        }
        case "switchRoadmap": {
          const [team] = await db.select().from(teams).where(eq(teams.id, teamId));
          await switchTeamVersion(admin, { teamId, versionId: versions.find((v) => v !== team!.frameworkVersionId)! });
          return true;
        }
        case "acceptPlanItem": {
          const item = at((await getTeamVision(admin, { teamId }, { locale: "en" })).priorities, edit.pick);
          if (!item) return false;
          await acceptPlanItem(admin, { teamId, targetId: item.targetId, skillKey: item.skillKey });
          return true;
        }
        case "setting": {
          const key = edit.value % 2 === 0 ? "membersSeeTeamVision" : "membersSeeTeamHeatmap";
          await updateOrgSetting(admin, { key, value: !(await getOrgSettings(admin))[key] });
          return true;
        }
        case "rate": {
          if (!member) return false;
          const [team] = await db.select().from(teams).where(eq(teams.id, teamId));
          const { options } = await getTeamVision(admin, { teamId }, { locale: "en" });
          const skill = at(options.skills, edit.value);
          if (!skill) return false;
          await db.insert(ratings).values({
            userId: member.userId,
            raterId: member.userId,
            raterKind: "self",
            frameworkId: team!.frameworkId,
            skillKey: skill.key,
            proficiency: edit.pick % 5,
            interest: edit.value % 3,
            quarter: current,
            requestId: randomUUID(),
          });
          return true;
        }
      }
    } catch (e) {
      // A refusal the app gives a person too (the last lead, already in the plan, a gap already closed): nothing was written.
      if (e instanceof AppError && ["conflict", "not_found", "invalid", "forbidden"].includes(e.code)) return false;
      throw e;
    }
  }

  it("edits after the close change nothing of the quarter; the same edits before a close do", async () => {
    await close();
    let closed = await snapshot();
    let sawChange = false;
    await fc.assert(
      fc.asyncProperty(fc.array(editArb, { minLength: 3, maxLength: 6 }), async (edits) => {
        // After the close: byte for byte the same.
        for (const edit of edits) await apply(edit);
        const after = await snapshot();
        for (const key of Object.keys(closed))
          expect(after[key], `${key} after ${JSON.stringify(edits)}`).toBe(closed[key]);

        // Before a close: the same sequence changes the quarter.
        await reopenCycle(admin, { cycleId });
        const applied: Edit["kind"][] = [];
        for (const edit of edits) if (await apply(edit)) applied.push(edit.kind);
        await close();
        const next = await snapshot();
        const changed = Object.keys(closed).some((key) => next[key] !== closed[key]);
        if (applied.some((k) => CHANGES_THE_QUARTER.has(k))) {
          expect(changed, `before the close: ${applied.join(", ")}`).toBe(true);
          sawChange = true;
        }
        closed = next;
      }),
      // The database carries each run's state into the next: no shrinking, a fixed seed to replay a failure.
      { numRuns: 4, endOnFailure: true, seed: 23_2026 },
    );
    expect(sawChange).toBe(true);
  });

  it("a closed quarter's ratings snapshot holds exactly the history's latest ratings as of its close, for every framework", async () => {
    const db = handle().db;
    const closed = (await db.select().from(assessmentCycles).where(eq(assessmentCycles.status, "closed"))).filter(
      (c) => c.closedAt,
    );
    expect(closed.length).toBeGreaterThanOrEqual(4); // the demo's three past quarters and this one
    for (const cycle of closed) {
      expect(cycle.ratingsSnapshotAt, cycle.quarter).not.toBeNull();
      const snapshot = rowsOf(
        await db.execute(sql`select framework_id, user_id, skill_key, rater_kind, rating_id::text as id, proficiency, not_applicable, interest, quarter from closed_quarter_ratings where cycle_id = ${cycle.id}
          order by framework_id, user_id, skill_key, rater_kind`),
      );
      const history = rowsOf(
        await db.execute(sql`select distinct on (framework_id, user_id, skill_key, rater_kind) framework_id, user_id, skill_key, rater_kind, id::text as id, proficiency, not_applicable, interest, quarter from ratings
          where rated_at <= ${cycle.closedAt!.toISOString()}::timestamptz order by framework_id, user_id, skill_key, rater_kind, rated_at desc, id desc`),
      );
      expect(snapshot.length, cycle.quarter).toBeGreaterThan(0);
      expect(snapshot, cycle.quarter).toEqual(history);
    }
  });

  // Last: it takes a team out for good.
  it("keeps a team archived after the close in the closed quarter's org export and org heatmap", async () => {
    const closed = (await listCycles(admin)).find((c) => c.quarter === current)!;
    expect(closed.status).toBe("closed");
    const read = async () => {
      await handle().db.delete(rateLimits);
      const dataset = await getPlanningDataset(
        admin,
        { scope: "org", quarter: current, format: "json" },
        { locale: "en" },
      );
      return {
        json: writeJson(dataset),
        heatmap: JSON.stringify(await getOrgHeatmap(admin, { quarter: current }, { locale: "en" })),
      };
    };
    const before = await read();
    expect(JSON.parse(before.json).people.some((p: { team: string }) => p.team === "Applied ML")).toBe(true);
    await archiveTeam(admin, { teamId: teamIds[1]! });
    expect(await read()).toEqual(before);
    // Reopened (live again), the archived team is gone, and so is the quarter's snapshot (taken anew at the next close).
    await reopenCycle(admin, { cycleId });
    const [reopened] = await handle().db.select().from(assessmentCycles).where(eq(assessmentCycles.id, cycleId));
    expect(reopened!.ratingsSnapshotAt).toBeNull();
    expect(
      rowsOf(
        await handle().db.execute(
          sql`select count(*)::int as n from closed_quarter_ratings where cycle_id = ${cycleId}`,
        ),
      )[0]!.n,
    ).toBe(0);
    const live = (await getOrgHeatmap(admin, {}, { locale: "en" }))!;
    expect(live.members.some((m) => m.teamId === teamIds[1])).toBe(false);
  });
});

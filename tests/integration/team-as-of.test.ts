import { setTimeout as sleep } from "node:timers/promises";
import { beforeAll, expect, it } from "vitest";

import { planItemsAt, teamMembersAt, teamTargetsAt } from "@/db/queries/team-as-of";
import type { Viewer } from "@/lib/auth/viewer";
import { addTeamMember, createTeam, removeTeamMember, updateTeamMember } from "@/lib/data/team-admin";
import { acceptPlanItem, archiveTarget, createTarget, getTeamVision } from "@/lib/data/vision";
import { addQuarters, quarterOf } from "@/lib/quarters";

import { demoViewer, seedDemoOrg } from "./support/demo";
import { describeOnEachEngine } from "./support/engines";

// "The team as of T" against a hand-built expectation: a small scripted
// history (people join, change level, lead, leave and come back; targets come
// and go; an item is accepted) read back at the moment after each step.

describeOnEachEngine("the team as of a moment", ({ handle }) => {
  let admin: Viewer;
  let ana: Viewer;
  let bo: Viewer;
  let teamId: string;
  const moments: Date[] = [];
  const ids: Record<string, string> = {};
  const next = addQuarters(quarterOf(new Date()), 2);

  /** Marks a moment between two steps (timestamps are per millisecond: keep each step on its side). */
  async function mark() {
    await sleep(5);
    moments.push(new Date());
    await sleep(5);
  }

  beforeAll(async () => {
    await seedDemoOrg(handle());
    admin = await demoViewer("mei-ling.chen@acme.test");
    ana = await demoViewer("hana.sato@acme.test");
    bo = await demoViewer("sofia.rossi@acme.test");
    ({ id: teamId } = await createTeam(admin, { name: "Scripted history", description: "" }));
    await mark(); // t0: the team, nobody in it
    await addTeamMember(admin, { teamId, email: ana.email });
    await addTeamMember(admin, { teamId, email: bo.email });
    await updateTeamMember(admin, { teamId, userId: ana.id, currentLevelKey: "junior" });
    await mark(); // t1
    await updateTeamMember(admin, { teamId, userId: ana.id, currentLevelKey: "mid-level", targetLevelKey: "senior" });
    await updateTeamMember(admin, { teamId, userId: bo.id, isLead: true });
    ids.x = (
      await createTarget(admin, {
        teamId,
        kind: "capability",
        key: "model-registry",
        level: 4,
        headcount: 2,
        targetQuarter: next,
      })
    ).id;
    await mark(); // t2
    await updateTeamMember(admin, { teamId, userId: ana.id, isLead: true });
    await removeTeamMember(admin, { teamId, userId: bo.id });
    await archiveTarget(admin, { teamId, targetId: ids.x });
    ids.y = (
      await createTarget(admin, {
        teamId,
        kind: "skill",
        key: (await getTeamVision(admin, { teamId }, { locale: "en" })).options.skills[0]!.key,
        level: 4,
        headcount: 2,
        targetQuarter: next,
      })
    ).id;
    const gap = (await getTeamVision(admin, { teamId }, { locale: "en" })).priorities[0]!;
    ids.item = (await acceptPlanItem(admin, { teamId, targetId: gap.targetId, skillKey: gap.skillKey })).id;
    await mark(); // t3
    await addTeamMember(admin, { teamId, email: bo.email });
    await mark(); // t4
  });

  const members = async (t: Date | "now") =>
    (await teamMembersAt(handle().db, t, [teamId]))
      .map((m) => ({ user: m.userId, lead: m.isLead, level: m.currentLevelKey, target: m.targetLevelKey }))
      .sort((a, b) => a.user.localeCompare(b.user));
  const sorted = <T extends { user: string }>(rows: T[]) => [...rows].sort((a, b) => a.user.localeCompare(b.user));
  const targets = async (t: Date | "now") =>
    (await teamTargetsAt(handle().db, teamId, t)).map((r) => ({ id: r.id, level: r.requiredProficiency }));
  const plan = async (t: Date | "now") => (await planItemsAt(handle().db, teamId, t)).map((r) => r.row.id);

  it("reads who was in the team, as lead or not, at which levels, after each step", async () => {
    const [t0, t1, t2, t3, t4] = moments as [Date, Date, Date, Date, Date];
    expect(await members(t0)).toEqual([]);
    expect(await members(t1)).toEqual(
      sorted([
        { user: ana.id, lead: false, level: "junior", target: null },
        { user: bo.id, lead: false, level: null, target: null },
      ]),
    );
    expect(await members(t2)).toEqual(
      sorted([
        { user: ana.id, lead: false, level: "mid-level", target: "senior" },
        { user: bo.id, lead: true, level: null, target: null },
      ]),
    );
    expect(await members(t3)).toEqual([{ user: ana.id, lead: true, level: "mid-level", target: "senior" }]);
    // Bo came back: a new membership, without the lead flag of the old one.
    const back = sorted([
      { user: ana.id, lead: true, level: "mid-level", target: "senior" },
      { user: bo.id, lead: false, level: null, target: null },
    ]);
    expect(await members(t4)).toEqual(back);
    expect(await members("now")).toEqual(back);
  });

  it("reads the targets live at each moment, and the plan accepted by then", async () => {
    const [t0, t1, t2, t3, t4] = moments as [Date, Date, Date, Date, Date];
    expect(await targets(t0)).toEqual([]);
    expect(await targets(t1)).toEqual([]);
    expect(await targets(t2)).toEqual([{ id: ids.x, level: 4 }]);
    expect(await targets(t3)).toEqual([{ id: ids.y, level: 4 }]);
    expect(await targets(t4)).toEqual(await targets("now"));
    expect(await plan(t2)).toEqual([]);
    expect(await plan(t3)).toEqual([ids.item]);
    expect(await plan("now")).toEqual([ids.item]);
  });

  it("reads the live vision from the team as it is now, plannable", async () => {
    const live = await getTeamVision(admin, { teamId }, { locale: "en" });
    expect(live.targets.map((t) => t.id)).toEqual([ids.y]);
    expect(live.members.map((m) => m.id).sort()).toEqual([ana.id, bo.id].sort());
    expect(live.team.canPlan).toBe(true);
    expect(live.moment.live).toBe(true);
  });
});

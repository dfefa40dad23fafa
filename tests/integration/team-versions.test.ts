import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";

import { teamVersionAt } from "@/db/queries/team-versions";
import { auditEvents, frameworkVersions, teams } from "@/db/schema";
import { demoTeamId } from "@/db/seed/demo";
import { DEFAULT_FRAMEWORK_KEY } from "@/db/seed/framework";
import { stableUuid } from "@/db/seed/ids";
import type { Viewer } from "@/lib/auth/viewer";
import { createDraft, moveDraftSkill, publishDraft, switchTeamVersion } from "@/lib/data/framework-admin";
import { getTeamSettings } from "@/lib/data/team-admin";
import { listTeamsOnOlderVersions, moveTeamsToLatestVersion } from "@/lib/data/team-versions";

import { demoViewer, seedDemoOrg } from "./support/demo";
import { describeOnEachEngine } from "./support/engines";
import { tableFingerprint } from "./support/fingerprint";

// After a new version of a roadmap is published, teams stay on the retired
// one until they are moved: the team's settings say so, and a team (its
// lead) or every team at once (an admin) moves to the new version.

const mlopsId = stableUuid("framework", DEFAULT_FRAMEWORK_KEY);
const GIT = "environments-and-version-control.uses-git-for-version-control";

describeOnEachEngine("teams on a retired roadmap version", ({ handle }) => {
  let admin: Viewer;
  let lead: Viewer;
  let member: Viewer;
  let v1: string;
  let v2: string;
  const published = () =>
    handle()
      .db.select()
      .from(frameworkVersions)
      .where(and(eq(frameworkVersions.frameworkId, mlopsId)));

  beforeAll(async () => {
    await seedDemoOrg(handle());
    admin = await demoViewer("mei-ling.chen@acme.test");
    lead = await demoViewer("alex.wang@acme.test");
    member = await demoViewer("sofia.rossi@acme.test");
    v1 = (await published()).find((v) => v.status === "published")!.id;
    await createDraft(admin, { frameworkId: mlopsId });
    await moveDraftSkill(admin, { frameworkId: mlopsId, skillKey: GIT, direction: "down" });
    await publishDraft(admin, { frameworkId: mlopsId });
    v2 = (await published()).find((v) => v.status === "published")!.id;
  });

  it("shows a team's retired version as such, with the version to move to", async () => {
    const settings = await getTeamSettings(lead, { teamId: demoTeamId("ml-platform") }, { locale: "en" });
    expect(settings.roadmap).toMatchObject({
      versionId: v1,
      version: 1,
      status: "retired",
      latest: { id: v2, version: 2 },
    });
    expect(settings.roadmap.name).toMatch(/MLOps/);
  });

  it("lists the teams left behind for admins only", async () => {
    const behind = await listTeamsOnOlderVersions(admin, { frameworkId: mlopsId });
    expect(behind.latest).toEqual({ id: v2, version: 2 });
    expect(behind.teams.map((t) => t.name).sort()).toEqual(["Applied ML", "Data Engineering", "ML Platform"]);
    expect(behind.teams.every((t) => t.version === 1)).toBe(true);
    for (const v of [lead, member])
      await expect(listTeamsOnOlderVersions(v, { frameworkId: mlopsId })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("moves one team (its lead), then every other team at once (an admin), audited, keeping the past on v1", async () => {
    const before = new Date();
    await switchTeamVersion(lead, { teamId: demoTeamId("ml-platform"), versionId: v2 });
    const fingerprint = await tableFingerprint(handle().db);
    for (const v of [lead, member])
      await expect(moveTeamsToLatestVersion(v, { frameworkId: mlopsId })).rejects.toMatchObject({ code: "forbidden" });
    expect(await tableFingerprint(handle().db)).toEqual(fingerprint);

    const moved = await moveTeamsToLatestVersion(admin, { frameworkId: mlopsId });
    expect(moved).toEqual({ moved: 2, version: 2 });
    const rows = await handle()
      .db.select({ versionId: teams.frameworkVersionId })
      .from(teams)
      .where(eq(teams.frameworkId, mlopsId));
    expect(rows.every((r) => r.versionId === v2)).toBe(true);
    const audits = await handle()
      .db.select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "team.framework_switched"));
    expect(audits).toHaveLength(3);
    expect(audits.filter((a) => (a.after as { via?: string }).via === "move_all")).toHaveLength(2);
    // Nothing left behind; a second run moves nothing.
    expect((await listTeamsOnOlderVersions(admin, { frameworkId: mlopsId })).teams).toEqual([]);
    expect(await moveTeamsToLatestVersion(admin, { frameworkId: mlopsId })).toEqual({ moved: 0, version: 2 });
    // The past is read with the version each team had then.
    expect(
      (await teamVersionAt(handle().db, demoTeamId("applied-ml"), new Date(before.getTime() - 1000)))?.versionId,
    ).toBe(v1);
    expect((await teamVersionAt(handle().db, demoTeamId("applied-ml"), "now"))?.versionId).toBe(v2);
    const settings = await getTeamSettings(lead, { teamId: demoTeamId("ml-platform") }, { locale: "en" });
    expect(settings.roadmap).toMatchObject({ versionId: v2, status: "published", latest: null });
  });
});

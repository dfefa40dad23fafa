import { expect, it } from "vitest";

import { demoTeamId } from "@/db/seed/demo";
import {
  getOrgHeatmap,
  getOrgHeatmapJson,
  getTeamHeatmap,
  getTeamHeatmapJson,
  getTeamPageSummary,
  type HeatmapDto,
} from "@/lib/data/heatmap";
import { removeTeamMember } from "@/lib/data/team-admin";
import { addQuarters, quarterOf } from "@/lib/quarters";

import { useDemoOrg } from "./support/demo";
import { describeOnEachEngine } from "./support/engines";

// Each heatmap row says whether the viewer may open that person's page
// (/people/[id]; a row links when the viewer has team:read on the row's team):
// the data layer decides, the component only draws a link or not.
describeOnEachEngine("heatmap rows that open a person", ({ handle }) => {
  const mlPlatform = demoTeamId("ml-platform");
  const openable = (dto: HeatmapDto) => dto.members.map((m) => m.mayOpen);
  const demo = useDemoOrg(handle, {
    alex: "alex.wang@acme.test",
    priya: "priya.nair@acme.test",
    jun: "jun.huang@acme.test",
    admin: "mei-ling.chen@acme.test",
  });

  it("a lead may open every member of the team they lead", async () => {
    const dto = await getTeamHeatmap(demo.alex, { teamId: mlPlatform }, { locale: "en" });
    expect(openable(dto)).toEqual(dto.members.map(() => true));
  });

  it("a member who may see their team's heatmap may open nobody from it", async () => {
    const dto = await getTeamHeatmap(demo.jun, { teamId: mlPlatform }, { locale: "en" });
    expect(dto.members.length).toBeGreaterThan(1);
    expect(openable(dto)).toEqual(dto.members.map(() => false));
  });

  it("an admin may open everyone, on a team's heatmap and on the organisation's", async () => {
    const team = await getTeamHeatmap(demo.admin, { teamId: mlPlatform }, { locale: "en" });
    expect(openable(team).every(Boolean)).toBe(true);
    const org = (await getOrgHeatmap(demo.admin, {}, { locale: "en" }))!;
    expect(org.members.length).toBeGreaterThan(team.members.length);
    expect(openable(org).every(Boolean)).toBe(true);
    const cached = JSON.parse(await getOrgHeatmapJson(demo.admin, {}, { locale: "en" })) as HeatmapDto;
    expect(openable(cached).every(Boolean)).toBe(true);
  });

  it("the cached team payload of the API carries no viewer's flags to another viewer", async () => {
    // A lead builds the cache entry; a member reading it must not inherit the lead's links.
    await getTeamHeatmapJson(demo.alex, { teamId: mlPlatform }, { locale: "en" });
    const seenByJun = JSON.parse(
      await getTeamHeatmapJson(demo.jun, { teamId: mlPlatform }, { locale: "en" }),
    ) as HeatmapDto;
    expect(seenByJun.members.some((m) => m.mayOpen)).toBe(false);
    expect(demo.priya.leadTeamIds).not.toContain(mlPlatform);
  });

  it("the team payload says per viewer whether its rows open; the page's summary agrees with it", async () => {
    type Payload = HeatmapDto & { canOpen: boolean; canEdit: boolean };
    const forAlex = JSON.parse(
      await getTeamHeatmapJson(demo.alex, { teamId: mlPlatform }, { locale: "en" }),
    ) as Payload;
    const forJun = JSON.parse(await getTeamHeatmapJson(demo.jun, { teamId: mlPlatform }, { locale: "en" })) as Payload;
    expect([forAlex.canOpen, forAlex.canEdit]).toEqual([true, true]);
    expect([forJun.canOpen, forJun.canEdit]).toEqual([false, false]);
    const summary = await getTeamPageSummary(demo.alex, { teamId: mlPlatform }, { locale: "en" });
    expect(summary).toMatchObject({
      scope: { id: mlPlatform, canEdit: true },
      people: forAlex.members.length,
      leftIds: [],
      live: true,
      quarter: forAlex.quarter,
      frameworkTitle: forAlex.frameworkTitle,
    });
    expect((await getTeamPageSummary(demo.jun, { teamId: mlPlatform }, { locale: "en" })).scope.canEdit).toBe(false);
  });

  it("last quarter's payload stays what it was when someone leaves; the page's summary names who left", async () => {
    const lastQuarter = addQuarters(quarterOf(new Date()), -1);
    const read = () => getTeamHeatmapJson(demo.admin, { teamId: mlPlatform, quarter: lastQuarter }, { locale: "en" });
    const summary = () =>
      getTeamPageSummary(demo.admin, { teamId: mlPlatform, quarter: lastQuarter }, { locale: "en" });
    const before = await read();
    expect((await summary()).leftIds).toEqual([]);
    const leaver = (JSON.parse(before) as HeatmapDto).members.find((m) => m.id !== demo.alex.id)!;
    await removeTeamMember(demo.admin, { teamId: mlPlatform, userId: leaver.id });

    expect(await read()).toBe(before);
    expect(await summary()).toMatchObject({
      leftIds: [leaver.id],
      live: false,
      people: JSON.parse(before).members.length,
    });
  });
});

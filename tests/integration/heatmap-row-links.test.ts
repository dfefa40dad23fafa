import { beforeAll, expect, it } from "vitest";
import { demoTeamId } from "@/db/seed/demo";
import type { Viewer } from "@/lib/auth/viewer";
import { getOrgHeatmap, getOrgHeatmapJson, getTeamHeatmap, getTeamHeatmapJson, type HeatmapDto } from "@/lib/data/heatmap";
import { describeOnEachEngine } from "./engines";
import { demoViewer, seedDemoOrg } from "./demo";

// Each heatmap row says whether the viewer may open that person's page
// (/teams/[teamId]/members/[userId], which needs team:read on the row's team):
// the data layer decides, the component only draws a link or not.
describeOnEachEngine("heatmap rows that open a person", ({ handle }) => {
  let alex: Viewer;
  let priya: Viewer;
  let jun: Viewer;
  let admin: Viewer;
  const mlPlatform = demoTeamId("ml-platform");
  const openable = (dto: HeatmapDto) => dto.members.map((m) => m.mayOpen);
  beforeAll(async () => {
    await seedDemoOrg(handle());
    alex = await demoViewer("alex.wang@acme.test");
    priya = await demoViewer("priya.nair@acme.test");
    jun = await demoViewer("jun.huang@acme.test");
    admin = await demoViewer("mei-ling.chen@acme.test");
  });

  it("a lead may open every member of the team they lead", async () => {
    const dto = await getTeamHeatmap(alex, { teamId: mlPlatform }, { locale: "en" });
    expect(openable(dto)).toEqual(dto.members.map(() => true));
  });

  it("a member who may see their team's heatmap may open nobody from it", async () => {
    const dto = await getTeamHeatmap(jun, { teamId: mlPlatform }, { locale: "en" });
    expect(dto.members.length).toBeGreaterThan(1);
    expect(openable(dto)).toEqual(dto.members.map(() => false));
  });

  it("an admin may open everyone, on a team's heatmap and on the organisation's", async () => {
    const team = await getTeamHeatmap(admin, { teamId: mlPlatform }, { locale: "en" });
    expect(openable(team).every(Boolean)).toBe(true);
    const org = (await getOrgHeatmap(admin, {}, { locale: "en" }))!;
    expect(org.members.length).toBeGreaterThan(team.members.length);
    expect(openable(org).every(Boolean)).toBe(true);
    const cached = JSON.parse(await getOrgHeatmapJson(admin, {}, { locale: "en" })) as HeatmapDto;
    expect(openable(cached).every(Boolean)).toBe(true);
  });

  it("the cached team payload of the API carries no viewer's flags to another viewer", async () => {
    // A lead builds the cache entry; a member reading it must not inherit the lead's links.
    await getTeamHeatmapJson(alex, { teamId: mlPlatform }, { locale: "en" });
    const seenByJun = JSON.parse(await getTeamHeatmapJson(jun, { teamId: mlPlatform }, { locale: "en" })) as HeatmapDto;
    expect(seenByJun.members.some((m) => m.mayOpen)).toBe(false);
    expect(priya.leadTeamIds).not.toContain(mlPlatform);
  });
});

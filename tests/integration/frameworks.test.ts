import { expect, it } from "vitest";

import { getFrameworkTree, listFrameworks } from "@/lib/data/frameworks";

import { useDemoOrg } from "./support/demo";
import { describeOnEachEngine } from "./support/engines";

describeOnEachEngine("framework data access", ({ handle }) => {
  const demo = useDemoOrg(handle, { member: "hana.sato@acme.test" });

  it("lists the default roadmap with its size", async () => {
    const list = await listFrameworks(demo.member, { locale: "en" });
    expect(list).toEqual([
      expect.objectContaining({
        name: "MLOps Engineer Career Roadmap (Detailed Edition)",
        version: 1,
        levels: 3,
        categories: 15,
        skills: 33,
      }),
    ]);
    const [zh] = await listFrameworks(demo.member, { locale: "zh-TW" });
    expect(zh!.name).toBe("MLOps 工程師職涯成長路線圖（詳細版）");
  });

  it("reads the whole roadmap tree in either language", async () => {
    const [summary] = await listFrameworks(demo.member, { locale: "en" });
    const en = await getFrameworkTree(demo.member, { frameworkId: summary!.id, locale: "en" });
    const zh = await getFrameworkTree(demo.member, { frameworkId: summary!.id, locale: "zh-TW" });
    expect(en!.levels.map((l) => l.name)).toEqual([
      "Junior MLOps Engineer",
      "Mid-level MLOps Engineer",
      "Senior MLOps Engineer",
    ]);
    expect(zh!.levels.map((l) => l.tagline)).toEqual([
      "會寫功能的執行者",
      "設計元件與自動化流程的實踐者",
      "抽象設計 AI 平台的架構師",
    ]);
    expect(zh!.levels[0]!.categories[0]!.skills[0]!.name).toBe("能閱讀與修改資料科學家的 Notebook 代碼");
    expect(en!.levels[0]!.categories[0]!.skills[0]!.name).toBe("Can read and modify data scientists' notebook code");
    // Same structure in both languages, keyed identically.
    const keys = (t: typeof en) => t!.levels.flatMap((l) => l.categories.flatMap((c) => c.skills.map((s) => s.key)));
    expect(keys(zh)).toEqual(keys(en));
    expect(en!.capabilities.find((c) => c.key === "progressive-serving")!.skills).toHaveLength(4);
    expect(en!.transitionPath!.steps).toHaveLength(7);
    expect(zh!.growthTable).toHaveLength(3);
  });

  it("refuses a signed-out caller", async () => {
    await expect(listFrameworks(null, { locale: "en" })).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(
      getFrameworkTree(null, { frameworkId: "00000000-0000-4000-8000-000000000000", locale: "en" }),
    ).rejects.toMatchObject({
      code: "unauthenticated",
    });
  });

  it("returns nothing for an unknown or malformed id", async () => {
    expect(
      await getFrameworkTree(demo.member, { frameworkId: "00000000-0000-4000-8000-000000000000", locale: "en" }),
    ).toBeNull();
    expect(await getFrameworkTree(demo.member, { frameworkId: "'; drop table skills; --", locale: "en" })).toBeNull();
  });
});

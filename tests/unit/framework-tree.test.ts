import { describe, expect, it } from "vitest";

import { frameworkTree, treeCapabilities, treeLevels } from "@/lib/analytics/framework-tree";

// A published roadmap version as the roadmap page shows it (lib/analytics/framework-tree.ts).
const en = (zh: string, en: string) => en || zh;
const level = (id: string, key: string, position: number) => ({
  id,
  key,
  position,
  nameZh: `${key}-zh`,
  nameEn: key,
  taglineZh: "",
  taglineEn: "",
  summaryZh: "",
  summaryEn: "",
  workStyleZh: "",
  workStyleEn: "",
  workStyleNoteZh: "",
  workStyleNoteEn: "",
});
const skill = (id: string, key: string, categoryId: string) => ({
  id,
  key,
  categoryId,
  nameZh: `${key}-zh`,
  nameEn: key.toUpperCase(),
  descriptionZh: "說明",
  descriptionEn: "",
});
const rows = {
  levelRows: [level("L1", "junior", 0), level("L2", "senior", 1)],
  categoryRows: [
    { id: "C1", key: "tools", levelId: "L1", nameZh: "工具", nameEn: "Tools" },
    { id: "C2", key: "ops", levelId: "L2", nameZh: "維運", nameEn: "Ops" },
    { id: "C3", key: "data", levelId: "L1", nameZh: "資料", nameEn: "Data" },
  ],
  skillRows: [skill("S1", "sql", "C3"), skill("S2", "git", "C1"), skill("S3", "k8s", "C2")],
};

describe("levels of the tree", () => {
  it("nest each level's categories and their skills, in the rows' order", () => {
    const levels = treeLevels(rows, en);
    expect(levels.map((l) => [l.key, l.categories.map((c) => [c.key, c.skills.map((s) => s.key)])])).toEqual([
      [
        "junior",
        [
          ["tools", ["git"]],
          ["data", ["sql"]],
        ],
      ],
      ["senior", [["ops", ["k8s"]]]],
    ]);
    // A text missing in the language shown falls back to the other one.
    expect(levels[0]!.categories[1]!.skills[0]).toEqual({ key: "sql", name: "SQL", description: "說明" });
  });
});

describe("capabilities of the tree", () => {
  it("list the live skills each links to, leaving out links to skills no longer in the version", () => {
    const serving = { id: "K1", key: "serve", nameZh: "服務", nameEn: "Serving" };
    const capabilities = [{ ...serving, descriptionZh: "", descriptionEn: "d", importance: 3 }];
    const links = [
      { capabilityId: "K1", skillId: "S3", requiredProficiency: 4 },
      { capabilityId: "K1", skillId: "retired", requiredProficiency: 2 },
      { capabilityId: "other", skillId: "S1", requiredProficiency: 3 },
    ];
    expect(treeCapabilities(capabilities, links, rows.skillRows, en)).toEqual([
      {
        key: "serve",
        name: "Serving",
        description: "d",
        importance: 3,
        skills: [{ key: "k8s", name: "K8S", requiredProficiency: 4 }],
      },
    ]);
  });
});

describe("the whole tree", () => {
  const text = (zh: string, en: string) => ({ zh, en });
  const version = {
    id: "v2",
    frameworkId: "fw",
    version: 2,
    titleZh: "路線圖",
    titleEn: "Roadmap",
    introZh: "簡介",
    introEn: "Intro",
    conclusionZh: "結語",
    conclusionEn: "End",
    growthTable: [{ stage: text("起步", "Start"), focus: text("基礎", "Basics") }],
    transitionPath: null,
  };

  it("is in the viewer's language, without a transition path when the version has none", () => {
    const tree = frameworkTree({ version, rows, capabilities: [], links: [], locale: "zh-TW" });
    expect(tree).toMatchObject({ id: "fw", versionId: "v2", version: 2, title: "路線圖", intro: "簡介" });
    expect(tree.conclusion).toBe("結語");
    expect(tree.growthTable).toEqual([{ stage: "起步", focus: "基礎" }]);
    expect(tree.transitionPath).toBeNull();
    expect(tree.levels[1]!.name).toBe("senior-zh");
  });

  it("gives the transition path's title, intro and steps in that language", () => {
    const steps = [text("一", "One"), text("二", "Two")];
    const path = { title: text("轉型", "Shift"), intro: text("", "How"), steps };
    const withPath = { ...version, transitionPath: path };
    const tree = frameworkTree({ version: withPath, rows, capabilities: [], links: [], locale: "en" });
    expect(tree.transitionPath).toEqual({ title: "Shift", intro: "How", steps: ["One", "Two"] });
  });
});

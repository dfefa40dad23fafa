import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

import { repeatedCategoryNames } from "@/lib/roadmap/checks";
import { pairRoadmaps, parseBilingualRoadmap } from "@/lib/roadmap/pair";
import { parseRoadmapMarkdown } from "@/lib/roadmap/parse";
import { RoadmapParseError } from "@/lib/roadmap/types";

const seedDir = path.join(__dirname, "../../db/seed");
const zhSource = readFileSync(path.join(seedDir, "mlops-roadmap.zh-TW.md"), "utf8");
const enSource = readFileSync(path.join(seedDir, "mlops-roadmap.en.md"), "utf8");
// The shared original must be what the repo ships.
const sharedSeed = path.join(__dirname, "../../../shared/seed/mlops-roadmap.zh-TW.md");

/** Skill bullets read straight off the file, independently of the parser. */
function indentedBullets(markdown: string): string[] {
  return markdown
    .split("\n")
    .filter((l) => /^\s{2,}- /.test(l))
    .map((l) =>
      l
        .replace(/^\s+- /, "")
        .replace(/\*\*/g, "")
        .trim(),
    );
}

const CJK = /[\u4e00-\u9fff]/;

describe("the seed roadmap", () => {
  const zh = parseRoadmapMarkdown(zhSource, "zh-TW");
  const en = parseRoadmapMarkdown(enSource, "en");
  const doc = pairRoadmaps(zh, en);
  const allSkills = doc.levels.flatMap((l) => l.categories.flatMap((c) => c.skills));

  it("is the same file as the shared seed", () => {
    let shared: string | null = null;
    try {
      shared = readFileSync(sharedSeed, "utf8");
    } catch {
      // Outside the workspace layout (e.g. a Docker build) there is no shared/ folder.
    }
    if (shared !== null) expect(zhSource).toBe(shared);
  });

  it("has three levels with 4, 5 and 6 categories", () => {
    expect(zh.levels.map((l) => l.name)).toEqual(["初階 MLOps 工程師", "中階 MLOps 工程師", "資深 MLOps 工程師"]);
    expect(zh.levels.map((l) => l.categories.length)).toEqual([4, 5, 6]);
    expect(en.levels.map((l) => l.categories.length)).toEqual([4, 5, 6]);
  });

  it("has the expected number of skills in every category", () => {
    const counts = zh.levels.map((l) => l.categories.map((c) => c.skills.length));
    expect(counts).toEqual([
      [3, 3, 2, 2],
      [2, 3, 2, 2, 2],
      [2, 2, 2, 2, 2, 2],
    ]);
    expect(en.levels.map((l) => l.categories.map((c) => c.skills.length))).toEqual(counts);
    expect(allSkills).toHaveLength(33);
  });

  it("keeps every bullet of the zh-TW seed, in order, as a skill", () => {
    const bullets = indentedBullets(zhSource);
    expect(bullets).toHaveLength(33);
    expect(allSkills.map((s) => s.name.zh)).toEqual(bullets);
  });

  it("keeps every bullet of the English translation, in order, as a skill", () => {
    expect(allSkills.map((s) => s.name.en)).toEqual(indentedBullets(enSource));
  });

  it("pairs every level, category and skill with a Chinese and an English text", () => {
    for (const level of doc.levels) {
      for (const item of [level, ...level.categories, ...level.categories.flatMap((c) => c.skills)]) {
        expect(item.name.zh).toMatch(CJK);
        expect(item.name.en).not.toMatch(CJK);
        expect(item.name.en.length).toBeGreaterThan(2);
      }
      expect(level.tagline.zh).toMatch(CJK);
      expect(level.workStyle.zh).toMatch(/^「.+」$/);
      expect(level.workStyle.en).toMatch(/^".+"$/);
      expect(level.workStyleNote.en).not.toBe("");
      expect(level.summary.zh).toContain("→");
    }
  });

  it("gives every level, category and skill a unique, URL-safe key", () => {
    const keys = [
      ...doc.levels.map((l) => l.key),
      ...doc.levels.flatMap((l) => l.categories.map((c) => c.key)),
      ...allSkills.map((s) => s.key),
    ];
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)?$/);
    expect(doc.levels.map((l) => l.key)).toEqual(["junior", "mid-level", "senior"]);
  });

  it("keeps the growth table, the 7-step transition path and the closing words", () => {
    expect(doc.growthTable).toHaveLength(3);
    expect(doc.growthTable[0]!.stage).toEqual({ zh: "初階 → 中階", en: "Junior → Mid-level" });
    expect(doc.transitionPath?.steps).toHaveLength(7);
    expect(doc.transitionPath!.steps[0]!.zh).toBe("使用 MLflow 追蹤實驗與模型訓練");
    expect(doc.transitionPath!.intro.zh).toContain("Docker、GitLab、K8s");
    expect(doc.conclusion.zh).toContain("抽象問題、設計平台、賦能團隊");
    expect(doc.conclusion.zh.split("\n")).toHaveLength(2);
    expect(doc.title.zh).toBe("MLOps 工程師職涯成長路線圖（詳細版）");
  });

  it("reads the level summaries from the introduction", () => {
    expect(zh.levelSummaries.map((s) => s.name)).toEqual(["初階", "中階", "資深"]);
    expect(en.levelSummaries.map((s) => s.name)).toEqual(["Junior", "Mid-level", "Senior"]);
  });
});

const LEVEL = (body: string) => `# Roadmap\n\n## Junior: does things\n\n### Skills\n\n${body}\n`;

describe("malformed roadmaps get an error naming the line", () => {
  const cases: { name: string; markdown: string; line: number; message: RegExp }[] = [
    { name: "an empty document", markdown: "\n\n", line: 1, message: /empty/ },
    { name: "no title", markdown: "\n## Junior\n1. **A**\n   - x\n", line: 2, message: /title/ },
    { name: "a second title", markdown: "# A\n## L\n1. **C**\n   - s\n# B\n", line: 5, message: /only one '# ' title/ },
    {
      name: "no levels",
      markdown: "# Roadmap\n\nSome text.\n\n## Closing\n\nBye.\n",
      line: 1,
      message: /no levels found/,
    },
    {
      name: "a skill outside a category",
      markdown: LEVEL("- orphan skill\n1. **Cat**\n   - ok"),
      line: 7,
      message: /not under a numbered bold category/,
    },
    {
      name: "a category that is not bold",
      markdown: LEVEL("1. Category\n   - skill"),
      line: 7,
      message: /numbered bold category/,
    },
    {
      name: "an unclosed bold category",
      markdown: LEVEL("1. **Category\n   - skill"),
      line: 7,
      message: /numbered bold category/,
    },
    {
      name: "a category without skills",
      markdown: LEVEL("1. **Empty**\n\n2. **Full**\n   - s"),
      line: 7,
      message: /'Empty' has no skill bullets/,
    },
    { name: "an empty skill bullet", markdown: LEVEL("1. **Cat**\n   - **  **"), line: 8, message: /empty/ },
    {
      name: "a level without categories",
      markdown: "# R\n\n## Junior\n\n### Skills\n\nJust prose.\n",
      line: 3,
      message: /'Junior' has no numbered bold categories/,
    },
    {
      name: "a growth table row with three cells",
      markdown: `${LEVEL("1. **C**\n   - s")}\n## Growth\n\n| a | b |\n|---|---|\n| x | y | z |\n`,
      line: 14,
      message: /needs 2 cells, found 3/,
    },
    {
      name: "level summaries that do not match the levels",
      markdown: "# R\n\n- **Junior**: a\n- **Senior**: b\n\n## Junior\n1. **C**\n   - s\n",
      line: 3,
      message: /2 level summaries but the document has 1 levels/,
    },
    {
      name: "a level summary without a bold name",
      markdown: "# R\n\n- Junior does things\n\n## Junior\n1. **C**\n   - s\n",
      line: 3,
      message: /level summary bullet/,
    },
  ];

  it.each(cases)("$name → line $line", ({ markdown, line, message }) => {
    let error: unknown;
    try {
      parseRoadmapMarkdown(markdown, "test.md");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RoadmapParseError);
    const e = error as RoadmapParseError;
    expect(e.line).toBe(line);
    expect(e.message).toMatch(message);
    expect(e.message).toContain(`test.md: line ${line}:`);
  });

  it("refuses two categories with the same name in one level, naming the second one's line", () => {
    const markdown = LEVEL("1. **Orchestration**\n   - Runs Airflow\n\n2. **orchestration**\n   - Runs Dagster");
    expect(() => parseRoadmapMarkdown(markdown, "test.md")).toThrow(RoadmapParseError);
    expect(() => parseRoadmapMarkdown(markdown, "test.md")).toThrow(/test\.md: line 10: .*'orchestration'.*line 7/);
  });

  it("refuses a repeated category name in the zh-TW document too", () => {
    const markdown = "# 路線圖\n\n## 初階\n\n1. **編排**\n   - 會用 Airflow\n2. **編排**\n   - 會用 Dagster\n";
    expect(() => parseRoadmapMarkdown(markdown, "zh-TW")).toThrow(/zh-TW: line 7: .*'編排'/);
  });

  it("accepts the same category name in two levels, and reports it (keys orchestration and orchestration-2)", () => {
    const markdown =
      "# R\n\n## Junior\n\n1. **Orchestration**\n   - Runs Airflow\n\n## Senior\n\n1. **Orchestration**\n   - Designs DAG platforms\n";
    const parsed = parseRoadmapMarkdown(markdown);
    const doc = pairRoadmaps(parsed, parsed);
    expect(doc.levels.map((l) => l.categories[0]!.key)).toEqual(["orchestration", "orchestration-2"]);
    expect(repeatedCategoryNames(doc, parsed)).toEqual([
      { line: 10, name: "Orchestration", key: "orchestration-2", level: "Senior", firstLevel: "Junior", firstLine: 5 },
    ]);
  });

  it("finds no repeated category names in the seed roadmap", () => {
    const doc = parseBilingualRoadmap(zhSource, enSource);
    expect(repeatedCategoryNames(doc)).toEqual([]);
  });

  it("refuses to pair documents whose structure differs, naming both lines", () => {
    const en = enSource.replace("   - Can read loss/accuracy curves\n", "");
    expect(() => parseBilingualRoadmap(zhSource, en)).toThrow(
      /skills of category '實驗紀錄與觀察': 2 in zh-TW \(line 30\) but 1 in en \(line 30\)/,
    );
  });

  it("parses a small roadmap written in English with CRLF line endings", () => {
    const md = "# Data Eng\r\n\r\n## Junior: learns\r\n\r\n1. **SQL**\r\n   - Writes joins\r\n   - Reads plans\r\n";
    const parsed = parseRoadmapMarkdown(md);
    expect(parsed.levels[0]).toMatchObject({ name: "Junior", tagline: "learns" });
    expect(parsed.levels[0]!.categories[0]!.skills.map((s) => s.text)).toEqual(["Writes joins", "Reads plans"]);
  });
});

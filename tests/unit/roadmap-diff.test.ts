import { describe, expect, it } from "vitest";

import { countChanges, diffFrameworks, isEmptyDiff, type FrameworkDiff } from "@/lib/roadmap/diff";
import type { FrameworkDocument } from "@/lib/roadmap/document";

const bi = (en: string, zh = `${en}（中）`) => ({ en, zh });
const blank = bi("", "");
const skill = (key: string, en: string) => ({ key, name: bi(en) });
const level = (key: string, en: string, categories: FrameworkDocument["levels"][number]["categories"]) => ({
  key,
  name: bi(en),
  tagline: blank,
  summary: blank,
  workStyle: blank,
  workStyleNote: blank,
  categories,
});

/** Two levels; both have a category named "Tools" (names may repeat across levels, keys may not). */
const published = (): FrameworkDocument => ({
  format: "skillgrid.framework",
  version: 1,
  key: "data-engineer",
  title: bi("Data engineer"),
  intro: blank,
  levels: [
    level("junior", "Junior", [
      {
        key: "junior-tools",
        name: bi("Tools"),
        skills: [skill("git", "Git"), skill("sql", "SQL"), skill("docker", "Docker")],
      },
      { key: "cloud", name: bi("Cloud"), skills: [skill("aws", "AWS")] },
    ]),
    level("senior", "Senior", [{ key: "senior-tools", name: bi("Tools"), skills: [skill("k8s", "Kubernetes")] }]),
  ],
  capabilities: [],
  growthTable: [],
  transitionPath: null,
  conclusion: blank,
});

const edited = (change: (d: FrameworkDocument) => void) => {
  const d = published();
  change(d);
  return d;
};
const category = (d: FrameworkDocument, key: string) =>
  d.levels.flatMap((l) => l.categories).find((c) => c.key === key)!;
const noSkillChanges = { added: [], retired: [], renamed: [], moved: [], redescribed: [], reordered: [] };
/** The skill lists of a diff, without `other`. */
const skillLists = ({ other: _other, ...lists }: FrameworkDiff) => lists;

describe("diffing two versions of a framework", () => {
  it("finds nothing between a document and an identical copy", () => {
    const diff = diffFrameworks(published(), published());
    expect(diff).toEqual({ ...noSkillChanges, other: [] });
    expect(countChanges(diff)).toBe(0);
    expect(isEmptyDiff(diff)).toBe(true);
  });

  it("lists a skill whose key is new as added, with its English name", () => {
    const after = edited((d) => category(d, "cloud").skills.push(skill("gcp", "Google Cloud")));
    expect(skillLists(diffFrameworks(published(), after))).toEqual({
      ...noSkillChanges,
      added: [{ key: "gcp", name: "Google Cloud" }],
    });
  });

  it("lists a skill dropped from the document as retired", () => {
    const after = edited((d) => category(d, "junior-tools").skills.splice(2, 1));
    expect(skillLists(diffFrameworks(published(), after))).toEqual({
      ...noSkillChanges,
      retired: [{ key: "docker", name: "Docker" }],
    });
  });

  it("lists a skill still in the document but marked retired in the new version as retired, and nothing else", () => {
    const diff = diffFrameworks(published(), published(), { after: new Set(["sql"]) });
    expect(diff).toEqual({ ...noSkillChanges, retired: [{ key: "sql", name: "SQL" }], other: [] });
    expect(countChanges(diff)).toBe(1);
  });

  it("ignores a skill retired in both versions, and lists one brought back from retirement as added", () => {
    expect(
      isEmptyDiff(diffFrameworks(published(), published(), { before: new Set(["sql"]), after: new Set(["sql"]) })),
    ).toBe(true);
    expect(diffFrameworks(published(), published(), { before: new Set(["sql"]) }).added).toEqual([
      { key: "sql", name: "SQL" },
    ]);
  });

  it("follows skills by key: a new key for the same name is one skill retired and another added", () => {
    const after = edited((d) => (category(d, "cloud").skills[0]!.key = "amazon-web-services"));
    const diff = diffFrameworks(published(), after);
    expect(diff.added).toEqual([{ key: "amazon-web-services", name: "AWS" }]);
    expect(diff.retired).toEqual([{ key: "aws", name: "AWS" }]);
    expect(diff.renamed).toEqual([]);
  });

  it("lists a skill whose English or Chinese name changed as renamed, from and to its English name", () => {
    const after = edited((d) => {
      category(d, "junior-tools").skills[0]!.name = bi("Git & GitHub", "Git（中）");
      category(d, "cloud").skills[0]!.name.zh = "亞馬遜雲端";
    });
    expect(diffFrameworks(published(), after)).toEqual({
      ...noSkillChanges,
      renamed: [
        { key: "git", from: "Git", to: "Git & GitHub" },
        { key: "aws", from: "AWS", to: "AWS" },
      ],
      other: [],
    });
  });

  it("lists a skill put into another category as moved, naming both categories in English", () => {
    const after = edited((d) => {
      const [git] = category(d, "junior-tools").skills.splice(0, 1);
      category(d, "cloud").skills.push(git!);
    });
    const diff = diffFrameworks(published(), after);
    expect(diff.moved).toEqual([{ key: "git", name: "Git", from: "Tools", to: "Cloud" }]);
    expect(diff.added).toEqual([]);
    expect(diff.retired).toEqual([]);
    expect(diff.reordered).toEqual([]);
  });

  it("lists a skill whose description changed in either language as redescribed", () => {
    const before = edited((d) => (category(d, "junior-tools").skills[1]!.description = bi("Queries", "查詢")));
    const after = edited((d) => {
      category(d, "junior-tools").skills[1]!.description = bi("Queries", "資料查詢");
      category(d, "cloud").skills[0]!.description = bi("Amazon's cloud");
    });
    expect(diffFrameworks(before, after)).toEqual({
      ...noSkillChanges,
      redescribed: [
        { key: "sql", name: "SQL" },
        { key: "aws", name: "AWS" },
      ],
      other: [],
    });
  });

  it("treats a missing description and an empty one in both languages as the same", () => {
    const after = edited((d) => (category(d, "cloud").skills[0]!.description = blank));
    expect(isEmptyDiff(diffFrameworks(published(), after))).toBe(true);
  });

  it("lists the skills whose place among the category's shared skills changed as reordered", () => {
    const after = edited((d) => {
      const tools = category(d, "junior-tools");
      tools.skills = [tools.skills[1]!, tools.skills[0]!, tools.skills[2]!];
    });
    expect(diffFrameworks(published(), after).reordered).toEqual([
      { key: "sql", name: "SQL" },
      { key: "git", name: "Git" },
    ]);
  });

  it("does not call the other skills reordered when one is added or removed between them", () => {
    const added = edited((d) => category(d, "junior-tools").skills.splice(1, 0, skill("python", "Python")));
    const removed = edited((d) => category(d, "junior-tools").skills.splice(1, 1));
    expect(diffFrameworks(published(), added).reordered).toEqual([]);
    expect(diffFrameworks(published(), removed).reordered).toEqual([]);
  });

  it("names each other part of the framework that changed, once, with no skill listed", () => {
    const cases: [FrameworkDiff["other"][number], (d: FrameworkDocument) => void][] = [
      ["title", (d) => (d.title.zh = "資料工程師")],
      ["texts", (d) => (d.conclusion = bi("Keep learning"))],
      ["texts", (d) => d.growthTable.push({ stage: bi("Year 1"), focus: bi("Basics") })],
      ["levels", (d) => (d.levels[1]!.tagline = bi("Leads the platform"))],
      ["categories", (d) => (category(d, "cloud").name.zh = "雲端平台")],
      [
        "capabilities",
        (d) =>
          d.capabilities.push({
            key: "pipelines",
            name: bi("Pipelines"),
            description: blank,
            importance: 2,
            skills: [{ key: "sql", level: 3 }],
          }),
      ],
      [
        "descriptors",
        (d) => (category(d, "cloud").skills[0]!.descriptors = ["0", "1", "2", "3", "4"].map((n) => bi(n))),
      ],
    ];
    for (const [part, change] of cases)
      expect(diffFrameworks(published(), edited(change)), part).toEqual({ ...noSkillChanges, other: [part] });
  });
});

describe("counting a diff's changes", () => {
  it("counts every entry of every list, so a skill renamed and re-described counts twice", () => {
    const after = edited((d) => {
      category(d, "cloud").skills[0]!.name.en = "Amazon Web Services";
      category(d, "cloud").skills[0]!.description = bi("Amazon's cloud");
      d.title.en = "Data platform engineer";
    });
    expect(countChanges(diffFrameworks(published(), after))).toBe(3);
  });

  it("counts changes in every list, not only the skills", () => {
    const diff: FrameworkDiff = {
      added: [{ key: "a", name: "A" }],
      retired: [{ key: "b", name: "B" }],
      renamed: [{ key: "c", from: "C", to: "See" }],
      moved: [{ key: "d", name: "D", from: "X", to: "Y" }],
      redescribed: [{ key: "e", name: "E" }],
      reordered: [{ key: "f", name: "F" }],
      other: ["title", "levels"],
    };
    expect(countChanges(diff)).toBe(8);
  });

  it("a change to the title alone is not an empty diff (publishing it is allowed)", () => {
    const diff = diffFrameworks(
      published(),
      edited((d) => (d.title.en = "Data platform engineer")),
    );
    expect(countChanges(diff)).toBe(1);
    expect(isEmptyDiff(diff)).toBe(false);
  });

  // Defects found while writing these tests (both failed before the fix in lib/roadmap/diff.ts).
  it("does not call a reorder, an added or a moved skill a change of descriptors", () => {
    const withDescriptors = (d: FrameworkDocument) => {
      for (const s of category(d, "junior-tools").skills)
        s.descriptors = ["0", "1", "2", "3", "4"].map((n) => bi(`${s.key} ${n}`));
    };
    const before = edited(withDescriptors);
    const swapped = edited((d) => {
      withDescriptors(d);
      const skills = category(d, "junior-tools").skills;
      [skills[0], skills[1]] = [skills[1]!, skills[0]!];
    });
    expect(diffFrameworks(before, swapped).other).toEqual([]);
    const added = edited((d) => {
      withDescriptors(d);
      category(d, "junior-tools").skills.unshift(skill("make", "Make"));
    });
    expect(diffFrameworks(before, added).other).toEqual([]);
  });

  it("tells categories apart by key: a move between two categories named alike is a move, renaming a category moves nothing", () => {
    const moved = edited((d) => {
      const [git] = category(d, "junior-tools").skills.splice(0, 1);
      category(d, "senior-tools").skills.push(git!);
    });
    expect(diffFrameworks(published(), moved).moved).toEqual([{ key: "git", name: "Git", from: "Tools", to: "Tools" }]);
    const renamed = edited((d) => (category(d, "junior-tools").name = bi("Tooling")));
    const diff = diffFrameworks(published(), renamed);
    expect(diff.moved).toEqual([]);
    expect(diff.other).toEqual(["categories"]);
  });
});

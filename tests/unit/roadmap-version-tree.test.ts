import { describe, expect, it } from "vitest";

import { levelTexts, nestVersionRows } from "@/lib/roadmap/version-tree";

const level = (id: string) => ({
  id,
  nameZh: `${id}-名`,
  nameEn: `${id}-name`,
  taglineZh: "標語",
  taglineEn: "tagline",
  summaryZh: "摘要",
  summaryEn: "summary",
  workStyleZh: "風格",
  workStyleEn: "style",
  workStyleNoteZh: "備註",
  workStyleNoteEn: "note",
});

describe("a version's rows as a tree", () => {
  const rows = {
    levelRows: [level("junior"), level("senior")],
    categoryRows: [
      { id: "c1", levelId: "senior", key: "ops" },
      { id: "c2", levelId: "junior", key: "basics" },
      { id: "c3", levelId: "junior", key: "tools" },
    ],
    skillRows: [
      { categoryId: "c3", key: "tools.git" },
      { categoryId: "c2", key: "basics.python" },
      { categoryId: "c3", key: "tools.docker" },
      { categoryId: "c1", key: "ops.oncall" },
    ],
  };
  const tree = nestVersionRows(rows, {
    skill: (s) => s.key,
    category: (c, skills) => ({ key: c.key, skills }),
    level: (l, categories) => ({ id: l.id, categories }),
  });

  it("puts each category under its level and each skill under its category, keeping the rows' order", () => {
    expect(tree).toEqual([
      {
        id: "junior",
        categories: [
          { key: "basics", skills: ["basics.python"] },
          { key: "tools", skills: ["tools.git", "tools.docker"] },
        ],
      },
      { id: "senior", categories: [{ key: "ops", skills: ["ops.oncall"] }] },
    ]);
  });

  it("gives a level with no categories an empty list", () => {
    const empty = nestVersionRows(
      { levelRows: [level("mid")], categoryRows: [], skillRows: [] },
      { skill: () => 0, category: () => 0, level: (l, categories) => ({ id: l.id, categories }) },
    );
    expect(empty).toEqual([{ id: "mid", categories: [] }]);
  });
});

describe("a level's texts", () => {
  it("shows every text in both languages or in one, as the caller says", () => {
    expect(levelTexts(level("junior"), (zh, en) => ({ zh, en })).workStyleNote).toEqual({ zh: "備註", en: "note" });
    expect(levelTexts(level("junior"), (_zh, en) => en)).toEqual({
      name: "junior-name",
      tagline: "tagline",
      summary: "summary",
      workStyle: "style",
      workStyleNote: "note",
    });
  });
});

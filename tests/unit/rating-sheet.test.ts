import { describe, expect, it } from "vitest";

import { HISTORY_LIMIT, historyOf, latestValues, ratingSheet, type RatingPoint } from "@/lib/analytics/rating-sheet";

// A member's rating sheet from rows already read (lib/analytics/rating-sheet.ts).
const at = (iso: string) => new Date(iso);
const point = (over: Partial<RatingPoint>): RatingPoint => ({
  skillKey: "sql",
  kind: "self",
  raterId: "ann",
  proficiency: 2,
  notApplicable: false,
  interest: null,
  evidence: null,
  comment: null,
  quarter: "2026-Q4",
  ratedAt: at("2026-10-05T00:00:00Z"),
  raterName: "Ann",
  ...over,
});

describe("latest values of a skill", () => {
  it("takes the last self and validated points, a self value written by someone else marked imported", () => {
    const points = [
      point({ proficiency: 1 }),
      point({ kind: "manager", raterId: "lee", raterName: "Lee", proficiency: 3, comment: "ok" }),
      point({ raterId: "admin", raterName: "Admin", proficiency: 4, ratedAt: at("2026-10-09T00:00:00Z") }),
    ];
    const { self, validated } = latestValues(points, "ann");
    expect(self).toEqual({
      proficiency: 4,
      notApplicable: false,
      interest: null,
      evidence: null,
      quarter: "2026-Q4",
      ratedAt: "2026-10-09T00:00:00.000Z",
      imported: { by: "Admin", at: "2026-10-09T00:00:00.000Z" },
    });
    expect(validated).toMatchObject({ proficiency: 3, comment: "ok", raterName: "Lee" });
  });

  it("has neither when the skill was never rated", () => {
    expect(latestValues([], "ann")).toEqual({ self: null, validated: null });
  });
});

describe("history of a skill", () => {
  it("keeps the last points only, a manager's point never counted as imported", () => {
    const points = Array.from({ length: HISTORY_LIMIT + 2 }, (_, i) => point({ proficiency: i % 5 }));
    points.push(point({ kind: "manager", raterId: "lee" }));
    const history = historyOf(points, "ann");
    expect(history).toHaveLength(HISTORY_LIMIT);
    expect(history.at(-1)).toMatchObject({ kind: "manager", imported: false });
    expect(history[0]!.proficiency).toBe(3); // the 4th point (index 3) of 15: 15 − 12 = 3
  });
});

const skill = (key: string, categoryId: string, levelId: string, nameZh: string, nameEn: string) => ({
  key,
  categoryId,
  levelId,
  nameZh,
  nameEn,
  descriptionZh: "",
  descriptionEn: "",
  descriptors: null,
});

describe("the whole sheet", () => {
  const rows = {
    levelRows: [
      { id: "L1", key: "junior", position: 0, nameZh: "初階", nameEn: "Junior" },
      { id: "L2", key: "senior", position: 1, nameZh: "資深", nameEn: "Senior" },
    ],
    categoryRows: [
      { id: "C1", key: "tools", levelId: "L1", nameZh: "工具", nameEn: "Tools" },
      { id: "C2", key: "ops", levelId: "L2", nameZh: "維運", nameEn: "Ops" },
    ],
    skillRows: [
      { ...skill("sql", "C1", "L1", "查詢", "SQL"), descriptionEn: "Query" },
      skill("git", "C1", "L1", "版本", "Git"),
      skill("k8s", "C2", "L2", "容器", "K8s"),
    ],
  };
  // sql: rated this quarter; git: rated last quarter (stale); k8s: imported this quarter (to confirm).
  const sheet = ratingSheet({
    member: { id: "ann", name: "Ann" },
    framework: { frameworkId: "fw", currentLevelKey: "junior", targetLevelKey: null },
    version: {
      titleZh: "路線圖",
      titleEn: "Roadmap",
      growthTable: [{ stage: { zh: "起步", en: "Start" }, focus: { zh: "基礎", en: "Basics" } }],
      transitionPath: { steps: [{ zh: "第一步", en: "First step" }] },
    },
    rows,
    history: [
      point({ skillKey: "sql", proficiency: 3 }),
      point({ skillKey: "git", quarter: "2026-Q3" }),
      point({ skillKey: "k8s", raterId: "admin", raterName: "Admin" }),
    ],
    currentQuarter: "2026-Q4",
    locale: "zh-TW",
  });

  it("nests skills under their level and category, in the viewer's language", () => {
    expect(sheet.title).toBe("路線圖");
    expect(sheet.levels.map((l) => [l.name, l.categories.map((c) => [c.name, c.skills.map((s) => s.key)])])).toEqual([
      ["初階", [["工具", ["sql", "git"]]]],
      ["資深", [["維運", ["k8s"]]]],
    ]);
    const sql = sheet.levels[0]!.categories[0]!.skills[0]!;
    expect(sql).toMatchObject({ name: "查詢", nameEn: "SQL", description: "Query", categoryKey: "tools" });
    expect(sql.levelPosition).toBe(0);
    expect(sheet.growthTable).toEqual([{ stage: "起步", focus: "基礎" }]);
    expect(sheet.transitionSteps).toEqual([{ text: "第一步", textEn: "First step" }]);
  });

  it("counts an imported value with the stale ones, never as rated this quarter", () => {
    const stale = sheet.levels.flatMap((l) => l.categories.flatMap((c) => c.skills.map((s) => [s.key, s.stale])));
    expect(stale).toEqual([
      ["sql", false],
      ["git", true],
      ["k8s", true],
    ]);
    expect(sheet.progress).toEqual({ rated: 1, total: 3, stale: 2, unrated: 0 });
  });
});

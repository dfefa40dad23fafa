import { describe, expect, it } from "vitest";

import { matrixForRows, memberRows, roadmapAxes, type RoadmapRows } from "@/lib/analytics/heatmap-axes";
import { buildMatrix } from "@/lib/analytics/matrix";

// Two levels; category positions restart in each level, and the rows come in
// roadmap order (levels, then categories within a level).
const rows: RoadmapRows = {
  levelRows: [
    { id: "L1", key: "junior", position: 0, nameZh: "初階", nameEn: "Junior" },
    { id: "L2", key: "senior", position: 1, nameZh: "資深", nameEn: "Senior" },
  ],
  categoryRows: [
    { id: "C1", key: "tools", levelId: "L1", nameZh: "工具", nameEn: "Tools" },
    { id: "C2", key: "data", levelId: "L1", nameZh: "資料", nameEn: "Data" },
    { id: "C3", key: "ops", levelId: "L2", nameZh: "維運", nameEn: "Ops" },
  ],
  // Stored out of order: a senior skill first, and two data skills before the tools one.
  skillRows: [
    { key: "k8s", categoryId: "C3", levelId: "L2", position: 0, nameZh: "K8s 叢集", nameEn: "K8s clusters" },
    { key: "sql2", categoryId: "C2", levelId: "L1", position: 1, nameZh: "進階 SQL", nameEn: "Advanced SQL" },
    { key: "sql", categoryId: "C2", levelId: "L1", position: 0, nameZh: "SQL", nameEn: "SQL" },
    { key: "git", categoryId: "C1", levelId: "L1", position: 0, nameZh: "版本控制", nameEn: "Version control" },
  ],
};
const zh = (z: string) => z;

describe("the heatmap's columns", () => {
  it("orders skills by level, then category, then position, named in the viewer's language", () => {
    const { skills } = roadmapAxes(rows, zh);
    expect(skills).toEqual([
      { key: "git", name: "版本控制", categoryIndex: 0, levelPosition: 0, position: 0 },
      { key: "sql", name: "SQL", categoryIndex: 1, levelPosition: 0, position: 0 },
      { key: "sql2", name: "進階 SQL", categoryIndex: 1, levelPosition: 0, position: 1 },
      { key: "k8s", name: "K8s 叢集", categoryIndex: 2, levelPosition: 1, position: 0 },
    ]);
  });

  it("places each category and level by its level's position", () => {
    const { categories, levels } = roadmapAxes(rows, (_z, en) => en);
    expect(categories).toEqual([
      { key: "tools", name: "Tools", levelPosition: 0 },
      { key: "data", name: "Data", levelPosition: 0 },
      { key: "ops", name: "Ops", levelPosition: 1 },
    ]);
    expect(levels).toEqual([
      { key: "junior", name: "Junior", position: 0 },
      { key: "senior", name: "Senior", position: 1 },
    ]);
  });
});

describe("the heatmap's rows", () => {
  it("gives each member their level's position (null when unset or not in the roadmap) and whether they may be opened", () => {
    const members = memberRows(
      [
        { id: "u1", name: "Ann", levelKey: "senior", teamId: "t1", teamName: "Core" },
        { id: "u2", name: "Bo", levelKey: null, teamId: "t2", teamName: "Data" },
        { id: "u3", name: "Cy", levelKey: "principal", teamId: "t1", teamName: "Core" },
      ],
      rows.levelRows,
      (teamId) => teamId === "t1",
    );
    expect(members.map((m) => [m.name, m.levelPosition, m.mayOpen])).toEqual([
      ["Ann", 1, true],
      ["Bo", null, false],
      ["Cy", null, true],
    ]);
  });
});

describe("the matrix of a member listed twice", () => {
  const rating = (userId: string, skillKey: string, proficiency: number) => ({
    userId,
    skillKey,
    raterKind: "self" as const,
    proficiency,
    notApplicable: false,
    interest: null,
    quarter: "2026-Q4",
  });
  const latest = [rating("u1", "git", 3), rating("u1", "sql", 1), rating("u2", "git", 4)];
  const quarters = ["2026-Q4"];

  it("repeats the member's row for each time they are listed (one per team)", () => {
    const m = matrixForRows({ memberIds: ["u1", "u2", "u1"], skillKeys: ["git", "sql"], latest, quarters });
    const once = buildMatrix({ memberIds: ["u1", "u2"], skillKeys: ["git", "sql"], latest, quarters });
    expect(once.self).toBe("314.");
    for (const key of ["self", "validated", "interest", "ratedQuarter"] as const)
      expect(m[key]).toBe(once[key] + once[key].slice(0, 2));
  });

  it("is the plain matrix when everyone is listed once", () => {
    const input = { memberIds: ["u1", "u2"], skillKeys: ["git", "sql"], latest, quarters };
    expect(matrixForRows(input)).toEqual(buildMatrix(input));
  });
});

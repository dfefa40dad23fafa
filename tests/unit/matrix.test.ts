import { describe, expect, it } from "vitest";

import {
  buildMatrix,
  categoryRollup,
  coverageBySkill,
  coverageRisk,
  decodeValue,
  legendCounts,
  NOT_APPLICABLE,
  sortMembers,
  sortSkills,
  UNRATED,
  valuesFor,
} from "@/lib/analytics/matrix";
import { cellGlyph, NA_FILL, proficiencyColor, textColorOn, UNRATED_FILL } from "@/lib/charts/colors";

const r = (
  userId: string,
  skillKey: string,
  raterKind: "self" | "manager",
  proficiency: number | null,
  extra: Partial<{ notApplicable: boolean; interest: number | null; quarter: string }> = {},
) => ({
  userId,
  skillKey,
  raterKind,
  proficiency,
  notApplicable: false,
  interest: null,
  quarter: "2026-Q4",
  ...extra,
});

describe("building the compact matrix", () => {
  const matrix = buildMatrix({
    memberIds: ["ann", "bob"],
    skillKeys: ["k8s", "mlflow", "sql"],
    quarters: ["2026-Q3", "2026-Q4"],
    latest: [
      r("ann", "k8s", "self", 4, { interest: 2 }),
      r("ann", "k8s", "manager", 2),
      r("ann", "mlflow", "self", null, { notApplicable: true }),
      r("bob", "sql", "self", 1, { quarter: "2026-Q3" }),
      r("bob", "mlflow", "manager", 3),
      r("zed", "k8s", "self", 4), // not in this team: ignored
      r("ann", "retired-skill", "self", 4), // not in this framework version: ignored
    ],
  });

  it("encodes one character per member × skill, row-major", () => {
    expect(matrix).toEqual({ self: "4n...1", validated: "2...3.", interest: "2.....", ratedQuarter: "11...0" });
  });

  it("reads each source: self, validated, or validated-else-self", () => {
    expect([...valuesFor(matrix, "self")]).toEqual([4, NOT_APPLICABLE, UNRATED, UNRATED, UNRATED, 1]);
    expect([...valuesFor(matrix, "validated")]).toEqual([2, UNRATED, UNRATED, UNRATED, 3, UNRATED]);
    expect([...valuesFor(matrix, "effective")]).toEqual([2, NOT_APPLICABLE, UNRATED, UNRATED, 3, 1]);
  });

  it("decodes unknown characters as not rated", () => {
    expect(decodeValue(undefined)).toBe(UNRATED);
    expect(decodeValue(".")).toBe(UNRATED);
    expect(decodeValue("n")).toBe(NOT_APPLICABLE);
  });
});

describe("coverage, roll-up and legend", () => {
  // 3 members × 2 skills: skill 0 held at ≥3 by two people; skill 1 by one.
  const values = Int8Array.from([3, 4, 4, 1, 2, NOT_APPLICABLE]);

  it("counts members at ≥ 3 and ≥ 4 and names the holders", () => {
    expect(coverageBySkill(values, 3, 2)).toEqual([
      { atLeast3: 2, atLeast4: 1, holders: [0, 1], rated: 3 },
      { atLeast3: 1, atLeast4: 1, holders: [0], rated: 2 },
    ]);
  });

  it("calls out skills nobody or exactly one person holds", () => {
    expect(coverageRisk({ atLeast3: 0, atLeast4: 0, holders: [], rated: 2 })).toBe("missing");
    expect(coverageRisk({ atLeast3: 1, atLeast4: 0, holders: [4], rated: 2 })).toBe("single");
    expect(coverageRisk({ atLeast3: 2, atLeast4: 0, holders: [1, 4], rated: 2 })).toBeNull();
  });

  it("averages a member's category, leaving out not rated and not applicable", () => {
    expect(categoryRollup(values, 3, [0, 0], 1)).toEqual([3.5, 2.5, 2]);
    expect(categoryRollup(Int8Array.from([UNRATED, NOT_APPLICABLE]), 1, [0, 1], 2)).toEqual([null, null]);
  });

  it("counts each proficiency for the legend", () => {
    expect(legendCounts(Int8Array.from([0, 3, 3, 4, UNRATED, NOT_APPLICABLE]))).toEqual({
      byValue: [1, 0, 0, 2, 1],
      unrated: 1,
      notApplicable: 1,
    });
  });
});

describe("sorting", () => {
  const members = [
    { name: "Cleo", levelPosition: 0 },
    { name: "Ann", levelPosition: 2 },
    { name: "Bob", levelPosition: null },
  ];
  const values = Int8Array.from([4, 4, 1, 1, 2, 3]); // 2 skills: Cleo 8, Ann 2, Bob 5

  it("sorts members by name, by level (senior first) or by total", () => {
    expect(sortMembers(members, values, 2, "name")).toEqual([1, 2, 0]);
    expect(sortMembers(members, values, 2, "level")).toEqual([1, 0, 2]);
    expect(sortMembers(members, values, 2, "total")).toEqual([0, 2, 1]);
  });

  it("keeps members grouped by team first when teams are given", () => {
    const grouped = members.map((m, i) => ({ ...m, teamName: i === 1 ? "B team" : "A team" }));
    expect(sortMembers(grouped, values, 2, "name")).toEqual([2, 0, 1]);
  });

  it("sorts skills in roadmap order or thinnest coverage first", () => {
    const skills = [
      { levelPosition: 1, categoryIndex: 2, position: 0 },
      { levelPosition: 0, categoryIndex: 0, position: 1 },
      { levelPosition: 0, categoryIndex: 0, position: 0 },
    ];
    const coverage = [
      { atLeast3: 0, atLeast4: 0, holders: [], rated: 1 },
      { atLeast3: 3, atLeast4: 1, holders: [], rated: 3 },
      { atLeast3: 1, atLeast4: 0, holders: [], rated: 3 },
    ];
    expect(sortSkills(skills, coverage, "category")).toEqual([2, 1, 0]);
    expect(sortSkills(skills, coverage, "coverage")).toEqual([0, 2, 1]);
  });
});

describe("colour scale", () => {
  it("maps 0–4 to distinct viridis colours, darker for higher proficiency", () => {
    const colours = [0, 1, 2, 3, 4].map(proficiencyColor);
    expect(new Set(colours).size).toBe(5);
    expect(textColorOn(proficiencyColor(0))).toBe("#000000");
    expect(textColorOn(proficiencyColor(4))).toBe("#ffffff");
  });

  it("keeps not rated and not applicable off the scale, with their own glyphs", () => {
    expect(proficiencyColor(UNRATED)).toBe(UNRATED_FILL);
    expect(proficiencyColor(NOT_APPLICABLE)).toBe(NA_FILL);
    expect([UNRATED, NOT_APPLICABLE, 0, 3].map(cellGlyph)).toEqual(["", "–", "0", "3"]);
  });
});

import { describe, expect, it } from "vitest";

import {
  bands,
  buildModel,
  personHref,
  personName,
  rowLabel,
  type Column,
  type ViewState,
} from "@/components/heatmap/model";
import type { HeatmapDto } from "@/lib/data/heatmap";

// Three people × three skills. Skills 0 and 1 (k8s, sql) are in category 0
// (Platform, level 0); skill 2 (mlflow) is in category 1 (ML, level 1).
// Members in DTO order: Cy, Ann, Bo. Row-major cells, one character each:
//            k8s sql mlflow
//   Cy self   4   3   1      validated 2 . .   → effective 2  3  1
//   Ann self  2   .   n      validated . . .   → effective 2 -1 -2
//   Bo self   3   0   3      validated . . 4   → effective 3  0  4
type Member = HeatmapDto["members"][number];
const member = (id: string, name: string, levelPosition: number | null, over: Partial<Member> = {}): Member => ({
  id,
  name,
  teamId: "team-data",
  teamName: "Data",
  levelPosition,
  mayOpen: false,
  ...over,
});

const heatmap = (over: Partial<HeatmapDto> = {}): HeatmapDto => ({
  self: "4312.n303",
  validated: "2.......4",
  interest: ".........",
  ratedQuarter: ".........",
  asOf: "2026-11-15T00:00:00.000Z",
  live: true,
  frameworkId: "fw-1",
  scope: { kind: "team", id: "team-data", name: "Data", canEdit: false },
  frameworkTitle: "Data engineering",
  quarter: "2026-Q4",
  currentQuarter: "2026-Q4",
  quarters: ["2026-Q4"],
  members: [member("u-cy", "Cy", 1, { mayOpen: true }), member("u-ann", "Ann", 2), member("u-bo", "Bo", null)],
  skills: [
    { key: "k8s", name: "Kubernetes", categoryIndex: 0, levelPosition: 0, position: 0 },
    { key: "sql", name: "SQL", categoryIndex: 0, levelPosition: 0, position: 1 },
    { key: "mlflow", name: "MLflow", categoryIndex: 1, levelPosition: 1, position: 0 },
  ],
  categories: [
    { key: "platform", name: "Platform", levelPosition: 0 },
    { key: "ml", name: "ML", levelPosition: 1 },
  ],
  levels: [
    { key: "junior", name: "Junior", position: 0 },
    { key: "senior", name: "Senior", position: 1 },
  ],
  ...over,
});

const view = (over: Partial<ViewState> = {}): ViewState => ({
  source: "effective",
  memberSort: "name",
  skillSort: "category",
  level: "all",
  category: "all",
  memberQuery: "",
  collapsed: new Set(),
  ...over,
});

const skill = (s: number): Column => ({ kind: "skill", skill: s });
const category = (c: number): Column => ({ kind: "category", category: c });

describe("the heatmap model: values and rows", () => {
  it("reads the chosen source: effective is validated where present, else self", () => {
    expect([...buildModel(heatmap(), view({ source: "effective" })).values]).toEqual([2, 3, 1, 2, -1, -2, 3, 0, 4]);
    expect([...buildModel(heatmap(), view({ source: "self" })).values]).toEqual([4, 3, 1, 2, -1, -2, 3, 0, 3]);
    expect([...buildModel(heatmap(), view({ source: "validated" })).values]).toEqual([
      2, -1, -1, -1, -1, -1, -1, -1, 4,
    ]);
  });

  it("orders rows by name, by level (senior first, no level last) or by total of the chosen source", () => {
    expect(buildModel(heatmap(), view({ memberSort: "name" })).rows).toEqual([1, 2, 0]);
    expect(buildModel(heatmap(), view({ memberSort: "level" })).rows).toEqual([1, 0, 2]);
    // Effective totals: Cy 6, Ann 2 (unrated and N/A count 0), Bo 7; self totals: Cy 8, Ann 2, Bo 6.
    expect(buildModel(heatmap(), view({ memberSort: "total" })).rows).toEqual([2, 0, 1]);
    expect(buildModel(heatmap(), view({ memberSort: "total", source: "self" })).rows).toEqual([0, 2, 1]);
  });

  it("keeps only people whose name matches the query, trimmed and case-insensitive", () => {
    expect(buildModel(heatmap(), view({ memberQuery: "  ANN " })).rows).toEqual([1]);
    expect(buildModel(heatmap(), view({ memberQuery: "b" })).rows).toEqual([2]);
    expect(buildModel(heatmap(), view({ memberQuery: "zed" })).rows).toEqual([]);
    expect(buildModel(heatmap(), view({ memberQuery: "   " })).rows).toEqual([1, 2, 0]);
  });

  it("matches the query against the team's name too, in the org view", () => {
    const dto = heatmap({
      scope: { kind: "org", teams: 2, excludedTeams: [] },
      members: [
        member("u-cy", "Cy", 1),
        member("u-ann", "Ann", 2, { teamId: "team-apps", teamName: "Apps" }),
        member("u-bo", "Bo", null),
      ],
    });
    expect(buildModel(dto, view()).rows).toEqual([1, 2, 0]);
    expect(buildModel(dto, view({ memberQuery: "apps" })).rows).toEqual([1]);
    expect(buildModel(dto, view({ memberQuery: "data" })).rows).toEqual([2, 0]);
  });

  it("groups rows by team before the chosen order", () => {
    const dto = heatmap({
      members: [
        member("u-cy", "Cy", 1),
        member("u-ann", "Ann", 2, { teamName: "Ops" }),
        member("u-bo", "Bo", null, { teamName: "Apps" }),
      ],
    });
    expect(buildModel(dto, view({ memberSort: "name" })).rows).toEqual([2, 0, 1]);
  });
});

describe("the heatmap model: coverage counts only the people shown", () => {
  it("counts everyone when nobody is filtered out", () => {
    expect(buildModel(heatmap(), view()).coverage).toEqual([
      { atLeast3: 1, atLeast4: 0, holders: [2], rated: 3 },
      { atLeast3: 1, atLeast4: 0, holders: [0], rated: 2 },
      { atLeast3: 1, atLeast4: 1, holders: [2], rated: 2 },
    ]);
  });

  it("leaves out people the query hides (N/A and unrated are not rated)", () => {
    expect(buildModel(heatmap(), view({ memberQuery: "ann" })).coverage).toEqual([
      { atLeast3: 0, atLeast4: 0, holders: [], rated: 1 },
      { atLeast3: 0, atLeast4: 0, holders: [], rated: 0 },
      { atLeast3: 0, atLeast4: 0, holders: [], rated: 0 },
    ]);
  });

  it("orders columns by thinnest coverage among the people shown", () => {
    // Self, everyone: k8s has two at ≥ 3, sql and mlflow one each (roadmap order breaks the tie).
    expect(buildModel(heatmap(), view({ source: "self", skillSort: "coverage" })).columns).toEqual([
      skill(1),
      skill(2),
      skill(0),
    ]);
    // Self, Cy only: mlflow 1 (none), sql 3 (one at ≥ 3), k8s 4 (one at ≥ 3 and at ≥ 4).
    expect(buildModel(heatmap(), view({ source: "self", skillSort: "coverage", memberQuery: "cy" })).columns).toEqual([
      skill(2),
      skill(1),
      skill(0),
    ]);
  });
});

describe("the heatmap model: columns", () => {
  it("lists every skill in roadmap order when grouped by category", () => {
    const dto = heatmap();
    dto.skills = [dto.skills[2]!, dto.skills[1]!, dto.skills[0]!];
    expect(buildModel(dto, view()).columns).toEqual([skill(2), skill(1), skill(0)]);
  });

  it("keeps only the skills of the chosen level and category", () => {
    expect(buildModel(heatmap(), view({ level: 1 })).columns).toEqual([skill(2)]);
    expect(buildModel(heatmap(), view({ level: 0 })).columns).toEqual([skill(0), skill(1)]);
    expect(buildModel(heatmap(), view({ category: 0 })).columns).toEqual([skill(0), skill(1)]);
    expect(buildModel(heatmap(), view({ level: 1, category: 0 })).columns).toEqual([]);
  });

  it("shows a collapsed category as one column where its first skill was", () => {
    expect(buildModel(heatmap(), view({ collapsed: new Set([0]) })).columns).toEqual([category(0), skill(2)]);
    expect(buildModel(heatmap(), view({ collapsed: new Set([1]) })).columns).toEqual([skill(0), skill(1), category(1)]);
    expect(buildModel(heatmap(), view({ collapsed: new Set([0, 1]) })).columns).toEqual([category(0), category(1)]);
  });

  it("shows no column for a collapsed category whose skills are all filtered out", () => {
    expect(buildModel(heatmap(), view({ collapsed: new Set([0]), category: 1 })).columns).toEqual([skill(2)]);
    expect(buildModel(heatmap(), view({ collapsed: new Set([0]), level: 1 })).columns).toEqual([skill(2)]);
  });

  it("ignores collapsed categories when sorted by coverage", () => {
    // Effective coverage: k8s and sql one at ≥ 3, mlflow one at ≥ 3 and one at ≥ 4.
    expect(buildModel(heatmap(), view({ skillSort: "coverage", collapsed: new Set([0, 1]) })).columns).toEqual([
      skill(0),
      skill(1),
      skill(2),
    ]);
  });
});

describe("the heatmap model: legend and rollup", () => {
  it("counts the legend over every shown cell", () => {
    expect(buildModel(heatmap(), view()).legend).toEqual({ byValue: [1, 1, 2, 2, 1], unrated: 1, notApplicable: 1 });
  });

  it("leaves hidden rows, filtered skills and collapsed categories out of the legend", () => {
    expect(buildModel(heatmap(), view({ memberQuery: "bo" })).legend).toEqual({
      byValue: [1, 0, 0, 1, 1],
      unrated: 0,
      notApplicable: 0,
    });
    expect(buildModel(heatmap(), view({ category: 0 })).legend).toEqual({
      byValue: [1, 0, 2, 2, 0],
      unrated: 1,
      notApplicable: 0,
    });
    expect(buildModel(heatmap(), view({ collapsed: new Set([0]) })).legend).toEqual({
      byValue: [0, 1, 0, 0, 1],
      unrated: 0,
      notApplicable: 1,
    });
    expect(buildModel(heatmap(), view({ level: 1, category: 0 })).legend).toEqual({
      byValue: [0, 0, 0, 0, 0],
      unrated: 0,
      notApplicable: 0,
    });
  });

  it("rolls each person's category up to a mean of rated skills, null where none is rated", () => {
    // Per member (DTO order) × category: Cy (2+3)/2, 1; Ann 2, N/A only; Bo (3+0)/2, 4.
    expect(buildModel(heatmap(), view()).rollup).toEqual([2.5, 1, 2, null, 1.5, 4]);
    expect(buildModel(heatmap(), view({ source: "self" })).rollup).toEqual([3.5, 1, 2, null, 1.5, 3]);
  });

  it("indexes the rollup by member, whoever the query hides", () => {
    expect(buildModel(heatmap(), view({ memberQuery: "bo" })).rollup).toEqual([2.5, 1, 2, null, 1.5, 4]);
  });

  it("gives each skill its category", () => {
    expect(buildModel(heatmap(), view()).skillCategory).toEqual([0, 0, 1]);
  });
});

describe("column bands", () => {
  const categoryOf = (c: Column) => (c.kind === "skill" ? [0, 0, 1][c.skill]! : c.category);

  it("merges consecutive columns with the same key", () => {
    expect(bands([skill(0), skill(1), skill(2)], categoryOf)).toEqual([
      { key: 0, start: 0, end: 2 },
      { key: 1, start: 2, end: 3 },
    ]);
    expect(bands([category(0), skill(2)], categoryOf)).toEqual([
      { key: 0, start: 0, end: 1 },
      { key: 1, start: 1, end: 2 },
    ]);
  });

  it("starts a new band when a key comes back after another", () => {
    expect(bands([skill(0), skill(2), skill(1)], categoryOf)).toEqual([
      { key: 0, start: 0, end: 1 },
      { key: 1, start: 1, end: 2 },
      { key: 0, start: 2, end: 3 },
    ]);
  });

  it("has no band without columns", () => {
    expect(bands([], categoryOf)).toEqual([]);
  });
});

describe("row labels and links", () => {
  const left = " (left the team)";

  it("names the person on a team page, with the suffix only for someone who has left", () => {
    const dto = heatmap({ members: [member("u-cy", "Cy", 1), member("u-ann", "Ann", 2, { left: true })] });
    expect(rowLabel(dto, 0, left)).toBe("Cy");
    expect(rowLabel(dto, 1, left)).toBe("Ann (left the team)");
    expect(rowLabel(dto, 1)).toBe("Ann");
  });

  it("puts the team before the person in the org view", () => {
    const dto = heatmap({
      scope: { kind: "org", teams: 2, excludedTeams: [] },
      members: [member("u-ann", "Ann", 2, { teamName: "Apps", left: true })],
    });
    expect(rowLabel(dto, 0)).toBe("Apps · Ann");
    expect(rowLabel(dto, 0, left)).toBe("Apps · Ann (left the team)");
  });

  it("adds the suffix to a person's name only when they have left", () => {
    expect(personName(member("u-ann", "Ann", 2, { left: true }), left)).toBe("Ann (left the team)");
    expect(personName(member("u-ann", "Ann", 2, { left: false }), left)).toBe("Ann");
    expect(personName(member("u-ann", "Ann", 2), left)).toBe("Ann");
  });

  it("links to the person's page, only when the viewer may open it", () => {
    const dto = heatmap({
      members: [
        member("u-cy", "Cy", 1, { mayOpen: true, teamId: "team-apps" }),
        member("u-ann", "Ann", 2, { mayOpen: false }),
      ],
    });
    expect(personHref(dto, 0)).toBe("/people/u-cy");
    expect(personHref(dto, 1)).toBeNull();
  });
});

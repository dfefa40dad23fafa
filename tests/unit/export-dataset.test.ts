import { describe, expect, it } from "vitest";

import type { HeatmapDto } from "@/lib/data/heatmap";
import { exportFilename, planningDataset } from "@/lib/export/dataset";

// The export's shape from what the data layer read (lib/export/dataset.ts),
// on a two-team org: 3 people × 2 skills, one cell per character.
//            sql git
//   Ann (A)  3   4     validated git = 2 → effective 3 2
//   Bo  (A)  1   .
//   Cy  (B)  4   n
const heatmap: HeatmapDto = {
  self: "341.4n",
  validated: ".2....",
  interest: "......",
  ratedQuarter: "......",
  asOf: "2026-10-01T00:00:00.000Z",
  live: false,
  frameworkId: "fw",
  scope: { kind: "org", teams: 2, excludedTeams: [] },
  frameworkTitle: "Data roadmap",
  quarter: "2026-Q3",
  currentQuarter: "2026-Q4",
  quarters: ["2026-Q3", "2026-Q4"],
  members: [
    { id: "ann", name: "Ann", teamId: "a", teamName: "Alpha", levelPosition: 0, mayOpen: true },
    { id: "bo", name: "Bo", teamId: "a", teamName: "Alpha", levelPosition: null, mayOpen: true },
    { id: "cy", name: "Cy", teamId: "b", teamName: "Beta", levelPosition: 1, mayOpen: true },
  ],
  skills: [
    { key: "sql", name: "SQL", categoryIndex: 0, levelPosition: 0, position: 0 },
    { key: "git", name: "Git", categoryIndex: 0, levelPosition: 0, position: 1 },
  ],
  categories: [{ key: "tools", name: "Tools", levelPosition: 0 }],
  levels: [{ key: "junior", name: "Junior", position: 0 }],
};

const dataset = () =>
  planningDataset({
    scope: "org",
    quarter: "2026-Q3",
    asOf: new Date(heatmap.asOf),
    locale: "en",
    heatmap,
    teamIds: ["a", "b"],
    teamNames: new Map([
      ["a", "Alpha"],
      ["b", "Beta"],
    ]),
    emails: new Map([
      ["ann", "ann@x.test"],
      ["bo", "bo@x.test"],
      ["cy", "cy@x.test"],
    ]),
    levelKeys: new Map([
      ["a|ann", "junior"],
      ["b|cy", "senior"],
    ]),
    notes: new Map([["ann|git|manager", { rater: { id: "lead", name: "Lee" }, evidence: null, comment: "seen it" }]]),
    analyses: [],
  });

describe("the planning export's shape", () => {
  it("gives each person their level at the moment, and each rating its three values and who entered it", () => {
    const d = dataset();
    expect(d.people).toEqual([
      { email: "ann@x.test", name: "Ann", team: "Alpha", currentLevel: "junior" },
      { email: "bo@x.test", name: "Bo", team: "Alpha", currentLevel: null },
      { email: "cy@x.test", name: "Cy", team: "Beta", currentLevel: "senior" },
    ]);
    const annGit = d.ratings.find((r) => r.email === "ann@x.test" && r.skillKey === "git")!;
    expect(annGit).toMatchObject({
      self: 4,
      validated: 2,
      effective: 2,
      source: "lead",
      ratedBy: "Lee",
      leadComment: "seen it",
    });
    expect(d.ratings.find((r) => r.email === "cy@x.test" && r.skillKey === "git")).toMatchObject({
      self: "na",
      validated: null,
      effective: "na",
    });
    expect(d.ratings.find((r) => r.email === "bo@x.test" && r.skillKey === "git")).toMatchObject({
      self: null,
      effective: null,
      source: null,
    });
  });

  it("counts coverage per team in an org export, over effective values", () => {
    const coverage = dataset().coverage.map((c) => [c.team, c.skillKey, c.atLeast3, c.atLeast4]);
    expect(coverage).toEqual([
      ["Alpha", "sql", 1, 0],
      ["Alpha", "git", 0, 0],
      ["Beta", "sql", 1, 1],
      ["Beta", "git", 0, 0],
    ]);
  });

  it("names the file after the team or the organisation, in ASCII", () => {
    expect(exportFilename({ scope: { kind: "org", team: null }, quarter: "2026-Q3" })).toBe(
      "skillgrid-organisation-2026-Q3",
    );
    expect(
      exportFilename({ scope: { kind: "team", team: { id: "a", name: "ML Platform" } }, quarter: "2026-Q3" }),
    ).toBe("skillgrid-ml-platform-2026-Q3");
    expect(exportFilename({ scope: { kind: "team", team: { id: "a", name: "資料平台" } }, quarter: "2026-Q3" })).toBe(
      "skillgrid-team-2026-Q3",
    );
  });
});

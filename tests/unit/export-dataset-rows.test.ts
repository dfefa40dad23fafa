import { describe, expect, it } from "vitest";

import type { PriorityItem } from "@/lib/analytics/gaps";
import type { TargetDto } from "@/lib/analytics/team-analysis";
import { priorityRows, targetRows } from "@/lib/export/dataset";
import { translatorFor } from "@/lib/i18n/translator";

// The planning export's targets and priorities (lib/export/dataset.ts), from each team's analysis.
const target: TargetDto = {
  id: "t1",
  kind: "skill",
  key: "sql",
  name: "SQL",
  level: 3,
  headcount: 2,
  targetQuarter: "2027-Q1",
  importance: 2,
  readiness: 0.5,
  inRoadmap: true,
  requirements: [
    {
      targetId: "t1",
      skillKey: "sql",
      skillName: "SQL",
      level: 3,
      headcount: 2,
      coverage: 1,
      gap: 1,
      balance: -1,
      risk: "single",
      holders: ["Ann"],
    },
  ],
  trend: [],
};
const item = (skillKey: string, score: number, candidates: string[]): PriorityItem => ({
  targetId: "t1",
  targetName: "SQL",
  skillKey,
  skillName: skillKey.toUpperCase(),
  level: 3,
  headcount: 2,
  coverage: 1,
  gap: 1,
  risk: "single",
  targetQuarter: "2027-Q1",
  quartersLeft: 1,
  importance: 2,
  recommendation: candidates.length ? "train" : "hire",
  candidates: candidates.map((name, member) => ({ member, name, current: 2, interest: 1, alsoCloses: 0 })),
  near: candidates.length,
  score,
  scoreParts: { gap: 20, importance: 20, urgency: 20, risk: 12 },
});

describe("export rows of each team's analysis", () => {
  it("gives every target its team, readiness and per-skill coverage and gap", () => {
    const rows = targetRows([
      { team: { name: "Alpha" }, targets: [target], priorities: [] },
      { team: { name: "Beta" }, targets: [], priorities: [] },
    ]);
    expect(rows).toEqual([
      {
        team: "Alpha",
        name: "SQL",
        kind: "skill",
        level: 3,
        headcount: 2,
        targetQuarter: "2027-Q1",
        readiness: 0.5,
        skills: [{ skillKey: "sql", coverage: 1, gap: 1 }],
      },
    ]);
  });

  it("ranks priorities from 1 within each team, with candidates by name and an explanation", () => {
    const rows = priorityRows(
      [
        { team: { name: "Alpha" }, targets: [], priorities: [item("sql", 72, ["Bo"]), item("git", 60, [])] },
        { team: { name: "Beta" }, targets: [], priorities: [item("k8s", 90, [])] },
      ],
      translatorFor("en", "vision"),
    );
    expect(rows.map((r) => [r.team, r.rank, r.skillKey, r.recommendation, r.score, r.candidates])).toEqual([
      ["Alpha", 1, "sql", "train", 72, ["Bo"]],
      ["Alpha", 2, "git", "hire", 60, []],
      ["Beta", 1, "k8s", "hire", 90, []],
    ]);
    expect(rows[0]).toMatchObject({ skillName: "SQL", target: "SQL", level: 3, headcount: 2, coverage: 1, gap: 1 });
    // Explained in the export's language, the same sentence in every format.
    // Explained in the export's language, from the same messages as the vision page.
    expect(rows[0]!.explanation).toBe(
      "1 interested person within two points of level 3 can close the gap of 1. Needs 2 people at ≥ 3, has 1.",
    );
    expect(rows[1]!.explanation).toBe(
      "Nobody is within two points of level 3: hire 1 person. Needs 2 people at ≥ 3, has 1.",
    );
  });
});

import { describe, expect, it } from "vitest";

import {
  analyseTeamRows,
  capabilityOptions,
  lookups,
  resolveTargets,
  type LatestRating,
} from "@/lib/analytics/team-analysis";

// A team's vision from rows already read (lib/analytics/team-analysis.ts).
// Roadmap: skills sql and git (live); capability "data" links sql at 3, git
// without a level (counts as 3) and a retired skill (left out).
const skills = [
  { id: "s1", key: "sql", nameZh: "資料庫查詢", nameEn: "SQL" },
  { id: "s2", key: "git", nameZh: "", nameEn: "Git" },
];
const capabilityRows = [
  { key: "data", nameZh: "資料", nameEn: "Data", importance: 3, skillId: "s1", level: 4 },
  { key: "data", nameZh: "資料", nameEn: "Data", importance: 3, skillId: "s2", level: null },
  { key: "data", nameZh: "資料", nameEn: "Data", importance: 3, skillId: "retired", level: 4 },
  { key: "empty", nameZh: "空", nameEn: "Empty", importance: 1, skillId: null, level: null },
];
const target = (over: Partial<Parameters<typeof resolveTargets>[0][number]>) => ({
  id: "t",
  kind: "skill" as const,
  capabilityKey: null,
  skillKey: null,
  requiredProficiency: 3,
  requiredHeadcount: 2,
  targetQuarter: "2027-Q1",
  importance: 2,
  ...over,
});
type Kind = "self" | "manager";
const rating = (
  userId: string,
  skillKey: string,
  raterKind: Kind,
  proficiency: number | null,
  over: Partial<LatestRating> = {},
): LatestRating => ({ userId, skillKey, raterKind, proficiency, notApplicable: false, interest: null, ...over });
const members = [
  { id: "ann", name: "Ann" },
  { id: "bo", name: "Bo" },
];

describe("effective proficiency and interest lookups", () => {
  it("takes the validated value where there is one, else self, and interest from the self rating", () => {
    const l = lookups(members, [
      rating("ann", "sql", "self", 4, { interest: 2 }),
      rating("ann", "sql", "manager", 2),
      rating("bo", "sql", "self", 3, { interest: 1 }),
      rating("bo", "git", "self", 4, { notApplicable: true }),
    ]);
    expect(l.proficiency(0, "sql")).toBe(2);
    expect(l.proficiency(1, "sql")).toBe(3);
    expect(l.interest(0, "sql")).toBe(2);
    expect(l.interest(1, "sql")).toBe(1);
    // Not applicable counts as no value; never rated is none either.
    expect(l.proficiency(1, "git")).toBeNull();
    expect(l.proficiency(0, "git")).toBeNull();
  });

  it("lets a validated 'not applicable' override a self value", () => {
    const l = lookups(members, [
      rating("ann", "sql", "self", 4),
      rating("ann", "sql", "manager", 3, { notApplicable: true }),
    ]);
    expect(l.proficiency(0, "sql")).toBeNull();
  });
});

describe("capability options", () => {
  it("gathers each capability's live skills and the highest level they need (3 when a link has none)", () => {
    expect(capabilityOptions(capabilityRows, skills, "en")).toEqual([
      { key: "data", name: "Data", importance: 3, level: 4, skills: ["sql", "git"] },
      { key: "empty", name: "Empty", importance: 1, level: 0, skills: [] },
    ]);
    const unlevelled = capabilityOptions([capabilityRows[1]!], skills, "zh-TW");
    expect(unlevelled).toEqual([{ key: "data", name: "資料", importance: 3, level: 3, skills: ["git"] }]);
  });
});

describe("targets as the analysis reads them", () => {
  const caps = capabilityOptions(capabilityRows, skills, "zh-TW");

  it("names a capability target after its capability and needs its live skills", () => {
    const [t] = resolveTargets([target({ kind: "capability", capabilityKey: "data" })], caps, skills, "zh-TW");
    expect(t).toMatchObject({
      name: "資料",
      skills: [
        { key: "sql", name: "資料庫查詢" },
        { key: "git", name: "Git" },
      ],
    });
  });

  it("keeps a target whose skill left the roadmap under its key, with no skills", () => {
    const [gone, kept] = resolveTargets([target({ skillKey: "k8s" }), target({ skillKey: "git" })], caps, skills, "en");
    expect(gone).toMatchObject({ name: "k8s", skills: [] });
    expect(kept).toMatchObject({ name: "Git", skills: [{ key: "git", name: "Git" }], level: 3, headcount: 2 });
  });
});

describe("the whole analysis", () => {
  // Target: two people at ≥3 in SQL by 2027-Q1. Ann is at 3 now (2 last quarter);
  // Bo at 2 with interest: one short, Bo a training candidate.
  const analysis = analyseTeamRows({
    members,
    skills,
    capabilityRows,
    targetRows: [target({ id: "t1", skillKey: "sql" })],
    snapshots: [
      { quarter: "2026-Q3", ratings: [rating("ann", "sql", "self", 2)] },
      {
        quarter: "2026-Q4",
        ratings: [rating("ann", "sql", "self", 3), rating("bo", "sql", "self", 2, { interest: 1 })],
      },
    ],
    locale: "en",
  });

  it("reports each target's readiness now and per trend quarter, with holders by name", () => {
    expect(analysis.targets).toHaveLength(1);
    expect(analysis.targets[0]).toMatchObject({
      id: "t1",
      key: "sql",
      name: "SQL",
      readiness: 0.5,
      inRoadmap: true,
      trend: [
        { quarter: "2026-Q3", readiness: 0 },
        { quarter: "2026-Q4", readiness: 0.5 },
      ],
    });
    const [requirement] = analysis.targets[0]!.requirements;
    expect(requirement).toMatchObject({ coverage: 1, gap: 1, risk: "single", holders: ["Ann"] });
  });

  it("ranks the gap as of the last snapshot's quarter, with Bo as the one to train", () => {
    expect(analysis.priorities).toHaveLength(1);
    expect(analysis.priorities[0]).toMatchObject({ skillKey: "sql", gap: 1, recommendation: "train", quartersLeft: 1 });
    expect(analysis.priorities[0]!.candidates.map((c) => c.name)).toEqual(["Bo"]);
    expect(analysis.skills).toEqual([
      { key: "sql", name: "SQL" },
      { key: "git", name: "Git" },
    ]);
    expect(analysis.requirements.map((r) => r.skillKey)).toEqual(["sql"]);
  });
});

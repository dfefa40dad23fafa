import { describe, expect, it } from "vitest";

import { levelName, recentChanges, statedInterests, withoutNotes } from "@/lib/analytics/person-summary";
import type { HistoryPoint, RatingSheetDto, SkillRatingDto } from "@/lib/analytics/rating-sheet";

const point = (kind: "self" | "manager", proficiency: number, ratedAt: string): HistoryPoint => ({
  kind,
  imported: false,
  proficiency,
  notApplicable: false,
  quarter: "2026-Q4",
  ratedAt,
});
const skill = (key: string, interest: number | null, history: HistoryPoint[]): SkillRatingDto => ({
  key,
  name: key.toUpperCase(),
  nameEn: key,
  description: "",
  descriptors: null,
  categoryKey: "c",
  levelPosition: 0,
  self: {
    proficiency: 2,
    notApplicable: false,
    interest,
    evidence: `note ${key}`,
    quarter: "2026-Q4",
    ratedAt: "2026-10-01T00:00:00.000Z",
    imported: null,
  },
  validated: {
    proficiency: 2,
    notApplicable: false,
    comment: `seen ${key}`,
    raterName: "Lead",
    quarter: "2026-Q4",
    ratedAt: "2026-10-02T00:00:00.000Z",
  },
  history,
  stale: false,
  discrepancy: false,
});
const sheet = {
  levels: [
    {
      key: "junior",
      name: "Junior",
      position: 0,
      categories: [
        {
          key: "c",
          name: "C",
          skills: [
            skill("git", 1, [
              point("self", 1, "2026-10-01T00:00:00.000Z"),
              point("manager", 2, "2026-10-03T00:00:00.000Z"),
            ]),
            skill("k8s", 2, [point("self", 3, "2026-10-02T00:00:00.000Z")]),
            skill("sql", null, []),
          ],
        },
      ],
    },
  ],
} as unknown as RatingSheetDto;

describe("the person page's summaries of a rating sheet", () => {
  it("lists the latest changes across skills, newest first, up to the limit", () => {
    expect(recentChanges(sheet, 2).map((c) => [c.skillKey, c.kind, c.proficiency])).toEqual([
      ["git", "manager", 2],
      ["k8s", "self", 3],
    ]);
  });

  it("lists stated interests, most eager first, leaving out none", () => {
    expect(statedInterests(sheet)).toEqual([
      { skillKey: "k8s", skillName: "K8S", interest: 2 },
      { skillKey: "git", skillName: "GIT", interest: 1 },
    ]);
  });

  it("drops evidence notes and leads' comments, keeping the values", () => {
    const skills = withoutNotes(sheet).levels[0]!.categories[0]!.skills;
    expect(skills.map((s) => [s.self?.evidence, s.validated?.comment, s.self?.proficiency])).toEqual([
      [null, null, 2],
      [null, null, 2],
      [null, null, 2],
    ]);
    expect(sheet.levels[0]!.categories[0]!.skills[0]!.self?.evidence).toBe("note git");
  });

  it("names a level by its key, or shows the key when the roadmap no longer has it", () => {
    expect(levelName(sheet, "junior")).toBe("Junior");
    expect(levelName(sheet, "principal")).toBe("principal");
    expect(levelName(sheet, null)).toBeNull();
  });
});

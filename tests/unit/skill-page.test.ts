import { describe, expect, it } from "vitest";

import type { FindPerson, SkillRating } from "@/lib/analytics/find-people";
import {
  distribution,
  groupBySkill,
  holdersNow,
  skillPeople,
  standings,
  targetCoverage,
  trendPoints,
} from "@/lib/analytics/skill-page";

const person = (id: string, teams: string[] = []): FindPerson => ({
  id,
  name: id.toUpperCase(),
  teams: teams.map((t) => ({ id: t, name: `Team ${t}` })),
  levelKey: null,
  levelName: null,
});
const rating = (
  userId: string,
  raterKind: "self" | "manager",
  proficiency: number | null,
  extra: Partial<SkillRating> = {},
): SkillRating => ({
  userId,
  frameworkId: "f",
  skillKey: "s",
  raterKind,
  proficiency,
  notApplicable: false,
  interest: null,
  quarter: "2026-Q4",
  ...extra,
});

describe("skill page shaping", () => {
  it("counts the validated value where there is one, else the self rating", () => {
    const s = standings([rating("a", "self", 4), rating("a", "manager", 2), rating("b", "self", 3)]);
    expect(s.get("a")).toMatchObject({ value: 2, validated: true });
    expect(s.get("b")).toMatchObject({ value: 3, validated: false });
  });

  it("counts not applicable and unrated people as not rated, once in the org and once per team", () => {
    const people = [person("a", ["x"]), person("b", ["x", "y"]), person("c"), person("d", ["y"])];
    const s = standings([
      rating("a", "self", 4),
      rating("b", "self", 1),
      rating("c", "self", null, { notApplicable: true }),
    ]);
    const d = distribution(people, s);
    expect(d.org).toEqual({ levels: [0, 1, 0, 0, 1], notRated: 2, total: 4 });
    expect(d.teams.map((t) => [t.id, t.levels, t.notRated])).toEqual([
      ["x", [0, 1, 0, 0, 1], 0],
      ["y", [0, 1, 0, 0, 0], 1],
    ]);
  });

  it("names holders at 3+, mentors at 4 and interested learners at 2 or below, highest first", () => {
    const people = ["a", "b", "c", "d", "e"].map((id) => person(id));
    const s = standings([
      rating("a", "self", 3),
      rating("b", "self", 4),
      rating("c", "self", 2, { interest: 1 }),
      rating("d", "self", 3, { interest: 2 }),
      rating("e", "self", null, { interest: 2 }),
    ]);
    const p = skillPeople(people, s);
    expect(p.holders.map((x) => x.id)).toEqual(["b", "a", "d"]);
    expect(p.mentors.map((x) => x.id)).toEqual(["b"]);
    expect(p.learners.map((x) => x.id)).toEqual(["c", "e"]);
  });

  it("takes interest from the self rating even when a lead validated the value", () => {
    const s = standings([rating("a", "self", 1, { interest: 2 }), rating("a", "manager", 2)]);
    expect(skillPeople([person("a")], s).learners.map((x) => x.id)).toEqual(["a"]);
  });

  it("covers a target with the team's people at or above its level", () => {
    const people = [person("a", ["x"]), person("b", ["x"]), person("c", ["y"])];
    const s = standings([rating("a", "self", 3), rating("b", "self", 2), rating("c", "self", 4)]);
    const [t] = targetCoverage(
      [{ id: "t", teamId: "x", teamName: "X", name: "Serving", level: 3, headcount: 2, targetQuarter: "2027-Q1" }],
      people,
      s,
    );
    expect(t!.covered).toBe(1);
  });

  it("counts the people holding the skill now", () => {
    const s = standings([rating("a", "self", 3), rating("b", "manager", 4), rating("c", "self", 2)]);
    expect(holdersNow([person("a"), person("b"), person("c"), person("d")], s)).toBe(2);
  });

  it("pairs quarters with their counts and groups resources by skill", () => {
    expect(trendPoints(["2026-Q1", "2026-Q2"], [3])).toEqual([
      { quarter: "2026-Q1", holders: 3 },
      { quarter: "2026-Q2", holders: 0 },
    ]);
    expect(groupBySkill([{ skillKey: "a" }, { skillKey: "b" }, { skillKey: "a" }])).toEqual({
      a: [{ skillKey: "a" }, { skillKey: "a" }],
      b: [{ skillKey: "b" }],
    });
  });
});

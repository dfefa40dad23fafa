import { describe, expect, it } from "vitest";

import { departureImpact } from "@/lib/analytics/departure-impact";
import { requirementsFor, type Member, type Target } from "@/lib/analytics/gaps";

// A team of three: Ann (0), Bo (1), Cy (2). Proficiencies by hand:
//            serve  deploy  monitor  data
//   Ann        3      4       2       1
//   Bo         3      3       0       3
//   Cy         1      3       —       1
const members: Member[] = [
  { id: "ann", name: "Ann" },
  { id: "bo", name: "Bo" },
  { id: "cy", name: "Cy" },
];
const table: Record<string, (number | null)[]> = {
  serve: [3, 3, 1],
  deploy: [4, 3, 3],
  monitor: [2, 0, null],
  data: [1, 3, 1],
};
const proficiency = (m: number, skill: string) => table[skill]![m] ?? null;
const target = (id: string, skills: string[], level: number, headcount: number): Target => ({
  id,
  kind: skills.length === 1 ? "skill" : "capability",
  name: id,
  skills: skills.map((key) => ({ key, name: key })),
  level,
  headcount,
  targetQuarter: "2026-Q4",
  importance: 2,
});
const targets = [
  target("platform", ["serve", "deploy"], 3, 2), // serve 2 (Ann, Bo), deploy 3: met
  target("observability", ["monitor"], 2, 1), // monitor 1 (Ann): met
  target("lakehouse", ["data"], 3, 2), // data 1 (Bo): short already
  target("retired", [], 3, 1), // no skills in the roadmap: never met
  target("serving-solo", ["serve"], 3, 1), // serve 2 for 1: met, and still met with one
];
const requirements = targets.flatMap((t) => requirementsFor(t, members, proficiency));
const impactOf = (personId: string) => departureImpact({ personId, members, targets, requirements });

describe("what if a person left their team", () => {
  it("lists the targets met now that would fall short, with the requirements that would", () => {
    expect(impactOf("ann").targets).toEqual([
      {
        targetId: "platform",
        targetName: "platform",
        level: 3,
        headcount: 2,
        short: [{ skillKey: "serve", skillName: "serve", level: 3, headcount: 2, before: 2, after: 1 }],
      },
      {
        targetId: "observability",
        targetName: "observability",
        level: 2,
        headcount: 1,
        short: [{ skillKey: "monitor", skillName: "monitor", level: 2, headcount: 1, before: 1, after: 0 }],
      },
    ]);
  });

  it("lists skills left with nobody or one person, once per skill and level, nobody first", () => {
    // serve@3: 2 → 1 (in two targets, listed once); monitor@2: 1 → 0; deploy@3: 3 → 2 is not thin.
    expect(impactOf("ann").thinSkills).toEqual([
      { skillKey: "monitor", skillName: "monitor", level: 2, before: 1, after: 0, left: "none" },
      { skillKey: "serve", skillName: "serve", level: 3, before: 2, after: 1, left: "one" },
    ]);
  });

  it("does not list a target that is short already, even when the person holds one of its skills", () => {
    // Bo holds data@3, the lakehouse's only holder: short now (1 of 2), so not "would fall short"; data is left with nobody.
    const bo = impactOf("bo");
    expect(bo.targets.map((t) => t.targetId)).toEqual(["platform"]);
    expect(bo.thinSkills).toEqual([
      { skillKey: "data", skillName: "data", level: 3, before: 1, after: 0, left: "none" },
      { skillKey: "serve", skillName: "serve", level: 3, before: 2, after: 1, left: "one" },
    ]);
  });

  it("says nothing would break when the person holds no requirement, or is not in the team", () => {
    // Cy holds deploy@3 only: 3 → 2, still ≥ 2 and not thin.
    expect(impactOf("cy")).toEqual({ targets: [], thinSkills: [] });
    expect(impactOf("someone-else")).toEqual({ targets: [], thinSkills: [] });
  });
});

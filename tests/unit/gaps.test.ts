import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { mobility, priorities, readiness, requirementsFor, urgencyPoints, type Target } from "@/lib/analytics/gaps";

const SKILLS = ["canary", "registry", "drift", "k8s"];
const members = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `m${i}`, name: `Member ${i}` }));
const lookup = (grid: (number | null)[][]) => (m: number, skill: string) => grid[m]?.[SKILLS.indexOf(skill)] ?? null;

const target = (over: Partial<Target> = {}): Target => ({
  id: "t1",
  kind: "capability",
  name: "Canary serving",
  skills: [
    { key: "canary", name: "Canary" },
    { key: "k8s", name: "Kubernetes" },
  ],
  level: 3,
  headcount: 2,
  targetQuarter: "2027-Q1",
  importance: 3,
  ...over,
});

describe("coverage, gaps and readiness (worked example)", () => {
  // canary: one person at ≥3; k8s: three people at ≥3.
  const grid = [
    [3, 0, 0, 4],
    [2, 0, 0, 3],
    [1, 0, 0, 3],
    [null, 0, 0, 2],
  ];
  const reqs = requirementsFor(target(), members(4), lookup(grid));

  it("counts coverage at the level and the gap against the headcount", () => {
    expect(reqs.map((r) => [r.skillKey, r.coverage, r.gap, r.balance, r.risk])).toEqual([
      ["canary", 1, 1, -1, "single"],
      ["k8s", 3, 0, 1, null],
    ]);
  });

  it("computes readiness as Σ min(coverage, N) / Σ N", () => {
    expect(readiness(reqs)).toBeCloseTo((1 + 2) / 4);
  });

  it("recommends training when interested people one or two points below can cover the gap", () => {
    const interest = (m: number) => (m === 1 ? 2 : m === 2 ? 1 : 0);
    const [item] = priorities([target()], members(4), lookup(grid), interest, "2026-Q4");
    expect(item).toMatchObject({ skillKey: "canary", gap: 1, recommendation: "train", near: 2 });
    expect(item!.candidates.map((c) => c.name)).toEqual(["Member 1", "Member 2"]);
    // 40 × 1/2 + 10 × 3 + urgency(1 quarter left) + single point of failure
    expect(item!.score).toBe(20 + 30 + 20 + 12);
  });

  it("recommends hiring when nobody interested is within two points", () => {
    const [item] = priorities([target()], members(4), lookup(grid), () => 0, "2026-Q4");
    expect(item).toMatchObject({ recommendation: "hire", candidates: [] });
  });

  it("recommends train + hire when candidates cover only part of the gap", () => {
    const t = target({ headcount: 3 });
    const interest = (m: number) => (m === 1 ? 1 : 0);
    const item = priorities([t], members(4), lookup(grid), interest, "2026-Q4").find((i) => i.skillKey === "canary")!;
    expect(item).toMatchObject({ gap: 2, recommendation: "train_hire" });
  });

  it("gives more urgency to sooner (and overdue) targets", () => {
    expect([-1, 0, 1, 2, 5].map(urgencyPoints)).toEqual([30, 30, 20, 12, 5]);
  });
});

// Random teams: 1–8 members × 4 skills, proficiency 0–4 or null, interest 0–2.
const teamArb = fc.record({
  grid: fc.array(fc.array(fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }), { minLength: 4, maxLength: 4 }), {
    minLength: 1,
    maxLength: 8,
  }),
  interest: fc.array(fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 4, maxLength: 4 }), {
    minLength: 8,
    maxLength: 8,
  }),
  level: fc.integer({ min: 1, max: 4 }),
  headcount: fc.integer({ min: 1, max: 5 }),
});

describe("properties", () => {
  it("raising any member's proficiency never increases a gap", () => {
    fc.assert(
      fc.property(teamArb, fc.nat(), fc.nat(), ({ grid, level, headcount }, m, s) => {
        const t = target({ level, headcount, skills: SKILLS.map((key) => ({ key, name: key })) });
        const before = requirementsFor(t, members(grid.length), lookup(grid));
        const row = m % grid.length;
        const col = s % SKILLS.length;
        const raised = grid.map((r, i) => r.map((v, j) => (i === row && j === col ? Math.min(4, (v ?? 0) + 1) : v)));
        const after = requirementsFor(t, members(grid.length), lookup(raised));
        after.forEach((r, i) => {
          expect(r.gap).toBeLessThanOrEqual(before[i]!.gap);
          expect(r.coverage).toBeGreaterThanOrEqual(before[i]!.coverage);
        });
      }),
      { numRuns: 500 },
    );
  });

  it("never proposes a member at or above the level (or without interest) as a training candidate", () => {
    fc.assert(
      fc.property(teamArb, ({ grid, interest, level, headcount }) => {
        const t = target({ level, headcount, skills: SKILLS.map((key) => ({ key, name: key })) });
        const items = priorities(
          [t],
          members(grid.length),
          lookup(grid),
          (m, k) => interest[m]![SKILLS.indexOf(k)]!,
          "2026-Q4",
        );
        for (const item of items) {
          for (const c of item.candidates) {
            expect(c.current).toBeLessThan(level);
            expect(c.current).toBeGreaterThanOrEqual(level - 2);
            expect(c.interest).toBeGreaterThanOrEqual(1);
          }
          if (item.candidates.length === 0) expect(item.recommendation).toBe("hire");
          else if (item.candidates.length >= item.gap) expect(item.recommendation).toBe("train");
          else expect(item.recommendation).toBe("train_hire");
          expect(item.gap).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("keeps readiness between 0 and 1, and at 1 exactly when no skill has a gap", () => {
    fc.assert(
      fc.property(teamArb, ({ grid, level, headcount }) => {
        const t = target({ level, headcount, skills: SKILLS.map((key) => ({ key, name: key })) });
        const reqs = requirementsFor(t, members(grid.length), lookup(grid));
        const r = readiness(reqs);
        expect(r).toBeGreaterThanOrEqual(0);
        expect(r).toBeLessThanOrEqual(1);
        expect(r === 1).toBe(reqs.every((q) => q.gap === 0));
      }),
      { numRuns: 300 },
    );
  });

  it("never counts a target with no skills (not in the team's roadmap) as met", () => {
    const t = target({ level: 3, headcount: 2, skills: [] });
    expect(readiness(requirementsFor(t, members(3), () => 4))).toBe(0);
  });

  it("ranks deterministically, whatever order the targets come in", () => {
    fc.assert(
      fc.property(teamArb, fc.integer({ min: 1, max: 3 }), ({ grid, interest, level, headcount }, importance) => {
        // Two targets with the same level, headcount and importance; each skill is named by its first letter.
        const alike = (id: string, keys: string[]) =>
          target({ id, level, headcount, importance, skills: keys.map((key) => ({ key, name: key[0]! })) });
        const targets = [alike("a", ["canary", "drift"]), alike("b", ["registry", "k8s"])];
        const run = (ts: Target[]) =>
          priorities(ts, members(grid.length), lookup(grid), (m, k) => interest[m]![SKILLS.indexOf(k)]!, "2026-Q4").map(
            (i) => `${i.targetId}/${i.skillKey}`,
          );
        expect(run([...targets].reverse())).toEqual(run(targets));
      }),
      { numRuns: 300 },
    );
  });
});

describe("internal mobility", () => {
  it("finds another team's surplus for a gap", () => {
    const a = { id: "A", name: "A", members: members(1), proficiency: lookup([[1, 0, 0, 0]]) };
    const b = {
      id: "B",
      name: "B",
      members: members(3),
      proficiency: lookup([
        [4, 0, 0, 0],
        [3, 0, 0, 0],
        [0, 0, 0, 0],
      ]),
    };
    const t = target({ skills: [{ key: "canary", name: "Canary" }], headcount: 1 });
    const options = mobility([
      { ...a, requirements: requirementsFor(t, a.members, a.proficiency) },
      { ...b, requirements: requirementsFor({ ...t, id: "tb" }, b.members, b.proficiency) },
    ]);
    expect(options).toEqual([
      { skillKey: "canary", level: 3, needingTeam: "A", fromTeam: "B", surplus: 1, holders: ["Member 0", "Member 1"] },
    ]);
  });
});

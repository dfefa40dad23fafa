import { describe, expect, it } from "vitest";

import { nearMembers, recommendationFor, scorePartsOf } from "@/lib/analytics/gaps";

// The parts of a priority item (lib/analytics/gaps.ts, priorities).
describe("members near a level", () => {
  it("are those one or two points below it, unrated counting as 0", () => {
    const members = ["a", "b", "c", "d", "e"].map((id) => ({ id, name: id }));
    const grid: Record<string, number | null> = { a: 3, b: 2, c: 1, d: 0, e: null };
    const proficiency = (m: number) => grid[members[m]!.id]!;
    // Level 3: 2 and 1 are near; 3 already holds it; 0 and unrated are too far.
    expect(nearMembers(members, proficiency, "sql", 3)).toEqual([1, 2]);
    // Level 2: 1 and 0 are near, and unrated counts as 0.
    expect(nearMembers(members, proficiency, "sql", 2)).toEqual([2, 3, 4]);
  });
});

describe("hire or train", () => {
  it("trains when the candidates cover the gap, hires when there are none, else both", () => {
    expect(recommendationFor(0, 1)).toBe("hire");
    expect(recommendationFor(2, 2)).toBe("train");
    expect(recommendationFor(3, 2)).toBe("train");
    expect(recommendationFor(1, 2)).toBe("train_hire");
  });
});

describe("score parts", () => {
  it("weigh the gap's share of the headcount, importance, urgency and risk", () => {
    // gap 1 of 3 → round(40/3) = 13; importance 2 → 20; due this quarter → 30; single holder → 12.
    type Risk = "missing" | "single" | null;
    const parts = (gap: number, headcount: number, risk: Risk, importance: number, left: number) =>
      scorePartsOf({ gap, headcount, risk }, importance, left);
    expect(parts(1, 3, "single", 2, 0)).toEqual({ gap: 13, importance: 20, urgency: 30, risk: 12 });
    // Nobody holds it, three quarters left.
    expect(parts(2, 2, "missing", 1, 3)).toEqual({ gap: 40, importance: 10, urgency: 5, risk: 20 });
    expect(parts(1, 4, null, 3, 2)).toEqual({ gap: 10, importance: 30, urgency: 12, risk: 0 });
  });
});

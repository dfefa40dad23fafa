import { describe, expect, it } from "vitest";

import { countedProficiency, effectiveRating, hasDiscrepancy, isStale, quarterProgress } from "@/lib/analytics/ratings";

const r = (proficiency: number | null, notApplicable = false) => ({ proficiency, notApplicable });

describe("effective rating", () => {
  it("uses the validated rating where present, else self", () => {
    expect(effectiveRating(r(4), r(2))).toEqual(r(2));
    expect(effectiveRating(r(4), null)).toEqual(r(4));
    expect(effectiveRating(null, null)).toBeNull();
  });

  it("does not count not-applicable as a proficiency", () => {
    expect(countedProficiency(r(null, true))).toBeNull();
    expect(countedProficiency(r(0))).toBe(0);
    expect(countedProficiency(null)).toBeNull();
  });
});

describe("stale rule", () => {
  it("marks ratings from an earlier quarter stale, and never an unrated skill", () => {
    expect(isStale({ quarter: "2026-Q3" }, "2026-Q4")).toBe(true);
    expect(isStale({ quarter: "2026-Q4" }, "2026-Q4")).toBe(false);
    expect(isStale(null, "2026-Q4")).toBe(false);
  });

  it("counts progress for the quarter", () => {
    const skills = [
      { self: { quarter: "2026-Q4" } },
      { self: { quarter: "2026-Q3" } },
      { self: null },
      { self: { quarter: "2026-Q4" } },
    ];
    expect(quarterProgress(skills, "2026-Q4")).toEqual({ rated: 2, total: 4, stale: 1, unrated: 1 });
  });
});

describe("discrepancy rule", () => {
  it.each([
    [4, 2, true],
    [2, 4, true],
    [3, 2, false],
    [0, 4, true],
    [1, 2, false],
  ])("self %i vs validated %i → %s", (self, validated, expected) => {
    expect(hasDiscrepancy(r(self), r(validated))).toBe(expected);
  });

  it("needs both values, and ignores not-applicable", () => {
    expect(hasDiscrepancy(r(4), null)).toBe(false);
    expect(hasDiscrepancy(null, r(0))).toBe(false);
    expect(hasDiscrepancy(r(null, true), r(0))).toBe(false);
  });
});

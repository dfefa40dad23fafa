import { describe, expect, it } from "vitest";

import { categoryMeansByQuarter, deltas, readinessSeries } from "@/lib/analytics/trends";

describe("quarter-over-quarter trends", () => {
  // 2 members × 3 skills (skills 0,1 in category 0 at level 1; skill 2 in category 1 at level 2).
  const q1 = { quarter: "2026-Q3", self: "12.3n.", validated: "......" };
  const q2 = { quarter: "2026-Q4", self: "34.32.", validated: ".2...." };

  it("computes category means per quarter and their deltas", () => {
    const [a, b] = categoryMeansByQuarter([q1, q2], 2, [0, 0, 1], 2);
    expect(a!.means).toEqual([1.5, null, 3, null]);
    expect(b!.means).toEqual([2.5, null, 2.5, null]); // member 0: self 3, validated 2 → (3 + 2) / 2
    expect(deltas(a!.means, b!.means)).toEqual([1, null, -0.5, null]);
  });

  it("tracks each member's readiness for their next level", () => {
    const series = readinessSeries([q1, q2], [{ levelPosition: 0 }, { levelPosition: 1 }], [1, 1, 2], 2);
    // Member 0 (next level 1): Q3 skills 0,1 = 1,2 → 0/2; Q4 = 3, validated 2 → 1/2.
    // Member 1 (next level 2): skill 2: Q3 n/a → 0; Q4 unrated → 0.
    expect(series).toEqual([
      { quarter: "2026-Q3", values: [0, 0] },
      { quarter: "2026-Q4", values: [0.5, 0] },
    ]);
  });

  it("has no readiness beyond the top level", () => {
    expect(readinessSeries([q1], [{ levelPosition: 2 }], [1, 1, 2], 2)[0]!.values).toEqual([null]);
  });
});

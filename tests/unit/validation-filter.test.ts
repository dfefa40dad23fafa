import { describe, expect, it } from "vitest";

import { matchesValidationFilter, parseValidationFilter } from "@/components/rating/validation-filter";

const validated = {
  proficiency: 2,
  notApplicable: false,
  comment: null,
  raterName: "Alex Wang",
  quarter: "2026-Q2",
  ratedAt: "2026-05-01T00:00:00Z",
};

describe("validation page filters", () => {
  it("reads the filter from ?show=, and anything unknown shows everything", () => {
    expect(parseValidationFilter("unvalidated")).toBe("unvalidated");
    expect(parseValidationFilter("discuss")).toBe("discuss");
    expect(parseValidationFilter(["discuss", "all"])).toBe("discuss");
    for (const show of [undefined, "", "ALL", "<script>", "constructor"])
      expect(parseValidationFilter(show)).toBe("all");
  });

  it("not validated: the lead has recorded no value yet; discuss: flagged for a conversation", () => {
    const open = { validated: null, discrepancy: false };
    const agreed = { validated, discrepancy: false };
    const apart = { validated, discrepancy: true };
    expect([open, agreed, apart].map((s) => matchesValidationFilter(s, "unvalidated"))).toEqual([true, false, false]);
    expect([open, agreed, apart].map((s) => matchesValidationFilter(s, "discuss"))).toEqual([false, false, true]);
    expect([open, agreed, apart].map((s) => matchesValidationFilter(s, "all"))).toEqual([true, true, true]);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { matrixForRows } from "@/lib/analytics/heatmap-axes";
import {
  buildMatrix,
  matrixFromBytes,
  matrixIndex,
  matrixToBytes,
  patchMatrix,
  type DatedRating,
} from "@/lib/analytics/matrix";

// The org payload catches up with rating saves by writing the re-read cells
// into its bytes (lib/data/heatmap-payload.ts): the result must be exactly
// the matrix built from scratch from the ratings as they are now.

const users = ["u1", "u2", "u3"];
const skills = ["git", "sql", "k8s", "ml"];
const quarters = ["2026-Q2", "2026-Q3", "2026-Q4"];

// As the database holds them: a value 0–4, or "not applicable" with no value.
const rating = fc
  .record({
    userId: fc.constantFrom(...users, "outsider"),
    skillKey: fc.constantFrom(...skills, "retired-skill"),
    raterKind: fc.constantFrom("self" as const, "lead" as const),
    value: fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }),
    interest: fc.option(fc.integer({ min: 0, max: 2 }), { nil: null }),
    quarter: fc.constantFrom(...quarters, "2025-Q1"),
  })
  .map(({ value, ...r }) => ({ ...r, proficiency: value, notApplicable: value === null }));

/** The latest value of each cell after applying the ratings in order (a later one replaces an earlier one). */
const current = (rs: DatedRating[]) => [
  ...new Map(rs.map((x) => [`${x.userId}|${x.skillKey}|${x.raterKind}`, x])).values(),
];

describe("patching a compact matrix", () => {
  it("gives the matrix built from scratch, whatever was rated before and since", () => {
    fc.assert(
      fc.property(fc.array(rating, { maxLength: 30 }), fc.array(rating, { maxLength: 10 }), (before, since) => {
        const old = current(before as DatedRating[]);
        const changed = current(since as DatedRating[]);
        const bytes = matrixToBytes(buildMatrix({ memberIds: users, skillKeys: skills, latest: old, quarters }));
        patchMatrix(bytes, matrixIndex(users, skills, quarters), changed);
        const now = current([...old, ...changed]);
        expect(matrixFromBytes(bytes)).toEqual(
          buildMatrix({ memberIds: users, skillKeys: skills, latest: now, quarters }),
        );
      }),
      { numRuns: 300 },
    );
  });

  it("writes every row of a person who is in two teams of the org", () => {
    const memberIds = ["u1", "u2", "u1"];
    const before: DatedRating[] = [];
    const since = [
      {
        userId: "u1",
        skillKey: "sql",
        raterKind: "self",
        proficiency: 3,
        notApplicable: false,
        interest: 2,
        quarter: "2026-Q4",
      },
    ] as DatedRating[];
    const bytes = matrixToBytes(matrixForRows({ memberIds, skillKeys: skills, latest: before, quarters }));
    expect(patchMatrix(bytes, matrixIndex(memberIds, skills, quarters), since)).toBe(2);
    expect(matrixFromBytes(bytes)).toEqual(matrixForRows({ memberIds, skillKeys: skills, latest: since, quarters }));
    expect(matrixFromBytes(bytes).self).toBe(".3.......3..");
  });
});

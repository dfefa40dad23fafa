import { categoryRollup, valuesFor } from "./matrix";

// Quarter-over-quarter change, from matrices read as of each quarter's end.

type Snapshot = { quarter: string; self: string; validated: string };

/** Per member × category: mean effective proficiency at each quarter's end. */
export function categoryMeansByQuarter(
  snapshots: Snapshot[],
  memberCount: number,
  skillCategory: number[],
  categoryCount: number,
) {
  return snapshots.map((s) => ({
    quarter: s.quarter,
    means: categoryRollup(valuesFor(s, "effective"), memberCount, skillCategory, categoryCount),
  }));
}

/** after − before where both are known; null otherwise. */
export function deltas(before: (number | null)[], after: (number | null)[]): (number | null)[] {
  return after.map((a, i) => (a === null || before[i] === null || before[i] === undefined ? null : a - before[i]!));
}

/** Share of the next level's skills each member holds at ≥ 3, per quarter. */
export function readinessSeries(
  snapshots: Snapshot[],
  members: { levelPosition: number | null }[],
  skillLevels: number[],
  maxLevel: number,
): { quarter: string; values: (number | null)[] }[] {
  return snapshots.map((s) => {
    const values = valuesFor(s, "effective");
    return {
      quarter: s.quarter,
      values: members.map((m, i) => {
        const next = (m.levelPosition ?? 0) + 1;
        if (next > maxLevel) return null;
        const skills = skillLevels.flatMap((l, j) => (l === next ? [j] : []));
        if (skills.length === 0) return null;
        return skills.filter((j) => values[i * skillLevels.length + j]! >= 3).length / skills.length;
      }),
    };
  });
}

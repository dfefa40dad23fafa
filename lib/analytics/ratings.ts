// Pure rules about ratings: what counts as the current value, when a rating
// is stale, and when self and validated ratings disagree enough to discuss.

export type RatingValue = { proficiency: number | null; notApplicable: boolean };

/** "Validated where present, else self": the value heatmaps and analytics use by default. */
export function effectiveRating<T extends RatingValue>(self: T | null, validated: T | null): T | null {
  return validated ?? self;
}

/** The proficiency to count, or null when not rated or not applicable. */
export function countedProficiency(r: RatingValue | null): number | null {
  return r && !r.notApplicable ? r.proficiency : null;
}

/** A rating is stale when it was not made (or confirmed) in the current quarter. */
export function isStale(rating: { quarter: string } | null, currentQuarter: string): boolean {
  return !!rating && rating.quarter !== currentQuarter;
}

export const DISCREPANCY_THRESHOLD = 2;

/** Self and validated differ by two points or more: flag it for a conversation. */
export function hasDiscrepancy(self: RatingValue | null, validated: RatingValue | null): boolean {
  const a = countedProficiency(self);
  const b = countedProficiency(validated);
  return a !== null && b !== null && Math.abs(a - b) >= DISCREPANCY_THRESHOLD;
}

/** "31 of 42 rated this quarter". */
export function quarterProgress(
  skills: { self: { quarter: string } | null }[],
  currentQuarter: string,
): { rated: number; total: number; stale: number; unrated: number } {
  let rated = 0;
  let stale = 0;
  let unrated = 0;
  for (const s of skills) {
    if (!s.self) unrated++;
    else if (s.self.quarter === currentQuarter) rated++;
    else stale++;
  }
  return { rated, total: skills.length, stale, unrated };
}

import type { SkillRatingDto } from "@/lib/data/rating-sheet";

// The validation page's filters, read from its URL (?show=…) so a filtered
// view can be bookmarked, shared and reached with the keyboard as links.
export const VALIDATION_FILTERS = ["all", "unvalidated", "discuss"] as const;
export type ValidationFilter = (typeof VALIDATION_FILTERS)[number];

/** The filter a `show` search parameter asks for; anything else shows everything. */
export function parseValidationFilter(show: string | string[] | undefined): ValidationFilter {
  const value = Array.isArray(show) ? show[0] : show;
  return (VALIDATION_FILTERS as readonly string[]).includes(value ?? "") ? (value as ValidationFilter) : "all";
}

/** "Not validated": the lead has not recorded a value yet. "Discuss": self and validated are two or more apart. */
export function matchesValidationFilter(
  skill: Pick<SkillRatingDto, "validated" | "discrepancy">,
  filter: ValidationFilter,
): boolean {
  if (filter === "unvalidated") return !skill.validated;
  if (filter === "discuss") return skill.discrepancy;
  return true;
}

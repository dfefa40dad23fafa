import type { SkillRequirement } from "./gaps";

/**
 * Where an accepted plan item stands now, computed from today's analysis and
 * never stored: its gap may close (someone was hired or grew) or its target
 * may be removed after it was accepted.
 */
export type PlanStatus = "open" | "resolved" | "target_removed";

export function planItemStatus(
  item: { targetId: string | null; skillKey: string },
  requirements: Pick<SkillRequirement, "targetId" | "skillKey" | "gap">[],
): PlanStatus {
  const requirement = requirements.find((r) => r.targetId === item.targetId && r.skillKey === item.skillKey);
  if (!requirement) return "target_removed";
  return requirement.gap === 0 ? "resolved" : "open";
}

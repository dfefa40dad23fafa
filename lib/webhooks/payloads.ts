import type { assessmentCycles, planItems, ratings, teamTargets } from "@/db/schema";

import type { WebhookEventData } from "./events";

// Rows → event data: the ids and values a receiver needs, picked one by one
// so that a column added later (a note, evidence) never leaks by default.

type Rating = Pick<
  typeof ratings.$inferSelect,
  "userId" | "frameworkId" | "skillKey" | "proficiency" | "notApplicable" | "quarter"
> & { interest?: number | null; ratedAt: Date | string };

const iso = (d: Date | string) => (typeof d === "string" ? new Date(d).toISOString() : d.toISOString());

export function ratingCreatedEvent(r: Rating, source: "self" | "import"): WebhookEventData["rating.created"] {
  return {
    userId: r.userId,
    frameworkId: r.frameworkId,
    skillKey: r.skillKey,
    proficiency: r.proficiency,
    notApplicable: r.notApplicable,
    interest: r.interest ?? null,
    quarter: r.quarter,
    ratedAt: iso(r.ratedAt),
    source,
  };
}

export function validationEvent(
  r: typeof ratings.$inferSelect,
  teamId: string,
): WebhookEventData["validation.created"] {
  return {
    ratingId: String(r.id),
    userId: r.userId,
    validatorId: r.raterId,
    teamId,
    skillKey: r.skillKey,
    proficiency: r.proficiency,
    hasComment: !!r.comment?.trim(),
    quarter: r.quarter,
    ratedAt: iso(r.ratedAt),
  };
}

type Cycle = typeof assessmentCycles.$inferSelect;

export function cycleOpenedEvent(c: Cycle, reopened = false): WebhookEventData["cycle.opened"] {
  return { cycleId: c.id, quarter: c.quarter, startsOn: c.startsOn, endsOn: c.endsOn, reopened };
}

export function cycleClosedEvent(c: Cycle): WebhookEventData["cycle.closed"] {
  return { cycleId: c.id, quarter: c.quarter, closedAt: iso(c.closedAt ?? new Date()) };
}

export function targetEvent(
  action: "created" | "archived",
  t: typeof teamTargets.$inferSelect,
): WebhookEventData["target.changed"] {
  return {
    action,
    targetId: t.id,
    teamId: t.teamId,
    kind: t.kind,
    capabilityKey: t.capabilityKey,
    skillKey: t.skillKey,
    requiredProficiency: t.requiredProficiency,
    requiredHeadcount: t.requiredHeadcount,
    targetQuarter: t.targetQuarter,
  };
}

export function planAcceptedEvent(p: typeof planItems.$inferSelect): WebhookEventData["plan.accepted"] {
  return {
    planItemId: p.id,
    teamId: p.teamId,
    targetId: p.targetId,
    skillKey: p.skillKey,
    quarter: p.quarter,
    recommendation: p.recommendation,
    candidateUserIds: p.candidateUserIds,
  };
}

// The events Skillgrid sends to webhook endpoints (issue 19), and the body
// every delivery carries. Ids and values only: never a secret, never a note
// or comment's text (a receiver can read those through the API if allowed).

export const WEBHOOK_EVENTS = [
  "rating.created",
  "validation.created",
  "cycle.opened",
  "cycle.closed",
  "target.changed",
  "plan.accepted",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export type WebhookEventData = {
  /** A self rating, saved by its person or imported for them (source "import"). */
  "rating.created": {
    userId: string;
    frameworkId: string;
    skillKey: string;
    proficiency: number | null;
    notApplicable: boolean;
    interest: number | null;
    quarter: string;
    ratedAt: string;
    source: "self" | "import";
  };
  /** A lead's validated proficiency for a member of their team. */
  "validation.created": {
    ratingId: string;
    userId: string;
    validatorId: string;
    teamId: string;
    skillKey: string;
    proficiency: number | null;
    hasComment: boolean;
    quarter: string;
    ratedAt: string;
  };
  /** A cycle opened, or a closed one reopened (reopened: true). */
  "cycle.opened": { cycleId: string; quarter: string; startsOn: string; endsOn: string; reopened: boolean };
  "cycle.closed": { cycleId: string; quarter: string; closedAt: string };
  "target.changed": {
    action: "created" | "archived";
    targetId: string;
    teamId: string;
    kind: string;
    capabilityKey: string | null;
    skillKey: string | null;
    requiredProficiency: number;
    requiredHeadcount: number;
    targetQuarter: string;
  };
  "plan.accepted": {
    planItemId: string;
    teamId: string;
    targetId: string | null;
    skillKey: string;
    quarter: string;
    recommendation: string;
    candidateUserIds: string[];
  };
};

/** What is POSTed: receivers deduplicate on `id`, the same on every endpoint and every retry. */
export type WebhookBody<E extends WebhookEvent = WebhookEvent> = {
  id: string;
  type: E;
  createdAt: string;
  data: WebhookEventData[E];
};

export function isWebhookEvent(s: string): s is WebhookEvent {
  return (WEBHOOK_EVENTS as readonly string[]).includes(s);
}

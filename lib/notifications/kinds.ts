// Every email Skillgrid sends: its kind, what it carries (fixed when it is
// written to the outbox), who gets it and when. The renderer
// (lib/notifications/render.tsx) turns a payload into a message in the
// recipient's language; the triggers (lib/notifications/triggers.ts and the
// scheduler) write them.

export const NOTIFICATION_KINDS = [
  "cycle_opened",
  "cycle_reminder",
  "lead_digest",
  "validation_recorded",
  "cycle_closed",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** A name as the roadmap keeps it, in both shipped languages. */
export type Bilingual = { en: string; zh: string };

/** "Rate your skills for 2027-Q1" → every active member of a team, when an admin opens the cycle. */
export type CycleOpenedPayload = {
  quarter: string;
  /** The cycle's planned close, YYYY-MM-DD. */
  endsOn: string;
  /** Skills rated (or confirmed) this quarter, of the skills in their roadmap. */
  rated: number;
  total: number;
};

/** N days before the planned close → those who have not rated (or confirmed) anything this quarter. */
export type CycleReminderPayload = {
  quarter: string;
  endsOn: string;
  daysLeft: number;
  rated: number;
  total: number;
};

export type DigestTeam = {
  teamId: string;
  teamName: string;
  /** Members who have not rated (or confirmed) anything this quarter. */
  notRated: { userId: string; name: string }[];
  /** Self and validated ratings two or more points apart (⚑). */
  toDiscuss: { userId: string; name: string; skill: Bilingual; self: number; validated: number }[];
  /** Targets whose readiness (share of the headcount met, 0–1) fell since the last digest. */
  readinessDrops: { targetId: string; subject: Bilingual; from: number; to: number }[];
  /** Hire/train items accepted into the plan since the last digest. */
  newPlanItems: { skill: Bilingual; recommendation: "train" | "hire" | "train_hire" }[];
};

/** Weekly → each lead, on the org's digest day and hour (org time zone). */
export type LeadDigestPayload = {
  /** ISO week of the digest, e.g. "2026-W49". */
  week: string;
  quarter: string;
  teams: DigestTeam[];
  /** Each target's readiness now: next week's digest compares against it. */
  readiness: Record<string, number>;
};

/** A lead validated ratings with a comment → the member; at most one email per member per hour. */
export type ValidationRecordedPayload = {
  items: { skill: Bilingual; proficiency: number; comment: string; leadName: string; at: string }[];
};

/** An admin closed the cycle → every admin: completion per team. */
export type CycleClosedPayload = {
  quarter: string;
  teams: { teamId: string; teamName: string; members: number; rated: number }[];
};

export type NotificationPayloads = {
  cycle_opened: CycleOpenedPayload;
  cycle_reminder: CycleReminderPayload;
  lead_digest: LeadDigestPayload;
  validation_recorded: ValidationRecordedPayload;
  cycle_closed: CycleClosedPayload;
};

/** The kinds each person may turn off on /me (all of them; digest and close only reach leads and admins). */
export const OPT_OUT_KINDS = NOTIFICATION_KINDS;

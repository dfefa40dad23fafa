import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

import type { ReasonFacts } from "../../lib/analytics/explain";
import { appendOnlyId, effectiveAt, lockVersion, timestamps, uuidId, uuidRef } from "./columns";
import { cycleStatus, planRecommendation, targetKind } from "./enums";
import { teams } from "./teams";
import { users } from "./users";

// What a target asks for: kept on the target and on each row of its history.
const targetSubject = () => ({
  kind: targetKind().notNull(),
  capabilityKey: text(),
  skillKey: text(),
  requiredProficiency: smallint().notNull(),
  requiredHeadcount: smallint().notNull(),
  targetQuarter: text().notNull(),
});

// A team's platform vision: "we need N people at >= L on X by quarter Q".
// Capabilities and skills are referenced by stable key so a target outlives
// framework versions.
export const teamTargets = pgTable(
  "team_targets",
  {
    ...uuidId(),
    teamId: uuidRef(() => teams.id, { onDelete: "cascade" }),
    ...targetSubject(),
    importance: smallint().notNull().default(2),
    note: text().notNull().default(""),
    createdById: uuid().references(() => users.id),
    archivedAt: timestamp({ withTimezone: true }),
    ...lockVersion,
    ...timestamps,
  },
  (t) => [
    check("team_targets_subject", sql`(${t.kind} = 'capability') = (${t.capabilityKey} is not null)`),
    check("team_targets_proficiency", sql`${t.requiredProficiency} between 1 and 4`),
    check("team_targets_headcount", sql`${t.requiredHeadcount} between 1 and 1000`),
    index("team_targets_team_idx").on(t.teamId),
  ],
);

// Every state a target has had, from when: a row per insert, change and
// removal (present = false), written by a trigger on team_targets in the same
// transaction (migration 0011), append-only. A closed quarter reads the
// targets as they were at its close.
export const teamTargetHistory = pgTable(
  "team_target_history",
  {
    ...appendOnlyId(),
    targetId: uuidRef(() => teamTargets.id),
    teamId: uuidRef(() => teams.id),
    ...targetSubject(),
    importance: smallint().notNull(),
    note: text().notNull(),
    /** The target's own creation time (targets are listed in that order). */
    createdAt: timestamp({ withTimezone: true }).notNull(),
    archivedAt: timestamp({ withTimezone: true }),
    present: boolean().notNull(),
    ...effectiveAt(),
  },
  (t) => [index("team_target_history_team_idx").on(t.teamId, t.targetId, t.effectiveAt.desc())],
);

// A hire/train recommendation a lead accepted into the team's plan. Append-only
// (migration 0011): an item is history from the moment it is accepted, so a
// past quarter's plan is the items created by then.
export const planItems = pgTable(
  "plan_items",
  {
    ...uuidId(),
    teamId: uuidRef(() => teams.id, { onDelete: "cascade" }),
    targetId: uuid().references(() => teamTargets.id),
    skillKey: text().notNull(),
    quarter: text().notNull(),
    recommendation: planRecommendation().notNull(),
    /** English text, kept for items accepted before reasons were facts (shown when reasonFacts is null). */
    reason: text().notNull(),
    /** The numbers and names behind the reason, rendered in the viewer's language (lib/analytics/explain.ts). */
    reasonFacts: jsonb().$type<ReasonFacts>(),
    candidateUserIds: jsonb().$type<string[]>().notNull().default([]),
    acceptedById: uuidRef(() => users.id),
    ...timestamps,
  },
  (t) => [index("plan_items_team_idx").on(t.teamId, t.quarter)],
);

export const assessmentCycles = pgTable(
  "assessment_cycles",
  {
    ...uuidId(),
    quarter: text().notNull(),
    startsOn: date().notNull(),
    endsOn: date().notNull(),
    status: cycleStatus().notNull().default("planned"),
    closedAt: timestamp({ withTimezone: true }),
    closedById: uuid().references(() => users.id),
    /** When the closed quarter's ratings were taken into closed_quarter_ratings (null: read from the history). */
    ratingsSnapshotAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("assessment_cycles_quarter_key").on(t.quarter),
    check("assessment_cycles_dates", sql`${t.startsOn} <= ${t.endsOn}`),
  ],
);

export type TeamTarget = typeof teamTargets.$inferSelect;
export type PlanItem = typeof planItems.$inferSelect;
export type AssessmentCycle = typeof assessmentCycles.$inferSelect;

import { index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

import { timestamps, uuidId, uuidRef } from "./columns";
import { frameworks } from "./frameworks";
import { users } from "./users";

// A link to learn a skill from (/skills/[key], /me/growth): added by admins and
// by the skill's mentors, removed by admins or whoever added it. Keyed by
// (framework, skill key) like ratings, so it outlives roadmap versions.
export const learningResources = pgTable(
  "learning_resources",
  {
    ...uuidId(),
    frameworkId: uuidRef(() => frameworks.id),
    skillKey: text().notNull(),
    title: text().notNull(),
    url: text().notNull(),
    note: text().notNull().default(""),
    createdById: uuidRef(() => users.id),
    removedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [index("learning_resources_skill_idx").on(t.frameworkId, t.skillKey)],
);

/** What a saved staffing plan asked for (lib/validations/people.ts staffingQuerySchema). */
export type StaffingPlanQuery = {
  needs: { frameworkKey: string; skillKey: string; level: number; count: number }[];
  excludeTeamIds: string[];
  maxPeople: number | null;
  noHarm: boolean;
};

// A named staffing proposal someone saved from /people/staff: the request, the
// people proposed and the teams they would come from (whose leads may read it).
export const staffingPlans = pgTable(
  "staffing_plans",
  {
    ...uuidId(),
    name: text().notNull(),
    query: jsonb().$type<StaffingPlanQuery>().notNull(),
    personIds: jsonb().$type<string[]>().notNull(),
    /** The home teams of the proposed people: their leads may read the plan. */
    teamIds: jsonb().$type<string[]>().notNull(),
    createdById: uuidRef(() => users.id),
    createdAt: timestamps.createdAt,
  },
  (t) => [index("staffing_plans_created_idx").on(t.createdAt)],
);

export type LearningResource = typeof learningResources.$inferSelect;
export type StaffingPlan = typeof staffingPlans.$inferSelect;

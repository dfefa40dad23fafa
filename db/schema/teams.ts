import { boolean, index, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

import { appendOnlyId, effectiveAt, lockVersion, timestamps, uuidId, uuidRef } from "./columns";
import { frameworks, frameworkVersions } from "./frameworks";
import { users } from "./users";

export const teams = pgTable(
  "teams",
  {
    ...uuidId(),
    name: text().notNull(),
    description: text().notNull().default(""),
    frameworkId: uuidRef(() => frameworks.id),
    frameworkVersionId: uuidRef(() => frameworkVersions.id),
    archivedAt: timestamp({ withTimezone: true }),
    ...lockVersion,
    ...timestamps,
  },
  (t) => [index("teams_framework_idx").on(t.frameworkId)],
);

export const teamMembers = pgTable(
  "team_members",
  {
    teamId: uuidRef(() => teams.id, { onDelete: "cascade" }),
    userId: uuidRef(() => users.id),
    isLead: boolean().notNull().default(false),
    // Level keys, stable across framework versions.
    currentLevelKey: text(),
    targetLevelKey: text(),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] }), index("team_members_user_idx").on(t.userId)],
);

// Which roadmap version a team used from when: a row per change, written by a
// trigger on teams in the same transaction (migration 0010), append-only like
// ratings. A closed quarter reads each team with the version it had then.
export const teamFrameworkHistory = pgTable(
  "team_framework_history",
  {
    ...appendOnlyId(),
    teamId: uuidRef(() => teams.id),
    frameworkId: uuidRef(() => frameworks.id),
    frameworkVersionId: uuidRef(() => frameworkVersions.id),
    ...effectiveAt(),
  },
  (t) => [index("team_framework_history_team_idx").on(t.teamId, t.effectiveAt.desc())],
);

// Who was in a team, as lead or not, at which levels, from when: a row per
// change of a membership (present = false once it ends), written by a trigger
// on team_members in the same transaction (migration 0011), append-only. A
// closed quarter reads the team as it was at its close.
export const teamMemberHistory = pgTable(
  "team_member_history",
  {
    ...appendOnlyId(),
    teamId: uuidRef(() => teams.id),
    userId: uuidRef(() => users.id),
    isLead: boolean().notNull(),
    currentLevelKey: text(),
    targetLevelKey: text(),
    present: boolean().notNull(),
    ...effectiveAt(),
  },
  (t) => [index("team_member_history_team_idx").on(t.teamId, t.userId, t.effectiveAt.desc())],
);

export type Team = typeof teams.$inferSelect;
export type TeamMember = typeof teamMembers.$inferSelect;

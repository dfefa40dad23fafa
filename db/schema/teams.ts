import { boolean, index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { lockVersion, timestamps } from "./columns";
import { frameworkVersions, frameworks } from "./frameworks";
import { users } from "./users";

export const teams = pgTable(
  "teams",
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    description: text().notNull().default(""),
    frameworkId: uuid()
      .notNull()
      .references(() => frameworks.id),
    frameworkVersionId: uuid()
      .notNull()
      .references(() => frameworkVersions.id),
    archivedAt: timestamp({ withTimezone: true }),
    ...lockVersion,
    ...timestamps,
  },
  (t) => [index("teams_framework_idx").on(t.frameworkId)],
);

export const teamMembers = pgTable(
  "team_members",
  {
    teamId: uuid()
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    isLead: boolean().notNull().default(false),
    // Level keys, stable across framework versions.
    currentLevelKey: text(),
    targetLevelKey: text(),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] }), index("team_members_user_idx").on(t.userId)],
);

export type Team = typeof teams.$inferSelect;
export type TeamMember = typeof teamMembers.$inferSelect;

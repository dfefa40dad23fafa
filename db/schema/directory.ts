import { sql } from "drizzle-orm";
import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

import { appendOnlyId, timestamps, uuidId, uuidRef } from "./columns";
import { userRole } from "./enums";
import { teams } from "./teams";
import { users } from "./users";

// Directory sync (SCIM 2.0, lib/scim): the org's IdP provisions people and
// groups here. People are rows of `users` (with their SCIM attributes there);
// groups are their own rows, mapped by an admin to a team or a role.

// Bearer tokens an IdP presents on /scim/v2. Only a SHA-256 of the token is
// kept: it is shown once, at creation.
export const scimTokens = pgTable(
  "scim_tokens",
  {
    ...uuidId(),
    name: text().notNull(),
    tokenHash: text().notNull(),
    /** The first characters of the token, to tell tokens apart on the page. */
    hint: text().notNull(),
    createdById: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp({ withTimezone: true }),
    expiresAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex("scim_tokens_hash_key").on(t.tokenHash)],
);

// A directory group. `teamId` set: the team's membership is the group's
// (hand edits of it are refused). `role` set: members get that role.
export const directoryGroups = pgTable(
  "directory_groups",
  {
    ...uuidId(),
    externalId: text(),
    displayName: text().notNull(),
    teamId: uuid().references(() => teams.id),
    role: userRole(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("directory_groups_name_key").on(sql`lower(${t.displayName})`),
    uniqueIndex("directory_groups_team_key").on(t.teamId),
  ],
);

export const directoryGroupMembers = pgTable(
  "directory_group_members",
  {
    groupId: uuidRef(() => directoryGroups.id, { onDelete: "cascade" }),
    userId: uuidRef(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.userId] }), index("directory_group_members_user_idx").on(t.userId)],
);

// The provisioning log on /org/directory: one row per SCIM request that
// changed something or was refused (reads that succeed are not kept).
export const scimEvents = pgTable(
  "scim_events",
  {
    ...appendOnlyId(),
    tokenName: text(),
    method: text().notNull(),
    path: text().notNull(),
    status: integer().notNull(),
    scimType: text(),
    /** Our own words about what happened; never a database message or a request body. */
    detail: text().notNull().default(""),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("scim_events_created_idx").on(t.createdAt)],
);

export type ScimToken = typeof scimTokens.$inferSelect;
export type DirectoryGroup = typeof directoryGroups.$inferSelect;

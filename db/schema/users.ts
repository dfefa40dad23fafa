import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";

import { timestamps, uuidId } from "./columns";
import { userRole } from "./enums";

// People come from SSO and are keyed by issuer + subject, never by email alone.
// A row without issuer/subject is pre-provisioned (added to a team by email)
// and is linked at that person's first sign-in.
export const users = pgTable(
  "users",
  {
    ...uuidId(),
    issuer: text(),
    subject: text(),
    email: text().notNull(),
    name: text().notNull().default(""),
    locale: text().notNull().default("en"),
    role: userRole().notNull().default("member"),
    disabled: boolean().notNull().default(false),
    // Bumped by sign-out, "sign out everywhere", disable and role changes: a
    // session token carries the generation it was issued under and is refused
    // once the row has moved on (lib/auth/viewer.ts).
    sessionGeneration: integer().notNull().default(0),
    lastSignInAt: timestamp({ withTimezone: true }),
    // SCIM (lib/scim): the IdP's own key and login name, the name parts and
    // title it sends, and the person's manager. `scimDeletedAt`: the IdP
    // deleted the person; they stay, disabled, with their history, but SCIM
    // answers 404 for them from then on.
    externalId: text(),
    userName: text(),
    givenName: text(),
    familyName: text(),
    title: text(),
    /** The role was given by a directory role group (lib/data/directory-effects.ts), not by an admin's hand. */
    roleFromDirectory: boolean().notNull().default(false),
    managerId: uuid().references((): AnyPgColumn => users.id, { onDelete: "set null" }),
    scimDeletedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("users_issuer_subject_key").on(t.issuer, t.subject),
    uniqueIndex("users_email_key").on(sql`lower(${t.email})`),
    index("users_role_idx").on(t.role),
    uniqueIndex("users_user_name_key").on(sql`lower(${t.userName})`),
    // SCIM's userName of a person the IdP has not named yet is their email (lib/data/scim-users.ts).
    index("users_scim_user_name_idx").on(sql`lower(coalesce(${t.userName}, ${t.email}))`),
    index("users_external_id_idx").on(t.externalId),
  ],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

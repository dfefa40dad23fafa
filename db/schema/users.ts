import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

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
    ...timestamps,
  },
  (t) => [
    uniqueIndex("users_issuer_subject_key").on(t.issuer, t.subject),
    uniqueIndex("users_email_key").on(sql`lower(${t.email})`),
    index("users_role_idx").on(t.role),
  ],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

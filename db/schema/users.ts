import { sql } from "drizzle-orm";
import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { timestamps } from "./columns";
import { userRole } from "./enums";

// People come from SSO and are keyed by issuer + subject, never by email alone.
// A row without issuer/subject is pre-provisioned (added to a team by email)
// and is linked at that person's first sign-in.
export const users = pgTable(
  "users",
  {
    id: uuid().primaryKey().defaultRandom(),
    issuer: text(),
    subject: text(),
    email: text().notNull(),
    name: text().notNull().default(""),
    locale: text().notNull().default("en"),
    role: userRole().notNull().default("member"),
    disabled: boolean().notNull().default(false),
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

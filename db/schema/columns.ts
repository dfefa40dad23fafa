import { integer, timestamp } from "drizzle-orm/pg-core";

// Shared column groups so every table carries the same bookkeeping.
export const timestamps = {
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date()),
};

// Optimistic concurrency: writers send the version they read and the update
// only matches when it is still current.
export const lockVersion = {
  lockVersion: integer().notNull().default(1),
};

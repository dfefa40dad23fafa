import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

import { appendOnlyId, uuidRef } from "./columns";
import { raterKind } from "./enums";
import { frameworks } from "./frameworks";
import { assessmentCycles } from "./planning";
import { users } from "./users";

// Append-only history: a new rating is a new row; the current rating of a
// member x skill is the latest row (per rater kind) as of a date. A trigger
// (see migrations) rejects UPDATE and DELETE.
export const ratings = pgTable(
  "ratings",
  {
    ...appendOnlyId(),
    userId: uuidRef(() => users.id),
    frameworkId: uuidRef(() => frameworks.id),
    skillKey: text().notNull(),
    raterKind: raterKind().notNull(),
    raterId: uuidRef(() => users.id),
    // 0 none, 1 aware, 2 with help, 3 independently, 4 teaches / sets direction.
    proficiency: smallint(),
    notApplicable: boolean().notNull().default(false),
    // 0 not interested, 1 interested, 2 eager to grow. Self ratings only.
    interest: smallint(),
    evidence: text(),
    comment: text(),
    // The quarter the rating belongs to, e.g. "2026-Q4" (derived from ratedAt).
    quarter: text().notNull(),
    ratedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    // Client-generated id of the save; a retried request inserts nothing twice.
    requestId: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("ratings_proficiency_range", sql`${t.proficiency} is null or ${t.proficiency} between 0 and 4`),
    check("ratings_interest_range", sql`${t.interest} is null or ${t.interest} between 0 and 2`),
    check(
      "ratings_value_present",
      sql`(${t.notApplicable} and ${t.proficiency} is null) or (not ${t.notApplicable} and ${t.proficiency} is not null)`,
    ),
    check("ratings_quarter_format", sql`${t.quarter} ~ '^[0-9]{4}-Q[1-4]$'`),
    // "Latest rating per member x skill as of a date": DISTINCT ON / lateral
    // scans walk this index backwards from the as-of date.
    index("ratings_latest_idx").on(t.frameworkId, t.userId, t.skillKey, t.raterKind, t.ratedAt.desc()),
    // Coverage of one skill across the org, and per-quarter snapshots.
    index("ratings_skill_idx").on(t.frameworkId, t.skillKey, t.ratedAt),
    index("ratings_quarter_idx").on(t.frameworkId, t.quarter),
    uniqueIndex("ratings_request_id_key").on(t.requestId),
  ],
);

// A cell of the matrix (member × skill × rater kind) with its latest rating's
// values, copied so a read needs no join. No foreign key to ratings: they are
// never removed, and a reference would turn the append-only trigger's refusal
// of TRUNCATE ratings into a foreign-key error.
const latestRatingCell = () => ({
  frameworkId: uuid().notNull(),
  userId: uuid().notNull(),
  skillKey: text().notNull(),
  raterKind: raterKind().notNull(),
  ratingId: bigint({ mode: "number" }).notNull(),
  proficiency: smallint(),
  notApplicable: boolean().notNull(),
  interest: smallint(),
  quarter: text().notNull(),
});

// The latest rating of each member × skill × rater kind, kept by a trigger on
// every insert into `ratings` (migration 0006), in the same transaction. It is
// derived data, not history: "now" heatmaps read these rows directly instead
// of picking the newest of every member's whole history; past moments still
// read the history. Latest = newest rated_at, then highest rating id.
export const ratingsCurrent = pgTable(
  "ratings_current",
  {
    ...latestRatingCell(),
    ratedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.frameworkId, t.userId, t.skillKey, t.raterKind] }),
    // Who holds a skill across the org (/people/find, /people/staff, /skills/[key]): one skill's cells, read from the
    // index alone (every column a search reads is in it), without visiting the table's pages. On 2,000 × 60 it
    // read five skills in ~5 ms against ~40 ms for an index on (framework, skill) that then visits the rows.
    index("ratings_current_skill_idx").on(
      t.frameworkId,
      t.skillKey,
      t.userId,
      t.raterKind,
      t.proficiency,
      t.notApplicable,
      t.interest,
      t.quarter,
    ),
  ],
);

// A closed quarter's ratings, taken when its cycle closes (lib/data/cycles.ts):
// the latest rating of each member × skill × rater kind as of the close, for
// every framework. Derived from the append-only history like ratings_current,
// so a closed quarter is read in one pass over one row per cell instead of
// picking the newest of every member's history; dropped when the cycle is
// reopened and taken again at the next close.
export const closedQuarterRatings = pgTable(
  "closed_quarter_ratings",
  {
    cycleId: uuidRef(() => assessmentCycles.id),
    ...latestRatingCell(),
  },
  (t) => [primaryKey({ columns: [t.cycleId, t.frameworkId, t.userId, t.skillKey, t.raterKind] })],
);

export type Rating = typeof ratings.$inferSelect;
export type NewRating = typeof ratings.$inferInsert;

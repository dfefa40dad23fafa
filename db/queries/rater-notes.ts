import { and, desc, eq, inArray, isNotNull, lte, ne, or } from "drizzle-orm";

import type { RaterNote } from "@/lib/export/dataset";
import { raterNotesByCell } from "@/lib/export/rater-notes";

import type { DbOrTx } from "../client";
import { closedQuarterRatings, ratings, ratingsCurrent, users } from "../schema";
import { snapshotCycleAt } from "./closed-quarter";

type NotesQuery = { frameworkId: string; userIds: string[]; asOf: Date | "now" };

const columns = {
  userId: ratings.userId,
  skillKey: ratings.skillKey,
  kind: ratings.raterKind,
  raterId: ratings.raterId,
  evidence: ratings.evidence,
  comment: ratings.comment,
};

/** The live ratings: one per member, skill and rater kind. */
function currentRatings(db: DbOrTx, { frameworkId, userIds }: NotesQuery) {
  return db
    .select(columns)
    .from(ratingsCurrent)
    .innerJoin(ratings, eq(ratings.id, ratingsCurrent.ratingId))
    .where(and(eq(ratingsCurrent.frameworkId, frameworkId), inArray(ratingsCurrent.userId, userIds)))
    .as("latest");
}

/** A closed quarter's ratings, as its snapshot froze them at the close. */
function snapshotRatings(db: DbOrTx, cycleId: string, { frameworkId, userIds }: NotesQuery) {
  return db
    .select(columns)
    .from(closedQuarterRatings)
    .innerJoin(ratings, eq(ratings.id, closedQuarterRatings.ratingId))
    .where(
      and(
        eq(closedQuarterRatings.cycleId, cycleId),
        eq(closedQuarterRatings.frameworkId, frameworkId),
        inArray(closedQuarterRatings.userId, userIds),
      ),
    )
    .as("latest");
}

/** The newest history row per member, skill and rater kind as of a past moment. */
function historyRatingsAt(db: DbOrTx, asOf: Date, { frameworkId, userIds }: NotesQuery) {
  return db
    .selectDistinctOn([ratings.userId, ratings.skillKey, ratings.raterKind], columns)
    .from(ratings)
    .where(and(eq(ratings.frameworkId, frameworkId), lte(ratings.ratedAt, asOf), inArray(ratings.userId, userIds)))
    .orderBy(ratings.userId, ratings.skillKey, ratings.raterKind, desc(ratings.ratedAt), desc(ratings.id))
    .as("latest");
}

/** The ratings the matrix showed at the moment, read the way the heatmap read them. */
async function latestRatingsAt(db: DbOrTx, query: NotesQuery) {
  if (query.asOf === "now") return currentRatings(db, query);
  const snapshot = await snapshotCycleAt(db, query.asOf);
  return snapshot ? snapshotRatings(db, snapshot, query) : historyRatingsAt(db, query.asOf, query);
}

/**
 * Who wrote each member's latest self and lead rating at the matrix's
 * moment (the same rows the heatmap read: ratings_current when live, a closed
 * quarter's snapshot, else the newest history row as of then), with its notes, keyed
 * `userId|skillKey|kind`. Only rows that add something are read: a lead's,
 * one entered by someone else (an import), or one with a note; any other
 * rated cell is the member's own.
 */
export async function latestRaterNotes(db: DbOrTx, query: NotesQuery): Promise<Map<string, RaterNote>> {
  if (!query.userIds.length) return new Map();
  const latest = await latestRatingsAt(db, query);
  const rows = await db
    .select({
      userId: latest.userId,
      skillKey: latest.skillKey,
      kind: latest.kind,
      raterId: latest.raterId,
      raterName: users.name,
      evidence: latest.evidence,
      comment: latest.comment,
    })
    .from(latest)
    .innerJoin(users, eq(users.id, latest.raterId))
    .where(or(ne(latest.raterId, latest.userId), isNotNull(latest.evidence), isNotNull(latest.comment)));
  return raterNotesByCell(rows);
}

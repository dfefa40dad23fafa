import { sql } from "drizzle-orm";

import type { DatedRating } from "@/lib/analytics/matrix";

import { execRows, type DbOrTx } from "../client";

// What changed between two data stamps (lib/server/payload-cache.ts), for
// payloads that catch up instead of being rebuilt whole.

/**
 * Audit actions of writes that change rating cells and nothing else a heatmap
 * shows. A spreadsheet import is not one: its rows may carry past dates and
 * are written in one long transaction.
 */
const RATING_ONLY_ACTIONS = ["rating.self_saved", "rating.validated", "rating.confirmed_unchanged"];

/**
 * Ids are handed out when a row is inserted, but rows become visible when
 * their transaction commits, which may be in another order: a rating or audit
 * row with an id just below a stamp can appear after the stamp was read. Each
 * window is therefore read again from this many ids below its start (a few
 * hundred rows of an index at most): re-applying a cell is harmless, and an
 * audit event already seen is told apart from one that appeared late.
 */
export const LATE_COMMIT_OVERLAP = 256;

/** The parts of a data stamp a catch-up reads from (lib/server/payload-cache.ts dataStamp). */
export type StampParts = { auditId: number; ratingId: number; usersUpdatedAt: string };

/**
 * The audit events of writes other than rating saves with ids in (afterId,
 * upToId], oldest first: a payload is caught up only when there are none it
 * has not already seen.
 */
export async function otherWritesBetween(db: DbOrTx, afterId: number, upToId: number): Promise<number[]> {
  const actions = sql.join(
    RATING_ONLY_ACTIONS.map((a) => sql`${a}`),
    sql`, `,
  );
  const rows = await execRows<{ id: number | string }>(
    db,
    sql`select id from audit_events where id > ${afterId} and id <= ${upToId} and action not in (${actions}) order by id`,
  );
  return rows.map((r) => Number(r.id));
}

/** The people whose ratings (any framework) were written between the two stamps. */
export async function ratersBetween(db: DbOrTx, from: StampParts, to: StampParts): Promise<Set<string>> {
  const rows = await execRows<{ userId: string }>(
    db,
    sql`select distinct user_id as "userId" from ratings
      where id > ${from.ratingId - LATE_COMMIT_OVERLAP} and id <= ${to.ratingId}`,
  );
  return new Set(rows.map((r) => r.userId));
}

/** The current value of every cell of a framework rated between the two stamps (as latestRatings reads "now"). */
export async function cellsRatedBetween(
  db: DbOrTx,
  frameworkId: string,
  from: StampParts,
  to: StampParts,
): Promise<DatedRating[]> {
  return execRows<DatedRating>(
    db,
    sql`select c.user_id as "userId", c.skill_key as "skillKey", c.rater_kind as "raterKind", c.proficiency,
        c.not_applicable as "notApplicable", c.interest, c.quarter
      from ratings_current c
      where c.framework_id = ${frameworkId} and (c.user_id, c.skill_key, c.rater_kind) in (
        select r.user_id, r.skill_key, r.rater_kind from ratings r
        where r.id > ${from.ratingId - LATE_COMMIT_OVERLAP} and r.id <= ${to.ratingId} and r.framework_id = ${frameworkId})`,
  );
}

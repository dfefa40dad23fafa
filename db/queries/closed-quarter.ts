import { and, eq, isNotNull, sql } from "drizzle-orm";

import type { DbOrTx } from "../client";
import { assessmentCycles, closedQuarterRatings } from "../schema";

// A closed quarter's ratings, materialised when its cycle closes: the
// latest rating per framework × member × skill × rater kind as of the close.
// Reading a closed quarter is then one row per cell, as fast as a live read,
// instead of sorting every member's history as of the close.

/**
 * Takes the snapshot of a cycle closed at `closedAt`, in the caller's
 * transaction. Cells not rated since the close are taken from
 * ratings_current; only cells rated since are looked up in the history.
 */
export async function takeRatingsSnapshot(tx: DbOrTx, cycleId: string, closedAt: Date): Promise<void> {
  const at = sql`${closedAt.toISOString()}::timestamptz`;
  await tx.execute(sql`
    insert into closed_quarter_ratings (cycle_id, framework_id, user_id, skill_key, rater_kind, rating_id, proficiency, not_applicable, interest, quarter)
    select ${cycleId}::uuid, framework_id, user_id, skill_key, rater_kind, rating_id, proficiency, not_applicable, interest, quarter
    from ratings_current where rated_at <= ${at}
    union all
    select * from (
      select distinct on (r.framework_id, r.user_id, r.skill_key, r.rater_kind)
        ${cycleId}::uuid, r.framework_id, r.user_id, r.skill_key, r.rater_kind, r.id, r.proficiency, r.not_applicable, r.interest, r.quarter
      from ratings_current c
      join ratings r on r.framework_id = c.framework_id and r.user_id = c.user_id and r.skill_key = c.skill_key and r.rater_kind = c.rater_kind
      where c.rated_at > ${at} and r.rated_at <= ${at}
      order by r.framework_id, r.user_id, r.skill_key, r.rater_kind, r.rated_at desc, r.id desc) rated_since`);
  await tx
    .update(assessmentCycles)
    .set({ ratingsSnapshotAt: sql`now()` })
    .where(eq(assessmentCycles.id, cycleId));
}

/** Drops a reopened cycle's snapshot (derived rows: the history they came from stays). */
export async function dropRatingsSnapshot(tx: DbOrTx, cycleId: string): Promise<void> {
  await tx.delete(closedQuarterRatings).where(eq(closedQuarterRatings.cycleId, cycleId));
  await tx.update(assessmentCycles).set({ ratingsSnapshotAt: null }).where(eq(assessmentCycles.id, cycleId));
}

/** The closed cycle whose snapshot holds the ratings as of this moment (its close), if any. */
export async function snapshotCycleAt(db: DbOrTx, asOf: Date): Promise<string | null> {
  const [row] = await db
    .select({ id: assessmentCycles.id })
    .from(assessmentCycles)
    .where(
      and(
        eq(assessmentCycles.status, "closed"),
        eq(assessmentCycles.closedAt, asOf),
        isNotNull(assessmentCycles.ratingsSnapshotAt),
      ),
    )
    .limit(1);
  return row?.id ?? null;
}

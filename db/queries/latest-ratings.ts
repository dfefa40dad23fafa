import { sql, type SQL } from "drizzle-orm";

import type { DatedRating } from "@/lib/analytics/matrix";

import { execRows, type DbOrTx } from "../client";
import { snapshotCycleAt } from "./closed-quarter";

/**
 * The latest rating of each member × skill × rater kind, for the members a
 * subquery selects (`select user_id from …`).
 * - "now" reads ratings_current, which a trigger keeps in step with every
 *   insert: one row per cell, no sorting of anyone's history.
 * - A closed quarter's close reads the snapshot its close took
 *   (closed_quarter_ratings, db/queries/closed-quarter.ts): one row per cell.
 * - Any other past moment picks the newest history row as of then (DISTINCT
 *   ON, served by ratings_latest_idx); history is never modified, so it is exact.
 * Raw rows without per-row ORM mapping: this is the hot read of every heatmap.
 */
export async function latestRatings(
  db: DbOrTx,
  { frameworkId, asOf, members }: { frameworkId: string; asOf: Date | "now"; members: SQL },
): Promise<DatedRating[]> {
  const columns = (t: string) =>
    sql.raw(
      `${t}.user_id as "userId", ${t}.skill_key as "skillKey", ${t}.rater_kind as "raterKind", ${t}.proficiency, ${t}.not_applicable as "notApplicable", ${t}.interest, ${t}.quarter`,
    );
  const snapshot = asOf === "now" ? null : await snapshotCycleAt(db, asOf);
  const query =
    asOf === "now"
      ? sql`select ${columns("c")} from ratings_current c where c.framework_id = ${frameworkId} and c.user_id in (${members})`
      : snapshot
        ? sql`select ${columns("s")} from closed_quarter_ratings s where s.cycle_id = ${snapshot} and s.framework_id = ${frameworkId} and s.user_id in (${members})`
        : sql`select distinct on (r.user_id, r.skill_key, r.rater_kind) ${columns("r")} from ratings r
              where r.framework_id = ${frameworkId} and r.rated_at <= ${asOf.toISOString()}::timestamptz and r.user_id in (${members})
              order by r.user_id, r.skill_key, r.rater_kind, r.rated_at desc, r.id desc`;
  return execRows<DatedRating>(db, query);
}

import { type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";

export type LatestRating = {
  userId: string;
  skillKey: string;
  raterKind: "self" | "manager";
  proficiency: number | null;
  notApplicable: boolean;
  interest: number | null;
  quarter: string;
};

/**
 * The latest rating of each member × skill × rater kind, for the members a
 * subquery selects (`select user_id from …`).
 * - "now" reads ratings_current, which a trigger keeps in step with every
 *   insert: one row per cell, no sorting of anyone's history.
 * - A past moment picks the newest history row as of then (DISTINCT ON,
 *   served by ratings_latest_idx); history is never modified, so it is exact.
 * Raw rows without per-row ORM mapping: this is the hot read of every heatmap.
 */
export async function latestRatings(db: DbOrTx, { frameworkId, asOf, members }: { frameworkId: string; asOf: Date | "now"; members: SQL }): Promise<LatestRating[]> {
  const columns = sql.raw(`user_id as "userId", skill_key as "skillKey", rater_kind as "raterKind", proficiency, not_applicable as "notApplicable", interest, quarter`);
  const query =
    asOf === "now"
      ? sql`select ${columns} from ratings_current where framework_id = ${frameworkId} and user_id in (${members})`
      : sql`select distinct on (user_id, skill_key, rater_kind) ${columns} from ratings
            where framework_id = ${frameworkId} and rated_at <= ${asOf.toISOString()}::timestamptz and user_id in (${members})
            order by user_id, skill_key, rater_kind, rated_at desc, id desc`;
  const result = await db.execute(query);
  return ((result as { rows?: LatestRating[] }).rows ?? (result as unknown as LatestRating[])) as LatestRating[];
}

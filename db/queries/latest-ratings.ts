import { and, desc, eq, inArray, lte, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { ratings } from "../schema";

export type LatestRating = {
  userId: string;
  skillKey: string;
  raterKind: "self" | "manager";
  proficiency: number | null;
  notApplicable: boolean;
  interest: number | null;
  quarter: string;
  ratedAt: Date;
};

/**
 * The latest rating of each member x skill x rater kind as of a moment: one
 * DISTINCT ON query served by ratings_latest_idx, however many members.
 * History rows are never modified, so "as of" a past date is exact.
 */
export async function latestRatingsAsOf(
  db: DbOrTx,
  { frameworkId, asOf, userIds }: { frameworkId: string; asOf: Date; userIds?: string[] },
): Promise<LatestRating[]> {
  if (userIds && userIds.length === 0) return [];
  return db
    .selectDistinctOn([ratings.userId, ratings.skillKey, ratings.raterKind], {
      userId: ratings.userId,
      skillKey: ratings.skillKey,
      raterKind: ratings.raterKind,
      proficiency: ratings.proficiency,
      notApplicable: ratings.notApplicable,
      interest: ratings.interest,
      quarter: ratings.quarter,
      ratedAt: ratings.ratedAt,
    })
    .from(ratings)
    .where(
      and(
        eq(ratings.frameworkId, frameworkId),
        lte(ratings.ratedAt, asOf),
        userIds ? inArray(ratings.userId, userIds) : sql`true`,
      ),
    )
    .orderBy(ratings.userId, ratings.skillKey, ratings.raterKind, desc(ratings.ratedAt), desc(ratings.id));
}

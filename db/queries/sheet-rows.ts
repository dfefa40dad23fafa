import { and, asc, eq } from "drizzle-orm";

import type { RatingPoint } from "@/lib/analytics/rating-sheet";

import type { DbOrTx } from "../client";
import { frameworkVersions, ratings, users } from "../schema";
import { resolveMemberFramework, type MemberFramework } from "./member-framework";
import { readVersionRows, type VersionRows } from "./version-rows";

export type SheetRows = {
  framework: MemberFramework;
  version: typeof frameworkVersions.$inferSelect | undefined;
  rows: VersionRows;
  history: RatingPoint[];
};

/**
 * What the person's rating sheet is built from (lib/analytics/rating-sheet.ts
 * ratingSheet): their framework, its rows and their ratings in it, oldest
 * first. A fixed number of queries; null without any published roadmap.
 */
export async function readSheetRows(db: DbOrTx, userId: string): Promise<SheetRows | null> {
  const framework = await resolveMemberFramework(db, userId);
  if (!framework) return null;
  const [[version], rows, history] = await Promise.all([
    db.select().from(frameworkVersions).where(eq(frameworkVersions.id, framework.versionId)),
    readVersionRows(db, framework.versionId, { published: true }),
    db
      .select({
        skillKey: ratings.skillKey,
        kind: ratings.raterKind,
        raterId: ratings.raterId,
        proficiency: ratings.proficiency,
        notApplicable: ratings.notApplicable,
        interest: ratings.interest,
        evidence: ratings.evidence,
        comment: ratings.comment,
        quarter: ratings.quarter,
        ratedAt: ratings.ratedAt,
        raterName: users.name,
      })
      .from(ratings)
      .innerJoin(users, eq(users.id, ratings.raterId))
      .where(and(eq(ratings.userId, userId), eq(ratings.frameworkId, framework.frameworkId)))
      .orderBy(asc(ratings.ratedAt), asc(ratings.id)),
  ]);
  return { framework, version, rows, history };
}

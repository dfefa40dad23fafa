import "server-only";

import { and, asc, eq } from "drizzle-orm";

import { getDb } from "@/db/client";
import { resolveMemberFramework } from "@/db/queries/member-framework";
import { readVersionRows } from "@/db/queries/version-rows";
import { frameworkVersions, ratings, teamMembers, users } from "@/db/schema";
import { ratingSheet, type RatingSheetDto } from "@/lib/analytics/rating-sheet";
import type { Viewer } from "@/lib/auth/viewer";
import { forbidden } from "@/lib/errors";
import type { AppLocale } from "@/lib/i18n/locales";
import { quarterOf } from "@/lib/quarters";
import { memberSheetSchema } from "@/lib/validations/reads";

import { parseTeamInput, requirePermission } from "./guard";

export type { HistoryPoint, ImportedBy, RatingSheetDto, SkillRatingDto } from "@/lib/analytics/rating-sheet";

/** The caller's own rating sheet. */
export async function getMyRatingSheet(
  viewer: Viewer | null,
  { locale }: { locale: AppLocale },
): Promise<RatingSheetDto | null> {
  const v = requirePermission(viewer, "self:rate");
  return buildSheet({ id: v.id, name: v.name }, locale);
}

/** A team member's sheet, for a lead of that team (or an admin). */
export async function getMemberRatingSheet(viewer: Viewer | null, raw: unknown, { locale }: { locale: AppLocale }) {
  const { input } = parseTeamInput(viewer, memberSheetSchema, raw, "team:read");
  const db = getDb();
  const [row] = await db
    .select({ id: users.id, name: users.name })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(and(eq(teamMembers.teamId, input.teamId), eq(teamMembers.userId, input.userId)));
  if (!row) throw forbidden("That person is not in this team.");
  return buildSheet(row, locale);
}

/** Reads the member's framework, its rows and the member's ratings in it, and shapes the sheet. */
async function buildSheet(
  member: { id: string; name: string },
  locale: AppLocale,
  now = new Date(),
): Promise<RatingSheetDto | null> {
  const db = getDb();
  const fw = await resolveMemberFramework(db, member.id);
  if (!fw) return null;
  const [[version], rows, history] = await Promise.all([
    db.select().from(frameworkVersions).where(eq(frameworkVersions.id, fw.versionId)),
    readVersionRows(db, fw.versionId, { published: true }),
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
      .where(and(eq(ratings.userId, member.id), eq(ratings.frameworkId, fw.frameworkId)))
      .orderBy(asc(ratings.ratedAt), asc(ratings.id)),
  ]);
  return ratingSheet({ member, framework: fw, version, rows, history, currentQuarter: quarterOf(now), locale });
}

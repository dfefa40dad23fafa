import "server-only";

import { and, eq } from "drizzle-orm";

import { getDb } from "@/db/client";
import { readSheetRows } from "@/db/queries/sheet-rows";
import { teamMembers, users } from "@/db/schema";
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
  const read = await readSheetRows(getDb(), member.id);
  return read && ratingSheet({ member, ...read, currentQuarter: quarterOf(now), locale });
}

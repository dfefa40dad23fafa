import "server-only";

import { and, desc, eq, inArray, isNotNull, lte, ne, or } from "drizzle-orm";
import { z } from "zod";

import { getDb, type DbOrTx } from "@/db/client";
import { writeAudit } from "@/db/queries/audit";
import { snapshotCycleAt } from "@/db/queries/closed-quarter";
import { analyseTeam } from "@/db/queries/team-analysis";
import { teamMembersAt } from "@/db/queries/team-as-of";
import { closedQuarterRatings, ratings, ratingsCurrent, teams, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { exportFilename, planningDataset, type RaterNote } from "@/lib/export/dataset";
import type { PlanningExport } from "@/lib/export/schema";
import type { AppLocale } from "@/lib/i18n/locales";
import { getLogger } from "@/lib/observability/logger";
import { metrics } from "@/lib/observability/metrics";
import { consumeRateLimit, LIMITS } from "@/lib/server/rate-limit";
import { uuidSchema } from "@/lib/validations/ids";
import { exportRequestSchema } from "@/lib/validations/reads";

import { parseInput, requirePermission, requireSignedIn, requireTeamPermission } from "./guard";
import { getOrgHeatmap, getTeamHeatmap, type HeatmapDto } from "./heatmap";

/**
 * Who wrote each member's latest self and lead rating at the matrix's
 * moment (the same rows the heatmap read: ratings_current when live, a closed
 * quarter's snapshot, else the newest history row as of then), with its notes, keyed
 * `userId|skillKey|kind`. Only rows that add something are read: a lead's,
 * one entered by someone else (an import), or one with a note; any other
 * rated cell is the member's own.
 */
async function latestRaterNotes(
  db: DbOrTx,
  { frameworkId, userIds, asOf }: { frameworkId: string; userIds: string[]; asOf: Date | "now" },
): Promise<Map<string, RaterNote>> {
  if (!userIds.length) return new Map();
  const columns = {
    userId: ratings.userId,
    skillKey: ratings.skillKey,
    kind: ratings.raterKind,
    raterId: ratings.raterId,
    evidence: ratings.evidence,
    comment: ratings.comment,
  };
  const snapshot = asOf === "now" ? null : await snapshotCycleAt(db, asOf);
  const latest =
    asOf === "now"
      ? db
          .select(columns)
          .from(ratingsCurrent)
          .innerJoin(ratings, eq(ratings.id, ratingsCurrent.ratingId))
          .where(and(eq(ratingsCurrent.frameworkId, frameworkId), inArray(ratingsCurrent.userId, userIds)))
          .as("latest")
      : snapshot
        ? db
            .select(columns)
            .from(closedQuarterRatings)
            .innerJoin(ratings, eq(ratings.id, closedQuarterRatings.ratingId))
            .where(
              and(
                eq(closedQuarterRatings.cycleId, snapshot),
                eq(closedQuarterRatings.frameworkId, frameworkId),
                inArray(closedQuarterRatings.userId, userIds),
              ),
            )
            .as("latest")
        : db
            .selectDistinctOn([ratings.userId, ratings.skillKey, ratings.raterKind], columns)
            .from(ratings)
            .where(
              and(eq(ratings.frameworkId, frameworkId), lte(ratings.ratedAt, asOf), inArray(ratings.userId, userIds)),
            )
            .orderBy(ratings.userId, ratings.skillKey, ratings.raterKind, desc(ratings.ratedAt), desc(ratings.id))
            .as("latest");
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
  return new Map(
    rows.map((r) => [
      `${r.userId}|${r.skillKey}|${r.kind}`,
      { rater: { id: r.raterId, name: r.raterName }, evidence: r.evidence, comment: r.comment },
    ]),
  );
}

/**
 * Everything a planning meeting needs for a team (leads, admins) or the whole
 * org (admins), as of a quarter, in the documented export shape. Records an
 * audit event for the export.
 */
export async function getPlanningDataset(
  viewer: Viewer | null,
  raw: unknown,
  { locale }: { locale: AppLocale },
): Promise<PlanningExport & { filename: string }> {
  requireSignedIn(viewer);
  const input = parseInput(exportRequestSchema, raw);
  if (input.scope === "team") {
    if (!input.teamId) throw parseInput(z.strictObject({ teamId: uuidSchema }), {});
    try {
      requireTeamPermission(viewer, input.teamId, "team:export");
    } catch (e) {
      // Someone asked for another team's data: refuse, and leave a trace in the logs.
      getLogger().warn({ actor: viewer?.id ?? null, teamId: input.teamId }, "export of another team's data refused");
      throw e;
    }
  } else requirePermission(viewer, "export:org");
  const v = viewer!;
  await consumeRateLimit(`export:${v.id}`, LIMITS.export);
  const db = getDb();

  const heatmap: HeatmapDto | null =
    input.scope === "team"
      ? await getTeamHeatmap(v, { teamId: input.teamId, quarter: input.quarter ?? null }, { locale })
      : await getOrgHeatmap(v, { quarter: input.quarter ?? null }, { locale });
  const members = heatmap?.members ?? [];
  const teamIds = [...new Set(members.map((m) => m.teamId))];
  const emails = new Map(
    heatmap?.members.length
      ? (
          await db
            .select({ id: users.id, email: users.email })
            .from(users)
            .where(inArray(users.id, [...new Set(heatmap.members.map((m) => m.id))]))
        ).map((u) => [u.id, u.email])
      : [],
  );
  const asOf = heatmap ? new Date(heatmap.asOf) : new Date();
  // Levels as they were at the matrix's moment (db/queries/team-as-of.ts).
  const levelKeys = new Map(
    (await teamMembersAt(db, heatmap?.live ? "now" : asOf, teamIds)).map((r) => [
      `${r.teamId}|${r.userId}`,
      r.currentLevelKey,
    ]),
  );
  // Live (current quarter, not frozen by a closed cycle): the analysis reads ratings_current.
  // The export has no readiness trend, so each analysis reads one snapshot.
  const analyses = await Promise.all(
    teamIds.map((id) => analyseTeam(db, id, locale, heatmap?.live ? undefined : asOf, { trend: false })),
  );
  const teamNames = new Map(
    (teamIds.length
      ? await db.select({ id: teams.id, name: teams.name }).from(teams).where(inArray(teams.id, teamIds))
      : []
    ).map((t) => [t.id, t.name]),
  );
  // Who entered each rating the matrix shows, read from the same framework and moment.
  const notes = heatmap
    ? await latestRaterNotes(db, {
        frameworkId: heatmap.frameworkId,
        userIds: [...new Set(members.map((m) => m.id))],
        asOf: heatmap.live ? "now" : asOf,
      })
    : new Map<string, RaterNote>();

  const dataset = planningDataset({
    scope: input.scope,
    quarter: heatmap?.quarter ?? input.quarter ?? "",
    asOf,
    locale,
    heatmap,
    teamIds,
    teamNames,
    emails,
    levelKeys,
    notes,
    analyses,
  });
  await db.transaction((tx) =>
    writeAudit(tx, {
      actor: v,
      action: "export.created",
      entityType: input.scope === "team" ? "team" : "organisation",
      entityId: input.teamId ?? null,
      after: {
        format: input.format,
        quarter: dataset.quarter,
        people: dataset.people.length,
        skills: dataset.skills.length,
      },
    }),
  );
  metrics().exports.inc({ format: input.format, scope: input.scope });
  return { ...dataset, filename: exportFilename(dataset) };
}

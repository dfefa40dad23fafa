import "server-only";

import { z } from "zod";

import { getDb, type DbOrTx } from "@/db/client";
import { writeAudit } from "@/db/queries/audit";
import { emailsById, teamNamesById } from "@/db/queries/names";
import { latestRaterNotes } from "@/db/queries/rater-notes";
import { analyseTeam } from "@/db/queries/team-analysis";
import { teamMembersAt } from "@/db/queries/team-as-of";
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

type ExportRequest = z.infer<typeof exportRequestSchema>;

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
  const dataset = planningDataset({
    scope: input.scope,
    quarter: heatmap?.quarter ?? input.quarter ?? "",
    locale,
    heatmap,
    ...(await readAroundMatrix(db, heatmap, locale)),
  });
  await db.transaction((tx) => auditExport(tx, v, input, dataset));
  metrics().exports.inc({ format: input.format, scope: input.scope });
  return { ...dataset, filename: exportFilename(dataset) };
}

/**
 * What the dataset needs beside the matrix, read at the matrix's moment:
 * emails, levels, each team's targets and priorities, team names, and who
 * entered each rating shown.
 */
async function readAroundMatrix(db: DbOrTx, heatmap: HeatmapDto | null, locale: AppLocale) {
  const members = heatmap?.members ?? [];
  const teamIds = [...new Set(members.map((m) => m.teamId))];
  const userIds = [...new Set(members.map((m) => m.id))];
  const asOf = heatmap ? new Date(heatmap.asOf) : new Date();
  // Live (current quarter, not frozen by a closed cycle): reads ratings_current and today's team.
  const moment = heatmap?.live ? "now" : asOf;
  // Levels as they were at the matrix's moment (db/queries/team-as-of.ts).
  const levelKeys = new Map(
    (await teamMembersAt(db, moment, teamIds)).map((r) => [`${r.teamId}|${r.userId}`, r.currentLevelKey]),
  );
  // The export has no readiness trend, so each analysis reads one snapshot.
  const analyses = await Promise.all(
    teamIds.map((id) => analyseTeam(db, id, locale, moment === "now" ? undefined : asOf, { trend: false })),
  );
  // Who entered each rating the matrix shows, read from the same framework and moment.
  const notes = heatmap
    ? await latestRaterNotes(db, { frameworkId: heatmap.frameworkId, userIds, asOf: moment })
    : new Map<string, RaterNote>();
  return {
    asOf,
    teamIds,
    emails: await emailsById(db, userIds),
    levelKeys,
    analyses,
    teamNames: await teamNamesById(db, teamIds),
    notes,
  };
}

function auditExport(tx: DbOrTx, actor: Viewer, input: ExportRequest, dataset: PlanningExport) {
  return writeAudit(tx, {
    actor,
    action: "export.created",
    entityType: input.scope === "team" ? "team" : "organisation",
    entityId: input.teamId ?? null,
    after: {
      format: input.format,
      quarter: dataset.quarter,
      people: dataset.people.length,
      skills: dataset.skills.length,
    },
  });
}

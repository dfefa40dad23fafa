import "server-only";

import { and, eq, isNull, ne } from "drizzle-orm";

import { getDb } from "@/db/client";
import { moveTeamToVersion } from "@/db/queries/team-roadmap";
import { publishedVersionOf } from "@/db/queries/team-versions";
import { frameworkVersions, teams } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { frameworkIdSchema } from "@/lib/validations/frameworks";

import { parseInput, requirePermission } from "./guard";

// Publishing a new version of a roadmap leaves every team on the old one
// (now retired) until someone moves it: the team's lead from its settings,
// or an admin for every team at once. Moving keeps ratings (they are keyed by
// skill key, stable across versions) and the past (team_framework_history).

export type { TeamRoadmapDto } from "@/db/queries/team-roadmap";

/** Active teams of a framework that are not on its published version (admins). */
export async function listTeamsOnOlderVersions(viewer: Viewer | null, raw: unknown) {
  requirePermission(viewer, "framework:manage");
  const { frameworkId } = parseInput(frameworkIdSchema, raw);
  const db = getDb();
  const latest = await publishedVersionOf(db, frameworkId);
  if (!latest) return { latest: null, teams: [] };
  const rows = await db
    .select({ id: teams.id, name: teams.name, version: frameworkVersions.version })
    .from(teams)
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, teams.frameworkVersionId))
    .where(and(eq(teams.frameworkId, frameworkId), isNull(teams.archivedAt), ne(teams.frameworkVersionId, latest.id)))
    .orderBy(teams.name);
  return { latest, teams: rows };
}

/** Moves every active team of a framework to its published version (admins), one audit row per team. */
export async function moveTeamsToLatestVersion(
  viewer: Viewer | null,
  raw: unknown,
): Promise<{ moved: number; version: number | null }> {
  const v = requirePermission(viewer, "framework:manage");
  const { frameworkId } = parseInput(frameworkIdSchema, raw);
  return getDb().transaction(async (tx) => {
    const latest = await publishedVersionOf(tx, frameworkId);
    if (!latest) return { moved: 0, version: null };
    const behind = await tx
      .select()
      .from(teams)
      .where(and(eq(teams.frameworkId, frameworkId), isNull(teams.archivedAt), ne(teams.frameworkVersionId, latest.id)))
      .for("update");
    for (const team of behind) await moveTeamToVersion(tx, v, team, { frameworkId, id: latest.id }, "move_all");
    return { moved: behind.length, version: latest.version };
  });
}

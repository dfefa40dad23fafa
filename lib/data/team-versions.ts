import "server-only";
import { and, eq, isNull, ne, sql } from "drizzle-orm";
import { type DbOrTx, getDb } from "@/db/client";
import { publishedVersionOf } from "@/db/queries/team-versions";
import { frameworkVersions, teams } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { pick } from "@/lib/i18n/pick";
import type { AppLocale } from "@/lib/i18n/locales";
import { frameworkIdSchema } from "@/lib/validations/frameworks";
import { writeAudit } from "./audit";
import { parseInput, requirePermission } from "./guard";

// Publishing a new version of a roadmap leaves every team on the old one
// (now retired) until someone moves it: the team's lead from its settings,
// or an admin for every team at once. Moving keeps ratings (they are keyed by
// skill key, stable across versions) and the past (team_framework_history).

export type TeamRoadmapDto = {
  versionId: string;
  frameworkId: string;
  name: string;
  version: number;
  status: "draft" | "published" | "retired";
  /** The framework's published version when the team is on another one. */
  latest: { id: string; version: number } | null;
};

/** A team's roadmap version and whether a newer one is published. The caller has checked the viewer. */
export async function readTeamRoadmap(db: DbOrTx, versionId: string, locale: AppLocale): Promise<TeamRoadmapDto> {
  const [v] = await db.select().from(frameworkVersions).where(eq(frameworkVersions.id, versionId));
  const latest = await publishedVersionOf(db, v!.frameworkId);
  return {
    versionId,
    frameworkId: v!.frameworkId,
    name: pick(locale, v!.titleZh, v!.titleEn),
    version: v!.version,
    status: v!.status,
    latest: latest && latest.id !== versionId ? latest : null,
  };
}

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
export async function moveTeamsToLatestVersion(viewer: Viewer | null, raw: unknown): Promise<{ moved: number; version: number | null }> {
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

/**
 * Points a team at another published version, with its audit row, inside the
 * caller's transaction (the history row is the trigger's). The caller has
 * checked the viewer and that the version is published.
 */
export async function moveTeamToVersion(
  tx: DbOrTx,
  actor: Viewer,
  team: { id: string; frameworkId: string; frameworkVersionId: string },
  version: { frameworkId: string; id: string },
  via?: "move_all",
): Promise<void> {
  await tx.update(teams).set({ frameworkId: version.frameworkId, frameworkVersionId: version.id, lockVersion: sql`${teams.lockVersion} + 1` }).where(eq(teams.id, team.id));
  await writeAudit(tx, {
    actor,
    action: "team.framework_switched",
    entityType: "team",
    entityId: team.id,
    before: { frameworkId: team.frameworkId, versionId: team.frameworkVersionId },
    after: { frameworkId: version.frameworkId, versionId: version.id, ...(via ? { via } : {}) },
  });
}

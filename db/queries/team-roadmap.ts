import { eq, sql } from "drizzle-orm";

import type { Viewer } from "@/lib/auth/viewer";
import type { AppLocale } from "@/lib/i18n/locales";
import { pick } from "@/lib/i18n/pick";

import type { DbOrTx } from "../client";
import { frameworkVersions, teams } from "../schema";
import { writeAudit } from "./audit";
import { publishedVersionOf } from "./team-versions";

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
  await tx
    .update(teams)
    .set({
      frameworkId: version.frameworkId,
      frameworkVersionId: version.id,
      lockVersion: sql`${teams.lockVersion} + 1`,
    })
    .where(eq(teams.id, team.id));
  await writeAudit(tx, {
    actor,
    action: "team.framework_switched",
    entityType: "team",
    entityId: team.id,
    before: { frameworkId: team.frameworkId, versionId: team.frameworkVersionId },
    after: { frameworkId: version.frameworkId, versionId: version.id, ...(via ? { via } : {}) },
  });
}

import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";

import type { SkillRating } from "@/lib/analytics/find-people";

import { execRows, type DbOrTx } from "../client";
import {
  capabilitySkills,
  frameworks,
  frameworkVersions,
  platformCapabilities,
  skills,
  teamMembers,
  teams,
  users,
} from "../schema";
import { readVersionRows, type VersionRows } from "./version-rows";

// The org-wide reads behind /people/find, /people/staff and /skills/[key]: the
// skills of every published roadmap, everyone who is not disabled with their
// teams, and the current ratings of a few skills. A fixed number of queries
// whatever the org size. They check nothing: only data-layer functions that
// have checked the caller may use them.

/** A published roadmap with its rows (cached per version: published versions never change). */
export type PublishedRoadmap = {
  frameworkId: string;
  frameworkKey: string;
  nameZh: string;
  nameEn: string;
  versionId: string;
  rows: VersionRows;
};

/** Every framework's published version, by framework name. */
export async function readPublishedRoadmaps(db: DbOrTx): Promise<PublishedRoadmap[]> {
  const versions = await db
    .select({
      frameworkId: frameworks.id,
      frameworkKey: frameworks.key,
      nameZh: frameworks.nameZh,
      nameEn: frameworks.nameEn,
      versionId: frameworkVersions.id,
    })
    .from(frameworkVersions)
    .innerJoin(frameworks, eq(frameworks.id, frameworkVersions.frameworkId))
    .where(eq(frameworkVersions.status, "published"))
    .orderBy(asc(frameworks.nameEn));
  return Promise.all(
    versions.map(async (v) => ({ ...v, rows: await readVersionRows(db, v.versionId, { published: true }) })),
  );
}

/** The capabilities of the published versions, each link to a live skill with the level it needs. */
export function readPublishedCapabilities(db: DbOrTx, versionIds: string[]) {
  if (versionIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      versionId: platformCapabilities.frameworkVersionId,
      key: platformCapabilities.key,
      nameZh: platformCapabilities.nameZh,
      nameEn: platformCapabilities.nameEn,
      skillKey: skills.key,
      level: capabilitySkills.requiredProficiency,
    })
    .from(platformCapabilities)
    .innerJoin(capabilitySkills, eq(capabilitySkills.capabilityId, platformCapabilities.id))
    .innerJoin(skills, and(eq(skills.id, capabilitySkills.skillId), isNull(skills.retiredAt)))
    .where(inArray(platformCapabilities.frameworkVersionId, versionIds))
    .orderBy(asc(platformCapabilities.position), asc(skills.position));
}

/** One membership of an active person (teamId null: in no active team). */
export type PersonRow = {
  id: string;
  name: string;
  email: string;
  teamId: string | null;
  teamName: string | null;
  frameworkId: string | null;
  isLead: boolean | null;
  levelKey: string | null;
};

/** Everyone not disabled, one row per active team (or one row without a team), by name. */
export function readActivePeople(db: DbOrTx): Promise<PersonRow[]> {
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      teamId: teams.id,
      teamName: teams.name,
      frameworkId: teams.frameworkId,
      isLead: teamMembers.isLead,
      levelKey: teamMembers.currentLevelKey,
    })
    .from(users)
    .leftJoin(teamMembers, eq(teamMembers.userId, users.id))
    .leftJoin(teams, and(eq(teams.id, teamMembers.teamId), isNull(teams.archivedAt)))
    .where(eq(users.disabled, false))
    .orderBy(asc(users.name), asc(users.id), asc(teams.name));
}

/**
 * The current ratings (self and validated) of these skills, for everyone. One
 * statement: per framework `framework_id = … and skill_key = any(…)`, which
 * ratings_current_skill_idx answers alone (an index-only scan; a row-value
 * `in` list made the planner visit the table instead, 8× slower).
 */
export function readSkillRatings(
  db: DbOrTx,
  wanted: { frameworkId: string; skillKey: string }[],
): Promise<SkillRating[]> {
  if (wanted.length === 0) return Promise.resolve([]);
  const byFramework = new Map<string, string[]>();
  for (const w of wanted) byFramework.set(w.frameworkId, [...(byFramework.get(w.frameworkId) ?? []), w.skillKey]);
  const parts = [...byFramework].map(
    ([frameworkId, keys]) =>
      sql`select c.user_id as "userId", c.framework_id as "frameworkId", c.skill_key as "skillKey",
                 c.rater_kind as "raterKind", c.proficiency, c.not_applicable as "notApplicable", c.interest, c.quarter
          from ratings_current c
          where c.framework_id = ${frameworkId} and c.skill_key = any(${sql`array[${sql.join(
            keys.map((k) => sql`${k}`),
            sql`, `,
          )}]::text[]`})`,
  );
  return execRows<SkillRating>(db, sql.join(parts, sql` union all `));
}

/** One skill a live target of an active team needs: `headcount` members at ≥ `level` (a capability: each of its live skills). */
export type TeamNeedRow = {
  teamId: string;
  teamName: string;
  frameworkId: string;
  targetId: string;
  targetNameZh: string;
  targetNameEn: string;
  skillKey: string;
  level: number;
  headcount: number;
};

/** Every live target of every active team, one row per skill it needs (one query). */
export function readTeamNeeds(db: DbOrTx): Promise<TeamNeedRow[]> {
  return execRows<TeamNeedRow>(
    db,
    sql`select t.id as "teamId", t.name as "teamName", t.framework_id as "frameworkId", tt.id as "targetId",
               coalesce(pc.name_zh, s.name_zh) as "targetNameZh", coalesce(pc.name_en, s.name_en) as "targetNameEn",
               s.key as "skillKey", tt.required_proficiency as "level", tt.required_headcount as "headcount"
        from team_targets tt
        join teams t on t.id = tt.team_id and t.archived_at is null
        left join platform_capabilities pc
          on tt.kind = 'capability' and pc.framework_version_id = t.framework_version_id and pc.key = tt.capability_key
        left join capability_skills cs on cs.capability_id = pc.id
        join skills s on s.framework_version_id = t.framework_version_id and s.retired_at is null
          and ((tt.kind = 'capability' and s.id = cs.skill_id) or (tt.kind = 'skill' and s.key = tt.skill_key))
        where tt.archived_at is null
        order by t.name, tt.created_at, s.position`,
  );
}

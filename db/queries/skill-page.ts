import { sql } from "drizzle-orm";

import { execRows, type DbOrTx } from "../client";

// The reads behind a skill page (/skills/[key]) that org-people.ts does not
// already do: the skill's holders at past moments, the team targets that need
// it, and its learning resources. One query each, whatever the org size. They
// check nothing: only data-layer functions that have checked the caller use them.

const READY_AT = 3;

/**
 * How many people who are not disabled held the skill at ≥ 3 at each past
 * moment (validated where present, else self; "not applicable" holds
 * nothing). One query: each moment picks every person's deciding rating as
 * of then with a DISTINCT ON over the skill's history (ratings_skill_idx).
 * "Now" is cheaper from ratings_current (org-people.ts readSkillRatings).
 */
export async function readHoldersAt(
  db: DbOrTx,
  { frameworkId, skillKey, moments }: { frameworkId: string; skillKey: string; moments: Date[] },
): Promise<number[]> {
  if (moments.length === 0) return [];
  const values = sql.join(
    moments.map((at, i) => sql`(${i}::int, ${at.toISOString()}::timestamptz)`),
    sql`, `,
  );
  const rows = await execRows<{ moment: number; holders: number }>(
    db,
    sql`select m.i as "moment", count(e.user_id)::int as "holders"
        from (values ${values}) as m(i, at)
        left join lateral (
          select distinct on (r.user_id) r.user_id, r.proficiency, r.not_applicable
          from ratings r
          where r.framework_id = ${frameworkId} and r.skill_key = ${skillKey} and r.rated_at <= m.at
          order by r.user_id, (r.rater_kind = 'manager') desc, r.rated_at desc, r.id desc
        ) e on not e.not_applicable and e.proficiency >= ${READY_AT}
          and exists (select 1 from users u where u.id = e.user_id and not u.disabled)
        group by m.i`,
  );
  const byMoment = new Map(rows.map((r) => [Number(r.moment), Number(r.holders)]));
  return moments.map((_, i) => byMoment.get(i) ?? 0);
}

/** A live target of an active team on this roadmap that needs the skill, directly or through a capability. */
export type SkillTargetRow = {
  id: string;
  teamId: string;
  teamName: string;
  kind: "capability" | "skill";
  capabilityNameZh: string | null;
  capabilityNameEn: string | null;
  level: number;
  headcount: number;
  targetQuarter: string;
};

/** The targets that need the skill: by skill key, or by a capability of the team's roadmap version that lists it. */
export function readSkillTargets(
  db: DbOrTx,
  { frameworkId, skillKey }: { frameworkId: string; skillKey: string },
): Promise<SkillTargetRow[]> {
  return execRows<SkillTargetRow>(
    db,
    sql`select t.id, t.team_id as "teamId", tm.name as "teamName", t.kind,
               pc.name_zh as "capabilityNameZh", pc.name_en as "capabilityNameEn",
               t.required_proficiency as "level", t.required_headcount as "headcount", t.target_quarter as "targetQuarter"
        from team_targets t
        join teams tm on tm.id = t.team_id and tm.archived_at is null and tm.framework_id = ${frameworkId}
        left join platform_capabilities pc
          on t.kind = 'capability' and pc.framework_version_id = tm.framework_version_id and pc.key = t.capability_key
        where t.archived_at is null
          and ((t.kind = 'skill' and t.skill_key = ${skillKey})
            or (t.kind = 'capability' and exists (
                  select 1 from capability_skills cs join skills s on s.id = cs.skill_id
                  where cs.capability_id = pc.id and s.key = ${skillKey} and s.retired_at is null)))
        order by tm.name, t.required_proficiency desc, t.id`,
  );
}

/** A learning resource as pages show it, with who added it. */
export type ResourceRow = {
  id: string;
  skillKey: string;
  title: string;
  url: string;
  note: string;
  createdById: string;
  createdByName: string;
  createdAt: string;
};

/** The live (not removed) resources of some skills of one roadmap, newest first: one query for any number of skills. */
export async function readResources(
  db: DbOrTx,
  { frameworkId, skillKeys }: { frameworkId: string; skillKeys: string[] },
): Promise<ResourceRow[]> {
  if (skillKeys.length === 0) return [];
  const keys = sql.join(
    skillKeys.map((k) => sql`${k}`),
    sql`, `,
  );
  const rows = await execRows<ResourceRow & { createdAt: string | Date }>(
    db,
    sql`select lr.id, lr.skill_key as "skillKey", lr.title, lr.url, lr.note, lr.created_by_id as "createdById",
               coalesce(nullif(u.name, ''), u.email) as "createdByName", lr.created_at as "createdAt"
        from learning_resources lr join users u on u.id = lr.created_by_id
        where lr.framework_id = ${frameworkId} and lr.skill_key in (${keys}) and lr.removed_at is null
        order by lr.created_at desc, lr.id`,
  );
  return rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt).toISOString() }));
}

/** A roadmap's key and the live resources of some of its skills: one query (a roadmap without any gives one empty row). */
export async function readRoadmapResources(
  db: DbOrTx,
  { frameworkId, skillKeys }: { frameworkId: string; skillKeys: string[] },
): Promise<{ frameworkKey: string | null; resources: ResourceRow[] }> {
  const keys = sql.join(
    (skillKeys.length ? skillKeys : [""]).map((k) => sql`${k}`),
    sql`, `,
  );
  const rows = await execRows<{ frameworkKey: string } & Partial<ResourceRow> & { createdAt: string | Date | null }>(
    db,
    sql`select f.key as "frameworkKey", lr.id, lr.skill_key as "skillKey", lr.title, lr.url, lr.note,
               lr.created_by_id as "createdById", coalesce(nullif(u.name, ''), u.email) as "createdByName",
               lr.created_at as "createdAt"
        from frameworks f
        left join learning_resources lr
          on lr.framework_id = f.id and lr.skill_key in (${keys}) and lr.removed_at is null
        left join users u on u.id = lr.created_by_id
        where f.id = ${frameworkId}
        order by lr.created_at desc nulls last, lr.id`,
  );
  return {
    frameworkKey: rows[0]?.frameworkKey ?? null,
    resources: rows
      .filter((r) => r.id)
      .map((r) => ({ ...(r as ResourceRow), createdAt: new Date(r.createdAt!).toISOString() })),
  };
}

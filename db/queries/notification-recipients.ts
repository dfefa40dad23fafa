import { sql } from "drizzle-orm";

import { execRows, type DbOrTx } from "../client";

// Who the cycle's emails go to, computed from the data in one statement each.
// "Active": not disabled, not deleted by the directory, in a team that is
// not archived. They check no caller.

export type MemberProgress = { userId: string; rated: number; total: number };

/**
 * The cycle a rating answers: its quarter, and when it was opened. A rating
 * counts when it belongs to the quarter or was made since the opening — a
 * cycle opened for next quarter while this one is closed gets ratings dated
 * this quarter that the analysis already reads as the next one's.
 */
export type CycleWindow = { quarter: string; openedAt: Date };

/** `alias` is a ratings_current row: does it answer the cycle? */
export const answersCycle = (alias: string, c: CycleWindow) =>
  sql`(${sql.raw(alias)}.quarter = ${c.quarter} or ${sql.raw(alias)}.rated_at >= ${c.openedAt.toISOString()}::timestamptz)`;

/**
 * Every active team member with their progress on `quarter`: skills of their
 * roadmap (that of their first team by name, as /me shows it) rated or
 * confirmed for the cycle, of the roadmap's live skills.
 */
export async function activeMemberProgress(db: DbOrTx, cycle: CycleWindow): Promise<MemberProgress[]> {
  const rows = await execRows<{ userId: string; rated: number | string; total: number | string }>(
    db,
    sql`with member_version as (
          select distinct on (tm.user_id) tm.user_id, t.framework_id, t.framework_version_id
          from team_members tm
          join teams t on t.id = tm.team_id and t.archived_at is null
          join users u on u.id = tm.user_id and not u.disabled and u.scim_deleted_at is null
          order by tm.user_id, t.name)
        select m.user_id as "userId",
          (select count(*) from skills s
             where s.framework_version_id = m.framework_version_id and s.retired_at is null) as total,
          (select count(*) from ratings_current rc
             join skills s on s.framework_version_id = m.framework_version_id and s.key = rc.skill_key
                          and s.retired_at is null
             where rc.framework_id = m.framework_id and rc.user_id = m.user_id
               and rc.rater_kind = 'self' and ${answersCycle("rc", cycle)}) as rated
        from member_version m`,
  );
  return rows.map((r) => ({ userId: r.userId, rated: Number(r.rated), total: Number(r.total) }));
}

/** Active admins. */
export async function activeAdminIds(db: DbOrTx): Promise<string[]> {
  const rows = await execRows<{ id: string }>(
    db,
    sql`select id from users where role = 'admin' and not disabled and scim_deleted_at is null`,
  );
  return rows.map((r) => r.id);
}

export type TeamCompletion = { teamId: string; teamName: string; members: number; rated: number };

/** Per team that is not archived: its active members, and how many rated (or confirmed) anything for the cycle. */
export async function teamCompletion(db: DbOrTx, cycle: CycleWindow): Promise<TeamCompletion[]> {
  const rows = await execRows<{ teamId: string; teamName: string; members: number | string; rated: number | string }>(
    db,
    sql`select t.id as "teamId", t.name as "teamName", count(u.id) as members,
          count(u.id) filter (where exists (
            select 1 from ratings_current rc
            where rc.user_id = u.id and rc.framework_id = t.framework_id
              and rc.rater_kind = 'self' and ${answersCycle("rc", cycle)})) as rated
        from teams t
        left join team_members tm on tm.team_id = t.id
        left join users u on u.id = tm.user_id and not u.disabled and u.scim_deleted_at is null
        where t.archived_at is null
        group by t.id, t.name
        order by t.name`,
  );
  return rows.map((r) => ({ ...r, members: Number(r.members), rated: Number(r.rated) }));
}

export type LeadTeams = { leadId: string; teamIds: string[] };

/** Each active lead with the teams (not archived) they lead. */
export async function activeLeads(db: DbOrTx): Promise<LeadTeams[]> {
  const rows = await execRows<{ leadId: string; teamIds: string[] }>(
    db,
    sql`select tm.user_id as "leadId", array_agg(t.id order by t.name) as "teamIds"
        from team_members tm
        join teams t on t.id = tm.team_id and t.archived_at is null
        join users u on u.id = tm.user_id and not u.disabled and u.scim_deleted_at is null
        where tm.is_lead
        group by tm.user_id`,
  );
  return rows;
}

import { sql, type SQL } from "drizzle-orm";

import { execRows, type DbOrTx } from "../client";

/**
 * Per member, how many of the given skills they rated themselves this
 * quarter: current self ratings of the quarter that they entered (an
 * imported value has the importer as rater and waits for the member to keep
 * it). For one team's progress, not the org-wide hot read.
 */
export async function ownRatingsThisQuarter(
  db: DbOrTx,
  {
    frameworkId,
    quarter,
    members,
    skillKeys,
  }: { frameworkId: string; quarter: string; members: SQL; skillKeys: string[] },
): Promise<Map<string, number>> {
  if (skillKeys.length === 0) return new Map();
  const rows = await execRows<{ userId: string; n: number }>(
    db,
    sql`
    select c.user_id as "userId", count(*)::int as n
    from ratings_current c join ratings r on r.id = c.rating_id
    where c.framework_id = ${frameworkId} and c.rater_kind = 'self' and c.quarter = ${quarter}
      and r.rater_id = c.user_id and c.user_id in (${members})
      and c.skill_key in (${sql.join(
        skillKeys.map((k) => sql`${k}`),
        sql`, `,
      )})
    group by c.user_id`,
  );
  return new Map(rows.map((r) => [r.userId, Number(r.n)]));
}

import { sql } from "drizzle-orm";

import type { Db } from "@/db/client";

export const TABLES = [
  "api_idempotency",
  "api_tokens",
  "assessment_cycles",
  "audit_events",
  "capability_skills",
  "categories",
  "closed_quarter_ratings",
  "directory_group_members",
  "directory_groups",
  "framework_versions",
  "frameworks",
  "learning_resources",
  "levels",
  "notification_opt_outs",
  "notifications",
  "org_settings",
  "plan_items",
  "platform_capabilities",
  "rate_limits",
  "ratings",
  "ratings_current",
  "scim_events",
  "scim_tokens",
  "skills",
  "staffing_plans",
  "team_framework_history",
  "team_member_history",
  "team_members",
  "team_target_history",
  "team_targets",
  "teams",
  "users",
  "webhook_attempts",
  "webhook_deliveries",
  "webhook_endpoints",
];

/**
 * Written on purpose by refused requests, so left out of "nothing was
 * written": the provisioning log records every refused SCIM request.
 */
const REFUSAL_LOGS = new Set(["scim_events"]);

type Row = Record<string, unknown>;
export const rowsOf = (result: unknown): Row[] => (result as { rows?: Row[] }).rows ?? (result as Row[]);

/** Row count plus an order-independent digest of every row, per table: equal fingerprints mean nothing was written. */
export async function tableFingerprint(db: Db): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of TABLES.filter((t) => !REFUSAL_LOGS.has(t))) {
    const [row] = rowsOf(
      await db.execute(
        sql`select count(*)::int as n, coalesce(md5(string_agg(md5(t::text), '' order by md5(t::text))), '') as digest from ${sql.identifier(table)} t`,
      ),
    );
    out[table] = `${row!.n}:${row!.digest}`;
  }
  return out;
}

import { sql } from "drizzle-orm";

import { getEnv } from "@/lib/env";

import type { DbHandle } from "./client";
import { migrateDatabase } from "./migrate";

// Two PostgreSQL roles (README "Two database roles"): an owner that runs the
// migrations and owns every table, and the runtime role the application
// connects as, which may only read and write rows. Owning a table is what
// allows TRUNCATE-by-privilege, ALTER TABLE … DISABLE TRIGGER and DROP
// TRIGGER, so the runtime role can switch off none of the append-only
// triggers. The embedded database has a single role and needs none of this.

/** Tables whose rows are never changed or removed: the runtime role may only read and append. */
export const APPEND_ONLY_TABLES = [
  "ratings",
  "audit_events",
  "team_framework_history",
  "team_member_history",
  "team_target_history",
  "plan_items",
  "scim_events",
] as const;

/**
 * Everything the runtime role may do, and nothing else. Revoked then granted
 * in one transaction, so running it again (after every migration) converges
 * on exactly this set, and tables added by later migrations are covered.
 * Every other table: read and write rows (ratings_current is written by the
 * trigger on ratings, which runs as the inserting role; rate_limits counters
 * are upserted and pruned). Sequences: identity columns. drizzle's journal:
 * read by the readiness check.
 */
function grantStatements(role: string) {
  const to = sql.identifier(role);
  const appendOnly = sql.join(
    APPEND_ONLY_TABLES.map((t) => sql.identifier(t)),
    sql`, `,
  );
  return [
    sql`revoke all on all tables in schema public from ${to}`,
    sql`revoke all on all sequences in schema public from ${to}`,
    sql`revoke all on all tables in schema drizzle from ${to}`,
    sql`grant usage on schema public to ${to}`,
    sql`grant select, insert, update, delete on all tables in schema public to ${to}`,
    sql`revoke update, delete on ${appendOnly} from ${to}`,
    sql`grant usage, select on all sequences in schema public to ${to}`,
    sql`grant usage on schema drizzle to ${to}`,
    sql`grant select on drizzle.__drizzle_migrations to ${to}`,
  ];
}

/**
 * Gives the runtime role exactly the privileges the application needs.
 * Idempotent. Run it as the tables' owner, after migrating. Does nothing
 * (returns false) when the runtime role is the role connected, i.e. when
 * there is only one role.
 */
export async function grantRuntimeRole(owner: DbHandle, role: string): Promise<boolean> {
  if (owner.engine !== "postgres") return false;
  return owner.db.transaction(async (tx) => {
    const [me] = (await tx.execute(sql`select current_user as name`)) as unknown as { name: string }[];
    if (me?.name === role) return false;
    for (const statement of grantStatements(role)) await tx.execute(statement);
    return true;
  });
}

/** Applies the committed migrations as the owner, then (two roles) re-grants the runtime role. */
export async function migrateAndGrant(owner: DbHandle, runtimeRole?: string): Promise<void> {
  await migrateDatabase(owner);
  if (runtimeRole) await grantRuntimeRole(owner, runtimeRole);
}

/** The role a connection URL logs in as. */
export function roleOfUrl(databaseUrl: string): string {
  const role = decodeURIComponent(new URL(databaseUrl).username);
  if (!role)
    throw new Error("DATABASE_URL must name its user when MIGRATION_DATABASE_URL is set (postgres://user@host/db)");
  return role;
}

export type RoleSplit = { migrationUrl: string; runtimeRole: string };

/** The two-role configuration, or null when the application's own role migrates (one role, or PGlite). */
export function roleSplitFromEnv(): RoleSplit | null {
  const env = getEnv();
  if (!env.MIGRATION_DATABASE_URL) return null;
  if (!env.DATABASE_URL)
    throw new Error(
      "MIGRATION_DATABASE_URL is set but DATABASE_URL is not: two roles need PostgreSQL (the embedded database has one role)",
    );
  return { migrationUrl: env.MIGRATION_DATABASE_URL, runtimeRole: roleOfUrl(env.DATABASE_URL) };
}

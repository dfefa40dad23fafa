import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";

import { execRows, type DbHandle } from "./client";

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

/** Applies the committed SQL migrations (idempotent) to either engine. */
export async function migrateDatabase(handle: DbHandle, migrationsFolder = MIGRATIONS_FOLDER): Promise<void> {
  // drizzle's migrator starts with CREATE SCHEMA/TABLE IF NOT EXISTS, which
  // PostgreSQL refuses to a role without CREATE on the database even when
  // they exist. Checking first lets the runtime role of a two-role setup
  // (db:seed, scripts) pass once the owner has migrated.
  if (await isUpToDate(handle, migrationsFolder)) return;
  if (handle.engine === "pglite") {
    await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder });
  } else {
    await migratePostgres(handle.db as unknown as PostgresJsDatabase, { migrationsFolder });
  }
}

/** True when drizzle would apply nothing: its newest applied migration is the newest committed one (its own test). */
async function isUpToDate(handle: DbHandle, migrationsFolder: string): Promise<boolean> {
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8")) as {
    entries: { when: number }[];
  };
  const newest = Math.max(0, ...journal.entries.map((e) => e.when));
  const first = async (query: ReturnType<typeof sql>) => (await execRows(handle.db, query))[0];
  if (!(await first(sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`))?.present)
    return false;
  const applied = await first(sql`select max(created_at)::text as latest from drizzle.__drizzle_migrations`);
  return applied?.latest != null && Number(applied.latest) >= newest;
}

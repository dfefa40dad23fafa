import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { execRows, getDb, getDbHandle } from "@/db/client";
import { MIGRATIONS_FOLDER } from "@/db/migrate";

export type StorageProblem = "disk_nearly_full" | "database_failed" | "data_dir_read_only" | "unavailable";
/** `serving`: false when this process cannot serve at all (the database could not be opened, or failed for good). */
export type StorageState = { problem: StorageProblem | null; serving: boolean; freeMb?: number; minFreeMb?: number };

/**
 * The embedded database's disk and liveness, as probes may show it: a
 * problem name and sizes, never paths or messages.
 */
export function storageState(): StorageState {
  let health;
  try {
    health = getDbHandle().storage?.();
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    return { problem: code === "53100" ? "disk_nearly_full" : code === "DATA_DIR_READ_ONLY" ? "data_dir_read_only" : "unavailable", serving: false };
  }
  if (!health) return { problem: null, serving: true };
  const sizes = { freeMb: Math.floor(health.freeBytes / 2 ** 20), minFreeMb: Math.round(health.minFreeBytes / 2 ** 20) };
  return { problem: !health.alive ? "database_failed" : health.reason ? "disk_nearly_full" : null, serving: health.alive, ...sizes };
}

/** Readiness: the database answers, every committed migration is applied, and (embedded) its disk has room. No personal data. */
export async function readiness(): Promise<{
  ready: boolean;
  database: boolean;
  migrations: { applied: number; expected: number } | null;
  storage: StorageState;
}> {
  const expected = (JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as { entries: unknown[] }).entries.length;
  const storage = storageState();
  if (!storage.serving) return { ready: false, database: false, migrations: null, storage };
  try {
    const [row] = await execRows<{ n: number }>(getDb(), sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    const applied = row?.n ?? 0;
    return { ready: applied >= expected && !storage.problem, database: true, migrations: { applied, expected }, storage };
  } catch {
    return { ready: false, database: false, migrations: null, storage };
  }
}

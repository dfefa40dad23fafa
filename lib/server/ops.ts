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
    const problem: StorageProblem =
      code === "53100" ? "disk_nearly_full" : code === "DATA_DIR_READ_ONLY" ? "data_dir_read_only" : "unavailable";
    return { problem, serving: false };
  }
  if (!health) return { problem: null, serving: true };
  const mb = (bytes: number) => bytes / 2 ** 20;
  const sizes = { freeMb: Math.floor(mb(health.freeBytes)), minFreeMb: Math.round(mb(health.minFreeBytes)) };
  const problem: StorageProblem | null = !health.alive ? "database_failed" : health.reason ? "disk_nearly_full" : null;
  return { problem, serving: health.alive, ...sizes };
}

/**
 * Readiness: the database answers, every committed migration is applied, and
 * (embedded) its disk has room. No personal data.
 */
export async function readiness(): Promise<{
  ready: boolean;
  database: boolean;
  migrations: { applied: number; expected: number } | null;
  storage: StorageState;
}> {
  const journal = readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8");
  const expected = (JSON.parse(journal) as { entries: unknown[] }).entries.length;
  const storage = storageState();
  if (!storage.serving) return { ready: false, database: false, migrations: null, storage };
  try {
    const count = sql`select count(*)::int as n from drizzle.__drizzle_migrations`;
    const [row] = await execRows<{ n: number }>(getDb(), count);
    const applied = row?.n ?? 0;
    const ready = applied >= expected && !storage.problem;
    return { ready, database: true, migrations: { applied, expected }, storage };
  } catch {
    return { ready: false, database: false, migrations: null, storage };
  }
}

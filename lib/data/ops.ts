import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { MIGRATIONS_FOLDER } from "@/db/migrate";

/** Readiness: the database answers and every committed migration is applied. No personal data. */
export async function readiness(): Promise<{ ready: boolean; database: boolean; migrations: { applied: number; expected: number } | null }> {
  const expected = (JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as { entries: unknown[] }).entries.length;
  try {
    const result = (await getDb().execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`)) as unknown as { rows?: { n: number }[] } & { n: number }[];
    const applied = (result.rows ?? result)[0]?.n ?? 0;
    return { ready: applied >= expected, database: true, migrations: { applied, expected } };
  } catch {
    return { ready: false, database: false, migrations: null };
  }
}

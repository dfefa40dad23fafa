import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { backupPglite, backupPostgres, restorePglite, restorePostgres } from "@/db/backup";
import { type Db, openDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { seedDatabase } from "@/db/seed";
import { rowsOf, TABLES } from "./fingerprint";

/** Row counts of every table and a checksum of the whole rating history. */
async function snapshot(db: Db) {
  const counts: Record<string, number> = {};
  for (const t of TABLES) counts[t] = rowsOf(await db.execute(sql`select count(*)::int as n from ${sql.identifier(t)}`))[0]!.n as number;
  const [row] = rowsOf(
    await db.execute(
      sql`select md5(string_agg(concat_ws('|', id, user_id, skill_key, rater_kind, proficiency, not_applicable, interest, quarter, rated_at), ',' order by id)) as sum from ratings`,
    ),
  );
  return { counts, ratingsChecksum: row!.sum };
}

const serverUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!serverUrl)("restore drill on a throwaway PostgreSQL", () => {
  it("restores a pg_dump into an empty database with identical row counts and rating checksum", async () => {
    const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
    const suffix = randomBytes(4).toString("hex");
    const a = `skillgrid_drill_src_${suffix}`;
    const b = `skillgrid_drill_dst_${suffix}`;
    await admin.unsafe(`create database ${a}`);
    await admin.unsafe(`create database ${b}`);
    const url = (name: string) => Object.assign(new URL(serverUrl!), { pathname: `/${name}` }).toString();
    const source = openDb({ databaseUrl: url(a) });
    const target = openDb({ databaseUrl: url(b) });
    try {
      await migrateDatabase(source);
      await seedDatabase(source.db, { demo: true });
      const file = path.join(mkdtempSync(path.join(tmpdir(), "skillgrid-backup-")), "skillgrid.dump");
      backupPostgres(url(a), file);
      restorePostgres(url(b), file);
      const [before, after] = [await snapshot(source.db), await snapshot(target.db)];
      expect(after).toEqual(before);
      expect(before.counts.ratings).toBeGreaterThan(3000);
      // The restored history is still append-only.
      await expect(target.db.execute(sql`delete from ratings`)).rejects.toThrow();
    } finally {
      await source.close();
      await target.close();
      await admin.unsafe(`drop database if exists ${a} with (force)`);
      await admin.unsafe(`drop database if exists ${b} with (force)`);
      await admin.end();
    }
  }, 120_000);
});

describe("embedded database export and import", () => {
  it("dumps a PGlite data directory and loads it into a new one, identically", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "skillgrid-pglite-"));
    const sourceDir = path.join(dir, "source");
    const handle = openDb({ pgliteDir: sourceDir });
    await migrateDatabase(handle);
    await seedDatabase(handle.db, { demo: true });
    const before = await snapshot(handle.db);
    await handle.close();
    const file = path.join(dir, "pglite.tar.gz");
    const restoredDir = path.join(dir, "restored");
    // Through the real CLI, as an operator runs it (PGlite is one process per data directory).
    const cli = (...args: string[]) =>
      execFileSync("npx", ["tsx", "db/backup-cli.ts", ...args], { env: { ...process.env, DATABASE_URL: "", PGLITE_DIR: sourceDir }, encoding: "utf8" });
    expect(cli("backup", file)).toContain("Backed up to");
    expect(cli("restore", file, restoredDir)).toContain("Restored from");
    const restored = openDb({ pgliteDir: restoredDir });
    try {
      expect(await snapshot(restored.db)).toEqual(before);
      await expect(restorePglite(file, restoredDir)).rejects.toThrow(/not empty/);
      void backupPglite;
    } finally {
      await restored.close();
    }
  }, 120_000);
});

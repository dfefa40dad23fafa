import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { backupPglite, backupPostgres, restorePglite, restorePostgres } from "@/db/backup";
import { openDb, type Db } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { migrateAndGrant } from "@/db/roles";
import { seedDatabase } from "@/db/seed";

import { createTestDatabase, OWNER_ROLE, RUNTIME_ROLE, testServerUrl } from "./support/engines";
import { rowsOf, TABLES } from "./support/fingerprint";

/** Row counts of every table and a checksum of the whole rating history. */
async function snapshot(db: Db) {
  const counts: Record<string, number> = {};
  for (const t of TABLES)
    counts[t] = rowsOf(await db.execute(sql`select count(*)::int as n from ${sql.identifier(t)}`))[0]!.n as number;
  const [row] = rowsOf(
    await db.execute(
      sql`select md5(string_agg(concat_ws('|', id, user_id, skill_key, rater_kind, proficiency, not_applicable, interest, quarter, rated_at), ',' order by id)) as sum from ratings`,
    ),
  );
  return { counts, ratingsChecksum: row!.sum };
}

const serverUrl = process.env.TEST_DATABASE_URL;

/** db:backup / db:restore through the real CLI, as an operator runs them. */
const cli = (env: Record<string, string>, ...args: string[]) =>
  execFileSync("npx", ["tsx", "db/backup-cli.ts", ...args], { env: { ...process.env, ...env }, encoding: "utf8" });

describe.skipIf(!serverUrl)("restore drill on a throwaway PostgreSQL", () => {
  it("restores a pg_dump into an empty database with identical row counts and rating checksum", async () => {
    const [a, b] = [await createTestDatabase("skillgrid_drill_src"), await createTestDatabase("skillgrid_drill_dst")];
    // Two roles, as deployed: the CLI dumps and restores as the owner and re-grants the runtime role.
    const roles = (name: string) => ({
      DATABASE_URL: testServerUrl(name, RUNTIME_ROLE),
      MIGRATION_DATABASE_URL: testServerUrl(name, OWNER_ROLE),
    });
    const sourceOwner = openDb({ databaseUrl: testServerUrl(a.name, OWNER_ROLE) });
    const source = openDb({ databaseUrl: testServerUrl(a.name, RUNTIME_ROLE) });
    const target = openDb({ databaseUrl: testServerUrl(b.name, RUNTIME_ROLE) });
    try {
      await migrateAndGrant(sourceOwner, RUNTIME_ROLE);
      await seedDatabase(source.db, { demo: true });
      const file = path.join(mkdtempSync(path.join(tmpdir(), "skillgrid-backup-")), "skillgrid.dump");
      expect(cli(roles(a.name), "backup", file)).toContain("Backed up to");
      expect(cli(roles(b.name), "restore", file)).toContain("Restored from");
      const [before, after] = [await snapshot(source.db), await snapshot(target.db)];
      expect(after).toEqual(before);
      expect(before.counts.ratings).toBeGreaterThan(3000);
      // The restored history is still append-only, and the tables are not the runtime role's to truncate.
      await expect(target.db.execute(sql`delete from ratings`)).rejects.toThrow();
      await expect(target.db.execute(sql`truncate audit_events`)).rejects.toThrow();
      expect((await snapshot(target.db)).counts).toEqual(before.counts);
      // The functions that restore and dump without the CLI, as one role (the superuser).
      const c = await createTestDatabase("skillgrid_drill_one");
      try {
        const superuserFile = `${file}.one`;
        backupPostgres(testServerUrl(a.name), superuserFile);
        restorePostgres(testServerUrl(c.name), superuserFile);
        const copy = openDb({ databaseUrl: testServerUrl(c.name) });
        try {
          expect(await snapshot(copy.db)).toEqual(before);
        } finally {
          await copy.close();
        }
      } finally {
        await c.drop();
      }
    } finally {
      await Promise.all([sourceOwner.close(), source.close(), target.close()]);
      await a.drop();
      await b.drop();
    }
  }, 180_000);
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
    const embedded = { DATABASE_URL: "", MIGRATION_DATABASE_URL: "", PGLITE_DIR: sourceDir };
    expect(cli(embedded, "backup", file)).toContain("Backed up to");
    expect(cli(embedded, "restore", file, restoredDir)).toContain("Restored from");
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

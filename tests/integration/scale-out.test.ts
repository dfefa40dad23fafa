import { readFileSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { openDb } from "@/db/client";
import { MIGRATIONS_FOLDER, migrateDatabase } from "@/db/migrate";
import { seedDatabase } from "@/db/seed";
import { rowsOf } from "./fingerprint";

// Replicas start together on one fresh PostgreSQL (a rolling deploy, or
// `docker compose up` with replicas): each migrates and seeds at start-up.
// The start-up lock makes that safe; without it they race on CREATE TABLE.
const serverUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!serverUrl)("several app instances starting on one PostgreSQL", () => {
  it("migrate and seed one after the other: every instance starts, nothing is duplicated", async () => {
    const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
    const name = `skillgrid_replicas_${randomBytes(4).toString("hex")}`;
    await admin.unsafe(`create database ${name}`);
    const url = Object.assign(new URL(serverUrl!), { pathname: `/${name}` }).toString();
    const instances = [0, 1, 2].map(() => openDb({ databaseUrl: url }));
    try {
      const results = await Promise.allSettled(
        instances.map((h) =>
          h.exclusive(async () => {
            await migrateDatabase(h);
            return seedDatabase(h.db, { demo: true });
          }),
        ),
      );
      expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "fulfilled"]);
      // Exactly one instance installed the framework and the demo org.
      const installed = results.map((r) => (r as PromiseFulfilledResult<{ frameworkInserted: boolean; demoRowsInserted: number }>).value);
      expect(installed.filter((r) => r.frameworkInserted)).toHaveLength(1);
      expect(installed.filter((r) => r.demoRowsInserted > 0)).toHaveLength(1);

      const db = instances[0]!.db;
      const expected = (JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as { entries: unknown[] }).entries.length;
      expect(rowsOf(await db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`))[0]!.n).toBe(expected);
      expect(rowsOf(await db.execute(sql`select count(*)::int as n from frameworks`))[0]!.n).toBe(1);
      const users = rowsOf(await db.execute(sql`select count(*)::int as n, count(distinct email)::int as d from users`))[0]!;
      expect(users.n).toBeGreaterThan(0);
      expect(users.n).toBe(users.d);
    } finally {
      await Promise.all(instances.map((h) => h.close()));
      await admin.unsafe(`drop database ${name} with (force)`);
      await admin.end();
    }
  }, 120_000);
});

import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { openDb } from "@/db/client";
import { MIGRATIONS_FOLDER } from "@/db/migrate";
import { startUpDatabase } from "@/db/prepare";

import { createTestDatabase, OWNER_ROLE, RUNTIME_ROLE, testServerUrl } from "./support/engines";
import { rowsOf } from "./support/fingerprint";

// Replicas start together on one fresh PostgreSQL (a rolling deploy, or
// `docker compose up` with replicas): each migrates and seeds at start-up.
// The start-up lock makes that safe; without it they race on CREATE TABLE
// (and, with two roles, on the grants).
const serverUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!serverUrl)("several app instances starting on one PostgreSQL", () => {
  it("migrate and seed one after the other: every instance starts, nothing is duplicated", async () => {
    const database = await createTestDatabase("skillgrid_replicas");
    // Each instance as deployed with two roles: it migrates as the owner and serves as the runtime role.
    const instances = [0, 1, 2].map(() => ({
      owner: openDb({ databaseUrl: testServerUrl(database.name, OWNER_ROLE) }),
      runtime: openDb({ databaseUrl: testServerUrl(database.name, RUNTIME_ROLE) }),
    }));
    try {
      const results = await Promise.allSettled(
        instances.map((h) => startUpDatabase({ ...h, runtimeRole: RUNTIME_ROLE, demo: true })),
      );
      expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "fulfilled"]);
      // Exactly one instance installed the framework and the demo org.
      const installed = results.map(
        (r) => (r as PromiseFulfilledResult<{ frameworkInserted: boolean; demoRowsInserted: number }>).value,
      );
      expect(installed.filter((r) => r.frameworkInserted)).toHaveLength(1);
      expect(installed.filter((r) => r.demoRowsInserted > 0)).toHaveLength(1);

      const db = instances[0]!.runtime.db;
      const expected = (
        JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as {
          entries: unknown[];
        }
      ).entries.length;
      expect(rowsOf(await db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`))[0]!.n).toBe(
        expected,
      );
      expect(rowsOf(await db.execute(sql`select count(*)::int as n from frameworks`))[0]!.n).toBe(1);
      const users = rowsOf(
        await db.execute(sql`select count(*)::int as n, count(distinct email)::int as d from users`),
      )[0]!;
      expect(users.n).toBeGreaterThan(0);
      expect(users.n).toBe(users.d);
    } finally {
      await Promise.all(instances.flatMap((h) => [h.owner.close(), h.runtime.close()]));
      await database.drop();
    }
  }, 120_000);
});

import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll, describe } from "vitest";
import { type DbHandle, type OpenOptions, openDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";

// Integration tests run against both engines Skillgrid supports: embedded
// PGlite (in memory) and a real PostgreSQL server (TEST_DATABASE_URL, started
// by `npm test`). Each suite gets a brand-new, empty database.
const serverUrl = process.env.TEST_DATABASE_URL;
if (!serverUrl && process.env.CI) {
  throw new Error("TEST_DATABASE_URL is not set: run the suite with `npm test`, which starts PostgreSQL.");
}

type Engine = { name: "pglite" | "postgres"; open: (options?: OpenOptions) => Promise<{ handle: DbHandle; dispose: () => Promise<void> }> };

const pgliteEngine: Engine = {
  name: "pglite",
  open: async (options) => {
    const handle = openDb({ pgliteDir: "memory://" }, options);
    return { handle, dispose: () => handle.close() };
  },
};

const postgresEngine: Engine = {
  name: "postgres",
  open: async (options) => {
    const name = `skillgrid_test_${randomBytes(6).toString("hex")}`;
    const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    const handle = openDb({ databaseUrl: url.toString() }, options);
    return {
      handle,
      dispose: async () => {
        await handle.close();
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  },
};

export const ENGINES: Engine[] = serverUrl ? [pgliteEngine, postgresEngine] : [pgliteEngine];
if (!serverUrl) console.warn("TEST_DATABASE_URL not set: integration tests run on PGlite only.");

/** Runs a suite once per engine on a fresh, migrated database. */
export function describeOnEachEngine(
  title: string,
  suite: (ctx: { handle: () => DbHandle; engine: Engine["name"] }) => void,
  options: { migrate?: boolean; onQuery?: (sql: string) => void } = {},
): void {
  for (const engine of ENGINES) {
    describe(`${title} [${engine.name}]`, () => {
      let opened: Awaited<ReturnType<Engine["open"]>> | undefined;
      beforeAll(async () => {
        opened = await engine.open({ onQuery: options.onQuery });
        if (options.migrate !== false) await migrateDatabase(opened.handle);
      });
      afterAll(async () => {
        await opened?.dispose();
      });
      suite({ handle: () => opened!.handle, engine: engine.name });
    });
  }
}

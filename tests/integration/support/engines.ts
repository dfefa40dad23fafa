import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll, describe } from "vitest";

import { openDb, type DbHandle, type OpenOptions } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { migrateAndGrant } from "@/db/roles";

// Integration tests run against both engines Skillgrid supports: embedded
// PGlite (in memory) and a real PostgreSQL server (TEST_DATABASE_URL, started
// by `npm test`). Each suite gets a brand-new, empty database.
//
// On PostgreSQL the suite runs as production should: the tables belong to an
// owner role (not a superuser) that migrates, and the application's handle
// logs in as a runtime role holding only what grantRuntimeRole gives it, so
// a missing grant fails the suite.
const serverUrl = process.env.TEST_DATABASE_URL;
if (!serverUrl && process.env.CI) {
  throw new Error("TEST_DATABASE_URL is not set: run the suite with `npm test`, which starts PostgreSQL.");
}

export const OWNER_ROLE = "skillgrid_owner";
export const RUNTIME_ROLE = "skillgrid_runtime";

let rolesCreated: Promise<void> | undefined;

/**
 * Creates the owner and runtime roles on the test server, once. Both are
 * plain login roles; the server trusts loopback connections (pg-temp.sh's
 * `initdb -A trust`), so no password. Vitest's workers may race here: a role
 * created meanwhile by another worker is fine.
 */
export function ensureTestRoles(): Promise<void> {
  rolesCreated ??= (async () => {
    const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
    try {
      for (const role of [OWNER_ROLE, RUNTIME_ROLE]) {
        await admin.unsafe(`do $$ begin
          create role ${role} login nosuperuser nocreatedb nocreaterole noreplication nobypassrls;
        exception when duplicate_object or unique_violation then null; end $$`);
      }
    } finally {
      await admin.end();
    }
  })();
  return rolesCreated;
}

/** A connection URL to a database on the test server, as a role (the superuser by default). */
export function testServerUrl(database: string, role?: string): string {
  const url = new URL(serverUrl!);
  url.pathname = `/${database}`;
  if (role) Object.assign(url, { username: role, password: "" });
  return url.toString();
}

/** A fresh database owned by the owner role; drop() removes it. */
export async function createTestDatabase(prefix: string): Promise<{ name: string; drop: () => Promise<void> }> {
  await ensureTestRoles();
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name} owner ${OWNER_ROLE}`);
  return {
    name,
    drop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

type Opened = {
  /** The application's handle: on PostgreSQL, the runtime role. */
  handle: DbHandle;
  /** The tables' owner (PGlite has one role: the same handle). */
  owner: DbHandle;
  /** Applies the migrations as the owner and grants the runtime role, as start-up does. */
  migrate: () => Promise<void>;
  dispose: () => Promise<void>;
};

type Engine = { name: "pglite" | "postgres"; open: (options?: OpenOptions) => Promise<Opened> };

const pgliteEngine: Engine = {
  name: "pglite",
  open: async (options) => {
    const handle = openDb({ pgliteDir: "memory://" }, options);
    return { handle, owner: handle, migrate: () => migrateDatabase(handle), dispose: () => handle.close() };
  },
};

const postgresEngine: Engine = {
  name: "postgres",
  open: async (options) => {
    const database = await createTestDatabase("skillgrid_test");
    const owner = openDb({ databaseUrl: testServerUrl(database.name, OWNER_ROLE) });
    const handle = openDb({ databaseUrl: testServerUrl(database.name, RUNTIME_ROLE) }, options);
    return {
      handle,
      owner,
      migrate: () => migrateAndGrant(owner, RUNTIME_ROLE),
      dispose: async () => {
        await Promise.all([handle.close(), owner.close()]);
        await database.drop();
      },
    };
  },
};

export const ENGINES: Engine[] = serverUrl ? [pgliteEngine, postgresEngine] : [pgliteEngine];
if (!serverUrl) console.warn("TEST_DATABASE_URL not set: integration tests run on PGlite only.");

type SuiteContext = {
  /** The application's database (on PostgreSQL, connected as the runtime role). */
  handle: () => DbHandle;
  /** The tables' owner, for what the application itself may not do. */
  owner: () => DbHandle;
  migrate: () => Promise<void>;
  engine: Engine["name"];
};

/** Runs a suite once per engine on a fresh, migrated database. */
export function describeOnEachEngine(
  title: string,
  suite: (ctx: SuiteContext) => void,
  options: { migrate?: boolean; onQuery?: (sql: string) => void } = {},
): void {
  for (const engine of ENGINES) {
    describe(`${title} [${engine.name}]`, () => {
      let opened: Opened | undefined;
      beforeAll(async () => {
        opened = await engine.open({ onQuery: options.onQuery });
        if (options.migrate !== false) await opened.migrate();
      });
      afterAll(async () => {
        await opened?.dispose();
      });
      suite({
        handle: () => opened!.handle,
        owner: () => opened!.owner,
        migrate: () => opened!.migrate(),
        engine: engine.name,
      });
    });
  }
}

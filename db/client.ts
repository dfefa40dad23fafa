import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";

import { getEnv } from "@/lib/env";
import { getLogger } from "@/lib/observability/logger";

import { freeBytesOf, guardPglite, StorageFullError, type StorageHealth } from "./pglite-guard";
import * as schema from "./schema";

/** One Drizzle type for both engines: code never needs to know which it has. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

/**
 * Runs raw SQL and returns its rows, whichever engine answers: the pglite
 * driver wraps them in `{ rows }`, postgres.js returns the array itself.
 */
export async function execRows<T = Record<string, unknown>>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows?: T[] } & T[];
  return result.rows ?? result;
}

export type DbHandle = {
  db: Db;
  engine: "postgres" | "pglite";
  close: () => Promise<void>;
  /**
   * Runs fn while holding a lock shared by every process on this database
   * (a PostgreSQL advisory lock), so replicas starting together migrate and
   * seed one after the other instead of racing.
   */
  exclusive: <T>(fn: () => Promise<T>) => Promise<T>;
  /** The embedded database's disk and liveness (PGlite on disk only). */
  storage?: () => StorageHealth;
};

// Arbitrary, fixed: identifies Skillgrid's start-up lock among advisory locks.
const STARTUP_LOCK_KEY = 0x5ec1_9d;

export type DbTarget = { databaseUrl: string } | { pgliteDir: string };

export type OpenOptions = {
  onQuery?: (sql: string) => void;
  /** PGlite on disk: writes are refused below this much free space (default PGLITE_MIN_FREE_MB). */
  minFreeBytes?: number;
  /** PGlite: a statement running longer marks the handle dead (default 30 s, PostgreSQL's statement timeout here). */
  deadlineMs?: number;
};

export function openDb(target: DbTarget, options: OpenOptions = {}): DbHandle {
  // Lets tests count the statements a page issues.
  const logger = options.onQuery ? { logQuery: (query: string) => options.onQuery!(query) } : undefined;
  return "databaseUrl" in target
    ? openPostgres(target.databaseUrl, logger)
    : openPglite(target.pgliteDir, options, logger);
}

type QueryLogger = { logQuery: (query: string) => void } | undefined;

function openPostgres(databaseUrl: string, logger: QueryLogger): DbHandle {
  const client = postgres(databaseUrl, {
    max: 10,
    // Fail fast instead of hanging when the server is unreachable.
    connect_timeout: 10,
    idle_timeout: 30,
    // postgres.js's default reconnect backoff grows to 20 s with the number
    // of failed attempts (shared by the pool), so after a database restart a
    // request could wait ~17 s on a connection that is merely sleeping.
    // Retry quickly instead: at most ~1 s between attempts.
    backoff: (attempt: number) => Math.min(0.05 * 2 ** attempt, 1) * (0.5 + Math.random() / 2),
    // A runaway statement must not hold a connection forever.
    connection: { statement_timeout: 30_000 },
    onnotice: () => {},
  });
  const db = drizzlePostgres({ client, schema, casing: "snake_case", logger }) as unknown as Db;
  const exclusive = async <T>(fn: () => Promise<T>): Promise<T> => {
    const session = await client.reserve();
    try {
      await session`select pg_advisory_lock(${STARTUP_LOCK_KEY})`;
      try {
        return await fn();
      } finally {
        await session`select pg_advisory_unlock(${STARTUP_LOCK_KEY})`;
      }
    } finally {
      session.release();
    }
  };
  return { db, engine: "postgres", close: () => client.end({ timeout: 5 }), exclusive };
}

function openPglite(dir: string, options: OpenOptions, logger: QueryLogger): DbHandle {
  const onDisk = !dir.startsWith("memory://");
  const minFreeBytes = options.minFreeBytes ?? getEnv().PGLITE_MIN_FREE_MB * 2 ** 20;
  if (onDisk) assertRoomToOpen(dir, minFreeBytes);
  // PostgreSQL inside PGlite zero-fills its whole shared memory at start, so
  // the shared_buffers=128MB initdb writes was resident from the first query
  // on (152 MB of WASM heap resident; 30 MB with 16 MB, ~125 MB less RSS
  // idle). 16 MB holds the demo organisation several times over and a miss
  // is read from the OS page cache: at 480,000 ratings the heatmap queries
  // measured the same within noise (bench/README.md, "Embedded database
  // memory"). On the command line, so it also overrides the postgresql.conf
  // of existing directories; appended to PGlite's own start parameters,
  // which it replaces when given any.
  const client = new PGlite(dir, { startParams: [...PGlite.defaultStartParams, "-c", "shared_buffers=16MB"] });
  const guard = onDisk
    ? guardPglite(client, { dir, minFreeBytes, deadlineMs: options.deadlineMs ?? 30_000, onDead: databaseFailed })
    : undefined;
  const db = drizzlePglite({ client, schema, casing: "snake_case", logger }) as unknown as Db;
  // One process owns a PGlite directory; nothing to coordinate with.
  return { db, engine: "pglite", close: () => client.close(), exclusive: (fn) => fn(), storage: guard?.health };
}

/** Creates the directory, proves it writable, and refuses to start on a nearly full disk (naming the directory and the space). */
function assertRoomToOpen(dir: string, minFreeBytes: number): void {
  mkdirSync(dir, { recursive: true });
  assertWritable(dir);
  const free = freeBytesOf(dir);
  if (free < minFreeBytes) throw new StorageFullError(dir, free, minFreeBytes);
}

/**
 * The embedded database failed for good (a PANIC, or a statement past its
 * deadline): every request now fails fast with a retryable error. With
 * EXIT_ON_DATABASE_FAILURE the process exits so a supervisor restarts it.
 */
function databaseFailed(reason: string): void {
  const exit = getEnv().EXIT_ON_DATABASE_FAILURE;
  getLogger().fatal(
    { reason, action: exit ? "exiting (EXIT_ON_DATABASE_FAILURE)" : "restart the process" },
    "embedded database failed",
  );
  if (exit) setTimeout(() => process.exit(70), 500).unref();
}

/** Thrown when the embedded database's directory cannot be written. */
export class DataDirReadOnlyError extends Error {
  readonly code = "DATA_DIR_READ_ONLY";
  constructor(dir: string, cause: unknown) {
    super(
      `The embedded database directory ${dir} is not writable (${(cause as { code?: string }).code ?? "error"}). ` +
        "Skillgrid will not open it: PostgreSQL inside PGlite cannot checkpoint on a read-only disk and stalls. " +
        "Make the directory writable (or point DATABASE_URL at PostgreSQL) and restart.",
      { cause },
    );
  }
}

// PGlite opened on a read-only directory (or one that becomes unwritable)
// does not fail cleanly: a failed checkpoint leaves the next query spinning
// at 100% CPU. So prove the directory takes a write before opening it.
function assertWritable(dir: string): void {
  const probe = path.join(dir, `.write-probe-${process.pid}`);
  try {
    writeFileSync(probe, "ok", { flush: true });
    rmSync(probe);
  } catch (e) {
    throw new DataDirReadOnlyError(dir, e);
  }
}

export function targetFromEnv(): DbTarget {
  const env = getEnv();
  return env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { pgliteDir: env.PGLITE_DIR };
}

// Next.js may evaluate this module more than once (route bundles, dev HMR);
// PGlite must be opened exactly once per process, so the handle lives on
// globalThis.
const globalForDb = globalThis as unknown as { __skillgridDb?: DbHandle };

export function getDbHandle(): DbHandle {
  if (!globalForDb.__skillgridDb) globalForDb.__skillgridDb = openDb(targetFromEnv());
  return globalForDb.__skillgridDb;
}

export function getDb(): Db {
  return getDbHandle().db;
}

/**
 * Makes this process use an already-open handle (scripts and integration
 * tests that manage their own database); the data-access layer then reads
 * and writes through it.
 */
export function setDbHandle(handle: DbHandle): void {
  globalForDb.__skillgridDb = handle;
}

/**
 * Graceful shutdown: closes this process's handle if one was opened (PGlite
 * checkpoints and marks its directory cleanly shut down; postgres.js ends its
 * connections). It stays cached, so a late query fails instead of reopening.
 */
export async function closeDbHandle(): Promise<void> {
  const handle = globalForDb.__skillgridDb;
  // A PGlite that failed for good (a PANIC) may spin if asked anything, close included.
  if (!handle || handle.storage?.().alive === false) return;
  await handle.close();
}

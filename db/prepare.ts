import { getEnv } from "@/lib/env";
import { getLogger } from "@/lib/observability/logger";

import { getDbHandle, openDb, type DbHandle } from "./client";
import { migrateAndGrant, roleSplitFromEnv } from "./roles";
import { seedDatabase, type SeedResult } from "./seed";

/**
 * Start-up on open handles, under the start-up lock: migrate as the owner
 * (with two roles, then re-grant the runtime role), then seed as the
 * runtime role, the role the application writes with. Without an owner
 * handle the runtime handle does both (one role, or PGlite).
 */
export async function startUpDatabase(options: {
  runtime: DbHandle;
  owner?: DbHandle;
  runtimeRole?: string;
  demo: boolean;
}): Promise<SeedResult> {
  const { runtime, owner, runtimeRole, demo } = options;
  const migrator = owner ?? runtime;
  return migrator.exclusive(async () => {
    await migrateAndGrant(migrator, owner ? runtimeRole : undefined);
    return seedDatabase(runtime.db, { demo });
  });
}

/** Migrates, installs the default framework, and seeds the demo org when SEED_DEMO is set. */
export async function prepareDatabase(): Promise<void> {
  const handle = getDbHandle();
  const split = roleSplitFromEnv();
  // Only for start-up: closed before the first request is served.
  const owner = split ? openDb({ databaseUrl: split.migrationUrl }) : undefined;
  const started = Date.now();
  try {
    const result = await startUpDatabase({
      runtime: handle,
      owner,
      runtimeRole: split?.runtimeRole,
      demo: getEnv().SEED_DEMO,
    });
    getLogger().info(
      {
        engine: handle.engine,
        roles: split ? 2 : 1,
        frameworkInstalled: result.frameworkInserted,
        demoRowsInserted: result.demoRowsInserted,
        ms: Date.now() - started,
      },
      "database ready",
    );
  } finally {
    await owner?.close();
  }
}

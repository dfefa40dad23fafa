import { getEnv } from "@/lib/env";
import { getLogger } from "@/lib/observability/logger";
import { getDbHandle } from "./client";
import { migrateDatabase } from "./migrate";
import { seedDatabase } from "./seed";

/** Migrates, installs the default framework, and seeds the demo org when SEED_DEMO is set. */
export async function prepareDatabase(): Promise<void> {
  const handle = getDbHandle();
  const started = Date.now();
  const result = await handle.exclusive(async () => {
    await migrateDatabase(handle);
    return seedDatabase(handle.db, { demo: getEnv().SEED_DEMO });
  });
  getLogger().info({ engine: handle.engine, frameworkInstalled: result.frameworkInserted, demoRowsInserted: result.demoRowsInserted, ms: Date.now() - started }, "database ready");
}

import { formatError } from "@/lib/observability/describe-error";

import { openDb, targetFromEnv } from "./client";
import { migrateAndGrant, roleSplitFromEnv } from "./roles";

// npm run db:migrate. With MIGRATION_DATABASE_URL (two roles), migrates as
// that role and then grants DATABASE_URL's role what the application needs.
async function main() {
  const split = roleSplitFromEnv();
  const handle = openDb(split ? { databaseUrl: split.migrationUrl } : targetFromEnv());
  try {
    await handle.exclusive(() => migrateAndGrant(handle, split?.runtimeRole));
    console.log(`Migrations applied (${handle.engine}${split ? `; privileges granted to ${split.runtimeRole}` : ""}).`);
  } finally {
    await handle.close();
  }
}

main().catch((err) => {
  console.error("Migration failed:", formatError(err));
  process.exit(1);
});

import { openDb, targetFromEnv } from "./client";
import { migrateDatabase } from "./migrate";

async function main() {
  const handle = openDb(targetFromEnv());
  try {
    await handle.exclusive(() => migrateDatabase(handle));
    console.log(`Migrations applied (${handle.engine}).`);
  } finally {
    await handle.close();
  }
}

main().catch((err) => {
  console.error("Migration failed:", err instanceof Error ? err.message : err);
  process.exit(1);
});

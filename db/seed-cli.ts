import { formatError } from "@/lib/observability/describe-error";

import { openDb, targetFromEnv } from "./client";
import { migrateDatabase } from "./migrate";
import { seedDatabase } from "./seed";

// npm run db:seed [-- --no-demo]
async function main() {
  const demo = !process.argv.includes("--no-demo");
  const handle = openDb(targetFromEnv());
  try {
    const result = await handle.exclusive(async () => {
      await migrateDatabase(handle);
      return seedDatabase(handle.db, { demo });
    });
    console.log(
      `Seeded (${handle.engine}): default framework ${result.frameworkInserted ? "installed" : "already present"}, ` +
        `${result.demoRowsInserted} demo rows inserted.`,
    );
  } finally {
    await handle.close();
  }
}

main().catch((err) => {
  console.error("Seeding failed:", formatError(err));
  process.exit(1);
});

import { getEnv } from "@/lib/env";
import { formatError } from "@/lib/observability/describe-error";

import { backupPglite, backupPostgres, restorePglite, restorePostgres } from "./backup";
import { openDb } from "./client";
import { grantRuntimeRole, roleSplitFromEnv } from "./roles";

// npm run db:backup -- <file>     (PostgreSQL: pg_dump custom format; embedded: data-dir tarball)
// npm run db:restore -- <file> [<new PGlite dir>]
// With two roles (MIGRATION_DATABASE_URL), both run as the owner: a restore
// drops and recreates the tables, which only their owner may, and the dump
// reads drizzle's journal whole; the runtime role is re-granted afterwards.
async function main() {
  const [command, file, target] = process.argv.slice(2);
  if (!file || (command !== "backup" && command !== "restore"))
    throw new Error("usage: db:backup -- <file> | db:restore -- <file> [<pglite dir>]");
  const env = getEnv();
  const split = roleSplitFromEnv();
  const databaseUrl = split?.migrationUrl ?? env.DATABASE_URL;
  if (databaseUrl) {
    if (command === "backup") backupPostgres(databaseUrl, file);
    else {
      restorePostgres(databaseUrl, file);
      if (split) await regrant(databaseUrl, split.runtimeRole);
    }
  } else if (command === "backup") await backupPglite(env.PGLITE_DIR, file);
  else await restorePglite(file, target ?? env.PGLITE_DIR);
  console.log(
    `${command === "backup" ? "Backed up to" : "Restored from"} ${file} (${databaseUrl ? "PostgreSQL" : "PGlite"}).`,
  );
}

async function regrant(ownerUrl: string, runtimeRole: string): Promise<void> {
  const owner = openDb({ databaseUrl: ownerUrl });
  try {
    await grantRuntimeRole(owner, runtimeRole);
  } finally {
    await owner.close();
  }
}

main().catch((err) => {
  console.error(formatError(err));
  process.exit(1);
});

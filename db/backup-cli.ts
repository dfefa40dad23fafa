import { getEnv } from "@/lib/env";
import { backupPglite, backupPostgres, restorePglite, restorePostgres } from "./backup";

// npm run db:backup -- <file>     (PostgreSQL: pg_dump custom format; embedded: data-dir tarball)
// npm run db:restore -- <file> [<new PGlite dir>]
async function main() {
  const [command, file, target] = process.argv.slice(2);
  if (!file || (command !== "backup" && command !== "restore")) throw new Error("usage: db:backup -- <file> | db:restore -- <file> [<pglite dir>]");
  const env = getEnv();
  if (env.DATABASE_URL) {
    if (command === "backup") backupPostgres(env.DATABASE_URL, file);
    else restorePostgres(env.DATABASE_URL, file);
  } else if (command === "backup") await backupPglite(env.PGLITE_DIR, file);
  else await restorePglite(file, target ?? env.PGLITE_DIR);
  console.log(`${command === "backup" ? "Backed up to" : "Restored from"} ${file} (${env.DATABASE_URL ? "PostgreSQL" : "PGlite"}).`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});

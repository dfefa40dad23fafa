import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { gunzipSync, gzipSync } from "node:zlib";
import { PGlite } from "@electric-sql/pglite";

// Backups for both engines: pg_dump / pg_restore in custom format for
// PostgreSQL, and a data-directory tarball for embedded PGlite.

function pgTool(name: "pg_dump" | "pg_restore"): string {
  const onPath = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).stdout.trim();
  if (onPath) return onPath;
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (existsSync(`${root}/${v}/bin/${name}`)) return `${root}/${v}/bin/${name}`;
  throw new Error(`${name} not found (apt-get install postgresql-client)`);
}

function run(cmd: string, args: string[]): void {
  const result = spawnSync(cmd, args, { encoding: "utf8" });
  if (result.status !== 0)
    throw new Error(
      `${cmd.split("/").pop()} failed: ${(result.stderr || result.stdout).trim().split("\n").slice(-3).join(" ")}`,
    );
}

export function backupPostgres(databaseUrl: string, file: string): void {
  run(pgTool("pg_dump"), ["--format=custom", "--no-owner", "--file", file, databaseUrl]);
}

/** Restores into an existing database, replacing what the dump contains. */
export function restorePostgres(databaseUrl: string, file: string): void {
  run(pgTool("pg_restore"), [
    "--clean",
    "--if-exists",
    "--no-owner",
    "--single-transaction",
    "--dbname",
    databaseUrl,
    file,
  ]);
}

export async function backupPglite(dataDir: string, file: string): Promise<void> {
  const db = new PGlite(dataDir);
  await db.waitReady;
  try {
    // PGlite's own gzip option does not finish under Node 20; compress here instead.
    const dump = await db.dumpDataDir("none");
    writeFileSync(file, gzipSync(Buffer.from(await dump.arrayBuffer())));
  } finally {
    await db.close();
  }
}

/** Restores a tarball into a new (empty) data directory. */
export async function restorePglite(file: string, dataDir: string): Promise<void> {
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0)
    throw new Error(`${dataDir} is not empty: restore into a new directory`);
  const raw = readFileSync(file);
  const tar = raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw;
  const db = new PGlite(dataDir, { loadDataDir: new Blob([tar]) });
  await db.waitReady;
  await db.close();
}

import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { openDb, type Db } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { auditEvents, frameworks, frameworkVersions } from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { DEFAULT_FRAMEWORK_KEY } from "@/db/seed/framework";
import { parseFrameworkData, type FrameworkDocument } from "@/lib/roadmap/document";

import { tableFingerprint } from "./support/fingerprint";

/*
 * npm run framework:import / framework:export through the real command line, as an operator runs them: the
 * package.json script, in a child process, on an embedded database in a temporary directory.
 */

const root = path.join(__dirname, "../..");
const scripts = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).scripts as Record<string, string>;
let dir: string;
let dataDir: string;

function cli(script: "framework:import" | "framework:export", ...args: string[]) {
  const [bin, ...rest] = scripts[script]!.split(" ");
  const run = spawnSync("npx", [bin!, ...rest, ...args], {
    cwd: root,
    env: { ...process.env, PGLITE_DIR: dataDir, DATABASE_URL: "", MIGRATION_DATABASE_URL: "" },
    encoding: "utf8",
    timeout: 90_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** PGlite has no inter-process lock: the test opens the directory only while no CLI runs. */
async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const handle = openDb({ pgliteDir: dataDir });
  try {
    return await fn(handle.db);
  } finally {
    await handle.close();
  }
}

const versions = () =>
  withDb((db) =>
    db
      .select({ version: frameworkVersions.version, status: frameworkVersions.status })
      .from(frameworkVersions)
      .innerJoin(frameworks, eq(frameworks.id, frameworkVersions.frameworkId))
      .where(eq(frameworks.key, DEFAULT_FRAMEWORK_KEY))
      .orderBy(asc(frameworkVersions.version)),
  );

/** The exported framework file with one skill renamed and one added. */
function changedFile(doc: FrameworkDocument, suffix: string): string {
  const copy = structuredClone(doc);
  const category = copy.levels[0]!.categories[0]!;
  category.skills[0]!.name.en = `Reads notebooks (${suffix})`;
  category.skills.push({
    key: `${category.key}.cli-${suffix}`,
    name: { zh: `命令列技能 ${suffix}`, en: `Command-line skill ${suffix}` },
  });
  const file = path.join(dir, `changed-${suffix}.json`);
  writeFileSync(file, JSON.stringify(copy, null, 2));
  return file;
}

describe("framework import and export from the command line", () => {
  let exported: FrameworkDocument;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "skillgrid-framework-cli-"));
    dataDir = path.join(dir, "pglite");
    const handle = openDb({ pgliteDir: dataDir });
    try {
      await migrateDatabase(handle);
      await seedDatabase(handle.db, { demo: false });
    } finally {
      await handle.close();
    }
  }, 120_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("round-trips an export through a dry-run import with no changes, writing nothing", async () => {
    const before = await withDb(tableFingerprint);
    const json = path.join(dir, "roadmap.json");
    const yaml = path.join(dir, "roadmap.yaml");
    expect(cli("framework:export", DEFAULT_FRAMEWORK_KEY, "--out", json)).toMatchObject({
      code: 0,
      stdout: `Exported ${DEFAULT_FRAMEWORK_KEY}-v1.json to ${json}.\n`,
    });
    expect(cli("framework:export", DEFAULT_FRAMEWORK_KEY, "--format", "yaml", "--out", yaml).code).toBe(0);
    exported = parseFrameworkData(readFileSync(json, "utf8"));

    const dryJson = cli("framework:import", json, "--dry-run");
    expect(dryJson.code).toBe(0);
    expect(dryJson.stdout).toContain(
      "3 levels, 15 categories, 33 skills, 10 capabilities; against published v1: no changes.",
    );
    expect(dryJson.stdout).toContain("Dry run: nothing was written.");
    // The framework named by its English title, as an operator might type it.
    const dryYaml = cli("framework:import", yaml, "--dry-run", "--framework", exported.title.en.toUpperCase());
    expect(dryYaml).toMatchObject({ code: 0 });
    expect(dryYaml.stdout).toContain("against published v1: no changes.");
    expect(await withDb(tableFingerprint)).toEqual(before);
  }, 240_000);

  it("refuses an invalid file with exit code 1 and the line of the mistake, writing nothing", async () => {
    const before = await withDb(tableFingerprint);
    const file = path.join(dir, "broken.md");
    writeFileSync(
      file,
      ["# Data roadmap", "", "## Junior", "", "1. **SQL**", "   - Writes joins", "# A second title", ""].join("\n"),
    );
    const run = cli("framework:import", file);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`error: ${file} has errors; nothing was imported.`);
    expect(run.stderr).toContain("line 7: only one '# ' title is allowed; use '## ' for sections");
    expect(run.stdout).toBe("");
    expect(await withDb(tableFingerprint)).toEqual(before);
  }, 120_000);

  it("imports and publishes a changed file with --publish, audited as the command line", async () => {
    const run = cli("framework:import", changedFile(exported, "a"), "--publish");
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toBe(
      `Imported and published ${DEFAULT_FRAMEWORK_KEY} v2 (3 levels, 15 categories, 34 skills, 10 capabilities; against published v1: 1 added, 1 renamed).\n`,
    );
    expect(await versions()).toEqual([
      { version: 1, status: "retired" },
      { version: 2, status: "published" },
    ]);
    const audit = await withDb((db) =>
      db
        .select({ action: auditEvents.action, actorId: auditEvents.actorId, actorEmail: auditEvents.actorEmail })
        .from(auditEvents)
        .where(eq(auditEvents.entityType, "framework_version")),
    );
    expect(audit.map((a) => a.action)).toEqual(["framework.imported", "framework.published"]);
    for (const a of audit) expect(a).toMatchObject({ actorId: null, actorEmail: expect.stringMatching(/^cli:/) });
  }, 120_000);

  it("imports a changed file as the next draft, and refuses another import while that draft exists", async () => {
    // Made from the v1 export: against v2 it adds its own skill and retires the one v2 added.
    const run = cli("framework:import", changedFile(exported, "b"));
    expect(run).toMatchObject({ code: 0 });
    expect(run.stdout).toMatch(
      new RegExp(
        `^Imported ${DEFAULT_FRAMEWORK_KEY} v3 as a draft \\(.*against published v2: 1 added, 1 retired, 1 renamed\\)\\.\\n$`,
      ),
    );
    expect((await versions()).map((v) => v.status)).toEqual(["retired", "published", "draft"]);

    const before = await withDb(tableFingerprint);
    const again = cli("framework:import", changedFile(exported, "c"));
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("This framework already has a draft. Publish or discard it first.");
    expect(await withDb(tableFingerprint)).toEqual(before);
  }, 120_000);
});

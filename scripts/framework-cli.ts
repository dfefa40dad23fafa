/**
 * Roadmaps (frameworks) from the command line, as an operator:
 *   npm run framework:import -- <file.md|.json|.yaml> [--framework <id-or-name>] [--publish] [--dry-run]
 *   npm run framework:export -- <framework id or name> [--format md|json|yaml] [--lang en|zh-TW] [--out file]
 * Uses DATABASE_URL / PGLITE_DIR like the app (embedded database: not while a server has the directory open).
 * Every read and write goes through the same data-layer calls as the Roadmaps pages (lib/data/framework-admin.ts),
 * so a file is checked by the same parser, refused with the same line-numbered errors, written by the same
 * writer in one transaction with its audit row. Exit code 0 on success, 1 otherwise.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";

import { openDb, setDbHandle, targetFromEnv } from "@/db/client";
import type { Viewer } from "@/lib/auth/viewer";
import { exportFramework, getFrameworkEditor, importFramework, publishDraft } from "@/lib/data/framework-admin";
import { diffFrameworks, isEmptyDiff, type FrameworkDiff } from "@/lib/roadmap/diff";
import {
  frameworkDocumentSchema,
  frameworkToJson,
  parseFrameworkData,
  readMarkdownFramework,
  type FrameworkDocument,
} from "@/lib/roadmap/document";

import {
  CliError,
  describeFailure,
  diffLines,
  diffSummary,
  findFramework,
  listFrameworkRefs,
  operator,
  plural,
  warningLine,
  type FrameworkRef,
} from "./framework-cli/support";

type Format = "markdown" | "json" | "yaml";
const formatOf = (file: string): Format =>
  /\.json$/i.test(file) ? "json" : /\.ya?ml$/i.test(file) ? "yaml" : "markdown";

// The same text the data layer refuses an import with (importFramework), said before anything is written.
const HAS_DRAFT = "This framework already has a draft. Publish or discard it first.";

/** The framework document as the import will store it, under `key` (same parser as the import). */
function readDocument(format: Format, content: string, key: string) {
  const doc = format === "markdown" ? readMarkdownFramework(content, key).doc : parseFrameworkData(content);
  return { ...doc, key };
}

/**
 * A stored version with its keys in the document schema's order, as a parsed file has them: the diff compares the
 * parts besides skills as JSON text, and jsonb columns (growth table, transition path, descriptors) come back with
 * their keys reordered, which would otherwise read as "texts changed" on an unchanged file.
 */
const canonical = (doc: FrameworkDocument): FrameworkDocument => frameworkDocumentSchema.parse(doc);

type ImportPlan = {
  format: Format;
  content: string;
  key: string;
  doc: FrameworkDocument;
  diff: FrameworkDiff | null;
  published: number | null;
  summary: string;
};

/** What importing the file would do, checked by the import itself (nothing is written); refuses as the UI does. */
async function planImport(viewer: Viewer, file: string, framework: string | undefined): Promise<ImportPlan> {
  let content: string;
  try {
    content = readFileSync(file, "utf8");
  } catch (e) {
    throw new CliError(`Cannot read ${file} (${(e as { code?: string }).code ?? "error"}).`);
  }
  const format = formatOf(file);
  const preview = await importFramework(viewer, { format, content, apply: false });
  if (!preview.ok)
    throw new CliError(
      `${file} has errors; nothing was imported.`,
      preview.errors.map((e) => (e.line ? `line ${e.line}: ${e.message}` : e.message)),
    );
  for (const w of preview.warnings) console.error(`warning: ${warningLine(w)}`);
  const refs = await listFrameworkRefs(viewer);
  // Without --framework the file's key decides, as in the UI; with it, the file becomes that framework's next draft.
  const target: FrameworkRef | null = framework
    ? findFramework(refs, framework)
    : (refs.find((r) => r.key === preview.key) ?? null);
  const key = target?.key ?? preview.key!;
  const doc = readDocument(format, content, key);
  const current = target ? await getFrameworkEditor(viewer, { frameworkId: target.id }) : null;
  if (current?.draft) throw new CliError(`${key}: ${HAS_DRAFT} (draft v${current.draft.version})`);
  const published = current && !current.draft ? current.published : null;
  const diff = published ? diffFrameworks(canonical(published.doc), doc, { before: new Set(published.retired) }) : null;
  const c = preview.counts!;
  const counts = [
    plural(c.levels, "level"),
    plural(c.categories, "category", "categories"),
    plural(c.skills, "skill"),
    plural(c.capabilities, "capability", "capabilities"),
  ].join(", ");
  const against =
    published && diff ? `against published v${published.version}: ${diffSummary(diff)}` : "a new framework";
  // The data layer takes the file's own key; a file imported into another framework goes in as its framework
  // document under that framework's key (the document the parser made, so it reads back identically).
  const apply = key === preview.key ? { format, content } : { format: "json" as const, content: frameworkToJson(doc) };
  return { ...apply, key, doc, diff, published: published?.version ?? null, summary: `${counts}; ${against}` };
}

async function importCommand(
  file: string,
  opts: { framework?: string; publish: boolean; dryRun: boolean },
): Promise<void> {
  const viewer = operator();
  const plan = await planImport(viewer, file, opts.framework);
  if (opts.dryRun) {
    console.log(`${plan.key} — ${plan.doc.title.en}: ${plan.summary}.`);
    for (const line of plan.diff ? diffLines(plan.diff) : []) console.log(`  ${line}`);
    console.log("Dry run: nothing was written.");
    return;
  }
  if (opts.publish && plan.diff && isEmptyDiff(plan.diff)) {
    throw new CliError(
      `${plan.key}: the file has no changes against the published version v${plan.published}; there is nothing to publish. Nothing was imported.`,
    );
  }
  const { created } = await importFramework(viewer, { format: plan.format, content: plan.content, apply: true });
  if (!opts.publish) {
    console.log(`Imported ${plan.key} v${created!.version} as a draft (${plan.summary}).`);
    return;
  }
  try {
    await publishDraft(viewer, { frameworkId: created!.frameworkId });
  } catch (e) {
    throw new CliError(
      `Imported ${plan.key} v${created!.version} as a draft, but publishing it failed: ${describeFailure(e).join(" ")}`,
    );
  }
  console.log(`Imported and published ${plan.key} v${created!.version} (${plan.summary}).`);
}

const EXPORT_FORMATS = { md: "markdown", markdown: "markdown", json: "json", yaml: "yaml", yml: "yaml" } as const;

async function exportCommand(name: string, opts: { format?: string; lang: string; out?: string }): Promise<void> {
  const requested =
    opts.format ?? (opts.out ? /\.(md|markdown|json|ya?ml)$/i.exec(opts.out)?.[1]?.toLowerCase() : undefined) ?? "json";
  const format = EXPORT_FORMATS[requested as keyof typeof EXPORT_FORMATS];
  if (!format) throw new CliError(`--format is md, json or yaml (not ${requested}).`);
  if (opts.lang !== "en" && opts.lang !== "zh-TW") throw new CliError(`--lang is en or zh-TW (not ${opts.lang}).`);
  const viewer = operator();
  const ref = findFramework(await listFrameworkRefs(viewer), name);
  const file = await exportFramework(viewer, {
    frameworkId: ref.id,
    format: format === "markdown" ? (opts.lang === "zh-TW" ? "markdown-zh" : "markdown-en") : format,
  });
  if (!opts.out) {
    process.stdout.write(file.body);
    console.error(`Exported ${file.filename} to standard output.`);
    return;
  }
  writeFileSync(opts.out, file.body);
  console.log(`Exported ${file.filename} to ${opts.out}.`);
}

const USAGE = [
  "usage: npm run framework:import -- <file.md|.json|.yaml> [--framework <id-or-name>] [--publish] [--dry-run]",
  "       npm run framework:export -- <framework id or name> [--format md|json|yaml] [--lang en|zh-TW] [--out file]",
];

function parseCommandLine(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      options: {
        framework: { type: "string" },
        publish: { type: "boolean", default: false },
        "dry-run": { type: "boolean", default: false },
        format: { type: "string" },
        lang: { type: "string", default: "en" },
        out: { type: "string" },
      },
    });
  } catch (e) {
    throw new CliError((e as Error).message, USAGE);
  }
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  const { values, positionals } = parseCommandLine(rest);
  if (positionals.length !== 1 || (command !== "import" && command !== "export"))
    throw new CliError("Expected one file or framework.", USAGE);
  const handle = openDb(targetFromEnv());
  setDbHandle(handle);
  try {
    if (command === "import")
      await importCommand(positionals[0]!, {
        framework: values.framework,
        publish: values.publish,
        dryRun: values["dry-run"],
      });
    else await exportCommand(positionals[0]!, { format: values.format, lang: values.lang, out: values.out });
  } finally {
    await handle.close();
  }
}

main().catch((e: unknown) => {
  const [first, ...more] = describeFailure(e);
  console.error(`error: ${first}`);
  for (const line of more) console.error(`  ${line}`);
  process.exitCode = 1;
});

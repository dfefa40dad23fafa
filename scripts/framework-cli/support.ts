import { userInfo } from "node:os";

import { DataDirReadOnlyError } from "@/db/client";
import { StorageFullError } from "@/db/pglite-guard";
import type { Viewer } from "@/lib/auth/viewer";
import { listFrameworkDrafts, listFrameworks } from "@/lib/data/frameworks";
import { AppError, classifyDbError } from "@/lib/errors";
import { carriesQueryValues, describeError } from "@/lib/observability/describe-error";
import { sameName, type RepeatedCategory } from "@/lib/roadmap/checks";
import { countChanges, type FrameworkDiff } from "@/lib/roadmap/diff";

// Helpers of scripts/framework-cli.ts: who the command line acts as, finding a framework by what an operator
// types, and saying diffs, warnings and failures in plain lines.

/** A refusal to print as it is (it holds no database text). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
  }
}

/**
 * Who the command line acts as. Whoever runs it holds the database's credentials and could write any row, so it
 * acts as an org admin; it is nobody in `users`, so its audit rows have actorId null and actorEmail
 * "cli:<OS user>", and a publish records no publisher (publishedById null). The data layer reads only the role
 * (permissions) and the id and email (audit) of a viewer on the paths the CLI calls.
 */
export function operator(): Viewer {
  let who = "unknown";
  try {
    who = userInfo().username;
  } catch {
    // A container user without a passwd entry.
  }
  return {
    id: null as unknown as string,
    email: `cli:${who}`,
    name: "Command line",
    role: "admin",
    locale: "en",
    leadTeamIds: [],
    memberTeamIds: [],
  };
}

export type FrameworkRef = { id: string; key: string; names: string[] };

/** Every framework (published, or imported and never published), with its titles in both languages. */
export async function listFrameworkRefs(viewer: Viewer): Promise<FrameworkRef[]> {
  const [en, zh, draftsEn, draftsZh] = await Promise.all([
    listFrameworks(viewer, { locale: "en" }),
    listFrameworks(viewer, { locale: "zh-TW" }),
    listFrameworkDrafts(viewer, { locale: "en" }),
    listFrameworkDrafts(viewer, { locale: "zh-TW" }),
  ]);
  const refs = new Map<string, FrameworkRef>();
  const add = (id: string, key: string, name: string) => {
    const ref = refs.get(id) ?? { id, key, names: [] };
    if (!ref.names.includes(name)) ref.names.push(name);
    refs.set(id, ref);
  };
  for (const f of [...en, ...zh]) add(f.id, f.key, f.name);
  for (const d of [...draftsEn, ...draftsZh]) add(d.frameworkId, d.key, d.name);
  return [...refs.values()];
}

/** The one framework an id, key or title (either language, ignoring case and spacing) names. */
export function findFramework(refs: FrameworkRef[], query: string): FrameworkRef {
  const q = query.trim();
  const matches = refs.filter(
    (r) => r.id === q.toLowerCase() || r.key === q.toLowerCase() || r.names.some((n) => sameName(n) === sameName(q)),
  );
  if (matches.length === 1) return matches[0]!;
  const list = (matches.length ? matches : refs).map((r) => `${r.key}  ${r.id}  ${r.names.join(" / ")}`);
  throw new CliError(
    matches.length
      ? `"${q}" names ${matches.length} frameworks; give its key or id:`
      : `No framework is called "${q}". Frameworks:`,
    list,
  );
}

const PARTS: [keyof Omit<FrameworkDiff, "other">, string][] = [
  ["added", "added"],
  ["retired", "retired"],
  ["renamed", "renamed"],
  ["moved", "moved"],
  ["redescribed", "re-described"],
  ["reordered", "reordered"],
];

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "2 added, 1 renamed; other parts changed: title" or "no changes". */
export function diffSummary(diff: FrameworkDiff): string {
  if (countChanges(diff) === 0) return "no changes";
  const skills = PARTS.filter(([part]) => diff[part].length > 0).map(
    ([part, label]) => `${diff[part].length} ${label}`,
  );
  const other = diff.other.length ? `other parts changed: ${diff.other.join(", ")}` : "";
  return [skills.join(", "), other].filter(Boolean).join("; ");
}

/** One line per changed skill. */
export function diffLines(diff: FrameworkDiff): string[] {
  return [
    ...diff.added.map((s) => `added: ${s.key} (${s.name})`),
    ...diff.retired.map((s) => `retired: ${s.key} (${s.name})`),
    // The diff names skills in English; a rename of the Chinese name alone keeps the English one.
    ...diff.renamed.map((s) =>
      s.from === s.to
        ? `renamed: ${s.key} (${s.to}): the zh-TW name changed`
        : `renamed: ${s.key}: ${s.from} → ${s.to}`,
    ),
    ...diff.moved.map((s) => `moved: ${s.key}: ${s.from} → ${s.to}`),
    ...diff.redescribed.map((s) => `re-described: ${s.key} (${s.name})`),
    ...diff.reordered.map((s) => `reordered: ${s.key} (${s.name})`),
  ];
}

/** The import preview's warning, worded as the UI words it. */
export function warningLine(w: RepeatedCategory): string {
  const message = `“${w.name}” (${w.level}) has the same name as a category of ${w.firstLevel}; it gets the key ${w.key}. Rename one of them if they are different categories.`;
  return w.line ? `line ${w.line}: ${message}` : message;
}

/**
 * What to print for a failure: the data layer's own message for a refusal, and for a database error the fixed
 * message for its class with its SQLSTATE, never the server's text (it may quote the statement's values).
 */
export function describeFailure(e: unknown): string[] {
  if (e instanceof CliError) return [e.message, ...e.details];
  if (e instanceof AppError) return [e.message, ...Object.values(e.fieldErrors ?? {}).flat()];
  if (e instanceof StorageFullError || e instanceof DataDirReadOnlyError) return [e.message];
  if (carriesQueryValues(e)) {
    const d = describeError(e);
    const code = d.sqlstate ?? d.code;
    const hint = code === "42P01" ? ["The database has no Skillgrid tables yet: run npm run db:migrate first."] : [];
    return [`${classifyDbError(e).message}${code ? ` [${code}]` : ""}`, ...hint];
  }
  return [e instanceof Error ? e.message : String(e)];
}

import { FrameworkFileError, type FrameworkDocument } from "@/lib/roadmap/document";
import { RoadmapParseError } from "@/lib/roadmap/types";

// What a framework import previews: the file's problems, line by line, or
// how much it holds. Pure; lib/data/framework-admin.ts reads and writes.

export type FileProblem = { line: number | null; message: string };

/** The problems a parse error names, each with its line when known; null for an error that is not about the file. */
export function fileProblems(e: unknown): FileProblem[] | null {
  if (e instanceof RoadmapParseError) return [{ line: e.line, message: e.reason }];
  if (e instanceof FrameworkFileError)
    return e.errors.map((x) => ({ line: x.line, message: x.path ? `${x.path}: ${x.message}` : x.message }));
  return null;
}

/** The problems as one line each, for a refused import's field errors. */
export function problemLines(problems: FileProblem[]): string[] {
  return problems.map((x) => `${x.line ? `line ${x.line}: ` : ""}${x.message}`);
}

/** How many levels, categories, skills and capabilities the document holds. */
export function documentCounts(doc: FrameworkDocument) {
  return {
    levels: doc.levels.length,
    categories: doc.levels.reduce((n, l) => n + l.categories.length, 0),
    skills: doc.levels.reduce((n, l) => n + l.categories.reduce((m, c) => m + c.skills.length, 0), 0),
    capabilities: doc.capabilities.length,
  };
}

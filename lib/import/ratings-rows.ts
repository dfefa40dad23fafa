import { quarterOf } from "@/lib/quarters";

import type { ImportPlan, MatrixFile } from "./ratings-matrix";

// The lookups a ratings import plans against, and the rows it writes: pure,
// so the data layer (lib/data/import.ts) only reads and writes.

/** A skill's column may name it by key, English or Chinese name, or English name in any case. */
export function skillNameIndex(skills: { key: string; nameEn: string; nameZh: string }[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const s of skills)
    for (const name of [s.key, s.nameEn, s.nameZh, s.nameEn.toLowerCase()]) index.set(name, s.key);
  return index;
}

/** The distinct emails in the file's email column, lower-cased, blanks left out. */
export function fileEmails(file: MatrixFile): string[] {
  const column = file.header.findIndex((h) => h.toLowerCase() === "email");
  return [...new Set(file.rows.map((r) => (r.cells[column] ?? "").toLowerCase()).filter(Boolean))];
}

export type ImportedRatingsContext = {
  /** Lower-cased email -> user id, for every person the plan accepted. */
  people: Map<string, string>;
  importer: { id: string; email: string };
  frameworkId: string;
  filename: string;
  now: Date;
};

/**
 * One self rating per changed cell of every accepted row, entered by the
 * importer (so it waits for the member to keep it) and saying where it came from.
 */
export function importedRatingRows(plan: ImportPlan, ctx: ImportedRatingsContext) {
  const comment = `Imported by ${ctx.importer.email} from ${ctx.filename.slice(0, 100)}`;
  return plan.rows.flatMap((r) =>
    r.status !== "ok"
      ? []
      : r.changes.map((c) => ({
          userId: ctx.people.get(r.email)!,
          raterId: ctx.importer.id,
          raterKind: "self" as const,
          frameworkId: ctx.frameworkId,
          skillKey: c.skillKey,
          proficiency: c.proficiency,
          notApplicable: c.notApplicable,
          comment,
          quarter: quarterOf(ctx.now),
          ratedAt: ctx.now,
        })),
  );
}

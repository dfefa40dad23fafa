import "server-only";

import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { z } from "zod";

import { getDb } from "@/db/client";
import { writeAudit } from "@/db/queries/audit";
import { frameworkVersions, ratings, skills, teams, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { invalid } from "@/lib/errors";
import {
  ImportFileError,
  planImport,
  readCsvMatrix,
  type ImportPlan,
  type MatrixFile,
} from "@/lib/import/ratings-matrix";
import { readXlsxMatrix } from "@/lib/import/xlsx-matrix";
import { metrics } from "@/lib/observability/metrics";
import { quarterOf } from "@/lib/quarters";

import { parseInput, requirePermission } from "./guard";

const MAX_BYTES = 10 * 1024 * 1024;
const importSchema = z.strictObject({
  mode: z.enum(["dry-run", "apply"], { message: "mode is dry-run or apply." }),
  filename: z.string().min(1).max(200),
  bytes: z.instanceof(Uint8Array),
});

async function readFile(filename: string, bytes: Uint8Array): Promise<MatrixFile> {
  if (bytes.byteLength > MAX_BYTES) throw new ImportFileError("The file is larger than 10 MB.");
  if (/\.csv$/i.test(filename)) return readCsvMatrix(new TextDecoder("utf-8", { fatal: false }).decode(bytes));
  // Read with our own bounded reader, not exceljs: see lib/import/xlsx-matrix.ts.
  if (/\.xlsx$/i.test(filename)) return readXlsxMatrix(bytes);
  throw new ImportFileError("Upload a .csv or .xlsx file.");
}

export type ImportResult = ImportPlan & { applied: boolean; frameworkTitle: string };

/**
 * Imports a ratings matrix into the framework most teams use. A dry run only
 * reports; applying writes one history row per changed cell (attributed to
 * the importer), with one audit row, in a single transaction.
 */
export async function importRatings(viewer: Viewer | null, raw: unknown): Promise<ImportResult> {
  const v = assertMayImport(viewer);
  const input = parseInput(importSchema, raw);
  let file: MatrixFile;
  try {
    file = await readFile(input.filename, input.bytes);
  } catch (e) {
    if (e instanceof ImportFileError) throw invalid(e.message, { file: [e.message] });
    throw e;
  }
  const db = getDb();
  const [fw] = await db
    .select({
      frameworkId: frameworkVersions.frameworkId,
      versionId: frameworkVersions.id,
      title: frameworkVersions.titleEn,
    })
    .from(frameworkVersions)
    .where(eq(frameworkVersions.status, "published"))
    .orderBy(
      desc(
        sql`(select count(*) from ${teams} where ${teams.frameworkId} = ${frameworkVersions.frameworkId} and ${teams.archivedAt} is null)`,
      ),
      desc(frameworkVersions.version),
    )
    .limit(1);
  if (!fw) throw invalid("Install a roadmap before importing ratings.");
  const skillRows = await db
    .select()
    .from(skills)
    .where(and(eq(skills.frameworkVersionId, fw.versionId), isNull(skills.retiredAt)));
  const skillIndex = new Map<string, string>();
  for (const s of skillRows)
    for (const name of [s.key, s.nameEn, s.nameZh, s.nameEn.toLowerCase()]) skillIndex.set(name, s.key);
  const emails = [
    ...new Set(
      file.rows
        .map((r) => (r.cells[file.header.findIndex((h) => h.toLowerCase() === "email")] ?? "").toLowerCase())
        .filter(Boolean),
    ),
  ];
  const people = new Map(
    emails.length
      ? (
          await db
            .select({ id: users.id, email: users.email })
            .from(users)
            .where(inArray(sql`lower(${users.email})`, emails))
        ).map((u) => [u.email.toLowerCase(), u.id])
      : [],
  );
  const latest = people.size
    ? await db
        .selectDistinctOn([ratings.userId, ratings.skillKey], {
          userId: ratings.userId,
          skillKey: ratings.skillKey,
          proficiency: ratings.proficiency,
          notApplicable: ratings.notApplicable,
        })
        .from(ratings)
        .where(
          and(
            eq(ratings.frameworkId, fw.frameworkId),
            eq(ratings.raterKind, "self"),
            inArray(ratings.userId, [...people.values()]),
          ),
        )
        .orderBy(ratings.userId, ratings.skillKey, desc(ratings.ratedAt), desc(ratings.id))
    : [];
  const plan = planImport(file, {
    people,
    skills: skillIndex,
    current: new Map(latest.map((r) => [`${r.userId}|${r.skillKey}`, r])),
  });
  if (input.mode === "dry-run" || plan.summary.changes === 0)
    return { ...plan, applied: false, frameworkTitle: fw.title };

  const now = new Date();
  await db.transaction(async (tx) => {
    const rows = plan.rows.flatMap((r) =>
      r.status !== "ok"
        ? []
        : r.changes.map((c) => ({
            userId: people.get(r.email)!,
            raterId: v.id,
            raterKind: "self" as const,
            frameworkId: fw.frameworkId,
            skillKey: c.skillKey,
            proficiency: c.proficiency,
            notApplicable: c.notApplicable,
            comment: `Imported by ${v.email} from ${input.filename.slice(0, 100)}`,
            quarter: quarterOf(now),
            ratedAt: now,
          })),
    );
    for (let i = 0; i < rows.length; i += 2000) await tx.insert(ratings).values(rows.slice(i, i + 2000));
    metrics().ratingWrites.inc({ kind: "imported" }, rows.length);
    await writeAudit(tx, {
      actor: v,
      action: "ratings.imported",
      entityType: "organisation",
      entityId: fw.frameworkId,
      after: { filename: input.filename, ...plan.summary },
    });
  });
  return { ...plan, applied: true, frameworkTitle: fw.title };
}

/** The import's permission alone, so the route can refuse a caller before reading the upload. */
export function assertMayImport(viewer: Viewer | null): Viewer {
  return requirePermission(viewer, "user:manage");
}

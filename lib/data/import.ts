import "server-only";

import { z } from "zod";

import { getDb } from "@/db/client";
import { writeAudit } from "@/db/queries/audit";
import {
  activeSkills,
  insertRatings,
  latestSelfRatings,
  mostUsedPublishedFramework,
  userIdsByEmail,
} from "@/db/queries/ratings-import";
import { enqueueWebhookEvents } from "@/db/queries/webhooks";
import type { Viewer } from "@/lib/auth/viewer";
import { invalid } from "@/lib/errors";
import {
  ImportFileError,
  planImport,
  readCsvMatrix,
  type ImportPlan,
  type MatrixFile,
} from "@/lib/import/ratings-matrix";
import { fileEmails, importedRatingRows, skillNameIndex } from "@/lib/import/ratings-rows";
import { readXlsxMatrix } from "@/lib/import/xlsx-matrix";
import { metrics } from "@/lib/observability/metrics";
import { ratingCreatedEvent } from "@/lib/webhooks/payloads";

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
  const file = await readUpload(input.filename, input.bytes);
  const db = getDb();
  const fw = await mostUsedPublishedFramework(db);
  if (!fw) throw invalid("Install a roadmap before importing ratings.");
  const people = await userIdsByEmail(db, fileEmails(file));
  const plan = planImport(file, {
    people,
    skills: skillNameIndex(await activeSkills(db, fw.versionId)),
    current: await latestSelfRatings(db, fw.frameworkId, [...people.values()]),
  });
  if (input.mode === "dry-run" || plan.summary.changes === 0)
    return { ...plan, applied: false, frameworkTitle: fw.title };

  const rows = importedRatingRows(plan, {
    people,
    importer: v,
    frameworkId: fw.frameworkId,
    filename: input.filename,
    now: new Date(),
  });
  await db.transaction(async (tx) => {
    await insertRatings(tx, rows);
    await enqueueWebhookEvents(
      tx,
      "rating.created",
      rows.map((r) => ratingCreatedEvent(r, "import")),
    );
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

/** Reads the upload, turning a file the importer cannot read into a validation error on the file field. */
async function readUpload(filename: string, bytes: Uint8Array): Promise<MatrixFile> {
  try {
    return await readFile(filename, bytes);
  } catch (e) {
    if (e instanceof ImportFileError) throw invalid(e.message, { file: [e.message] });
    throw e;
  }
}

/** The import's permission alone, so the route can refuse a caller before reading the upload. */
export function assertMayImport(viewer: Viewer | null): Viewer {
  return requirePermission(viewer, "user:manage");
}

import ExcelJS from "exceljs";

import { streamXlsx } from "@/lib/export/writers";

// Workbooks for the export and import tests: Skillgrid's own, read back, and one written by exceljs.

type Export = Parameters<typeof streamXlsx>[0];

/** A planning export as written by Skillgrid's streaming XLSX writer. */
export async function xlsxBytes(d: Export): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of streamXlsx(d)) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** A planning export written as XLSX and read back: the workbook and its bytes. */
export async function exportedWorkbook(d: Export): Promise<{ wb: ExcelJS.Workbook; bytes: Uint8Array }> {
  const bytes = await xlsxBytes(d);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return { wb, bytes: new Uint8Array(bytes) };
}

/**
 * The columns of ratings.csv and of the workbook's Notes sheet, written out here rather than imported from the
 * writer so that a renamed or reordered column fails the tests: readers rely on the first six, the rest are appended.
 */
export const RATINGS_COLUMNS = [
  "team",
  "email",
  "skill_key",
  "self",
  "validated",
  "effective",
  "person",
  "skill",
  "source",
  "rated_by",
  "evidence",
  "lead_comment",
];

/** The sheets of an exported workbook, in tab order. */
export const WORKBOOK_SHEETS = ["README", "Matrix", "Notes", "Coverage", "Targets", "Priorities", "Members"];

/** A small, valid XLSX as exceljs writes it (a file the import must accept): one person rated on one skill. */
export async function exceljsMatrixFile(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Matrix").addRows([
    ["email", "git"],
    ["ann@example.com", 3],
  ]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** A worksheet row's values, 1-based cells as a 0-based array. */
export const rowValues = (ws: ExcelJS.Worksheet, n: number) => (ws.getRow(n).values as unknown[]).slice(1);

/** The README sheet's "Sheet X" entries, each with its indented column lines. */
export function readmeSheets(wb: ExcelJS.Workbook): Map<string, string[]> {
  const sheets = new Map<string, string[]>();
  let current: string[] | null = null;
  wb.getWorksheet("README")!.eachRow((row) => {
    const label = String(row.getCell(1).value ?? "");
    const sheet = /^Sheet (.+)$/.exec(label);
    if (sheet) sheets.set(sheet[1]!, (current = []));
    else if (label.startsWith("  ") && current) current.push(label.trim());
    else current = null;
  });
  return sheets;
}

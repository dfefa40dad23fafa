import { PassThrough, type Readable } from "node:stream";
import ExcelJS from "exceljs";
import { strToU8, zipSync, type Zippable } from "fflate";

import { toCsv } from "./csv";
import { safeCell } from "./sanitize";
import type { PlanningExport } from "./schema";
import { exportTables, workbookTables, type Table } from "./tables";
import { fitWidth } from "./text-width";
import { matrixSheetSpec, writeMatrixSheet } from "./xlsx-matrix";
import { README_SHEET, readmeLines, SHEET_LABEL } from "./xlsx-readme";
import { dateZipEntries } from "./zip-dates";

/** All tables as CSV files in one zip (entries dated at the export's as-of, so a closed quarter exports identically). */
export function writeCsvZip(d: PlanningExport): Uint8Array {
  const mtime = new Date(d.asOf);
  const files: Zippable = {};
  for (const t of exportTables(d))
    files[`${t.name}.csv`] = [strToU8(toCsv([t.columns.map((c) => c.header), ...t.rows])), { mtime }];
  return zipSync(files, { level: 6 });
}

export function writeJson(d: PlanningExport): string {
  return `${JSON.stringify(d, null, 2)}\n`;
}

/** A sheet's name in the workbook: the table's name, capitalised. */
const sheetName = (table: string) => table[0]!.toUpperCase() + table.slice(1);

async function writeTableSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, t: Table): Promise<void> {
  const ws = wb.addWorksheet(sheetName(t.name), { views: [{ state: "frozen", xSplit: 1, ySplit: 1 }] });
  ws.columns = t.columns.map((c, i) => ({
    width: fitWidth([c.header, ...t.rows.map((r) => r[i])], { min: 8, max: 60 }),
  }));
  const header = ws.addRow(t.columns.map((c) => safeCell(c.header)));
  header.font = { bold: true };
  header.commit();
  for (const r of t.rows) ws.addRow(r.map((c) => safeCell(c))).commit();
  await ws.commit();
}

/**
 * The XLSX workbook, written row by row (exceljs' streaming writer, so rows
 * are not kept as cell objects; the zip itself is assembled in memory at the
 * end, then dated and sent). Sheets: README (every sheet and column, built
 * from the same specs), Matrix (xlsx-matrix.ts), Notes (the ratings rows
 * with a note), then one sheet per table: Coverage, Targets, Priorities, Members.
 */
export function streamXlsx(d: PlanningExport): Readable {
  const out = new PassThrough();
  // exceljs builds the zip in memory at the end anyway (JSZip) and stamps its
  // entries with the time of writing: collect it, date every entry at the
  // as-of moment (a closed quarter's file is then byte-identical), send it.
  const raw = new PassThrough();
  const chunks: Buffer[] = [];
  raw.on("data", (c: Buffer) => chunks.push(c));
  raw.on("end", () => out.end(Buffer.from(dateZipEntries(Buffer.concat(chunks), new Date(d.asOf)))));
  raw.on("error", (e) => out.destroy(e));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: raw, useStyles: true, useSharedStrings: false });
  wb.creator = "Skillgrid";
  wb.created = new Date(d.asOf);
  wb.modified = new Date(d.asOf);
  const tables = workbookTables(d);
  const sheets = [
    matrixSheetSpec(d),
    ...tables.map((t) => ({ name: sheetName(t.name), description: t.description, columns: t.columns })),
  ];
  void (async () => {
    const readme = wb.addWorksheet(README_SHEET);
    readme.columns = [{ width: 26 }, { width: 120 }];
    readmeLines(d, sheets).forEach(([label, text], i) => {
      const row = readme.addRow([safeCell(label), safeCell(text)]);
      if (i === 0 || label.startsWith(SHEET_LABEL)) row.getCell(1).font = { bold: true };
      row.commit();
    });
    await readme.commit();
    await writeMatrixSheet(wb, d);
    for (const t of tables) await writeTableSheet(wb, t);
    await wb.commit();
  })().catch((e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e))));
  return out;
}

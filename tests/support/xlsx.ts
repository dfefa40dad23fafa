import type ExcelJS from "exceljs";

// Reading back the workbooks Skillgrid writes, shared by the unit and integration export tests.

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

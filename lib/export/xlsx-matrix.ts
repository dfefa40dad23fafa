import type ExcelJS from "exceljs";

import { proficiencyColor, textColorOn } from "@/lib/charts/colors";
import { LOCALE_LABELS } from "@/lib/i18n/locales";

import { safeCell } from "./sanitize";
import type { PlanningExport } from "./schema";
import { ratingsByPerson, valueText } from "./tables";
import { fitWidth, wrappedLines } from "./text-width";
import type { SheetSpec } from "./xlsx-readme";

// The XLSX Matrix sheet, for people reading it: level and category bands,
// skill names, then the header row the import reads (team, person, email,
// skill keys) directly above one row per person. The import takes the first
// row with an "email" column as the header, so the rows above it are free.

const MATRIX_SHEET = "Matrix";
const BAND_ROWS = { level: 1, category: 2, names: 3, header: 4 } as const;
/** Skill columns share one width; names wrap within it. */
const SKILL_COLUMN_WIDTH = 16;
const FIXED = 3;
const LINE_HEIGHT = 15;
// Characters per wrapped line of a column: less than its width, for bold
// text, padding, and fonts wider than the default (Arial, Noto).
const lineCapacity = (width: number) => Math.floor((width - 1) / 1.15);

const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;
const rgbToHex = (c: string) => {
  const m = /rgb\((\d+),\s*(\d+),\s*(\d+)\)/.exec(c);
  return m ? `#${[m[1], m[2], m[3]].map((x) => Number(x).toString(16).padStart(2, "0")).join("")}` : c;
};
const GRID = { style: "thin" as const, color: { argb: "FFBFBFBF" } };
const BOX = { top: GRID, left: GRID, bottom: GRID, right: GRID };
const BAND_FILLS = ["FFE4E7EE", "FFF3F4F7"];
const fill = (color: string): ExcelJS.Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb: color } });

/** Consecutive skills sharing a label: [first index, count, label]. Skills are ordered by level, then category. */
function bandRuns(labels: string[]): { start: number; length: number; label: string }[] {
  const runs: { start: number; length: number; label: string }[] = [];
  labels.forEach((label, i) => {
    const last = runs.at(-1);
    if (last && last.label === label) last.length++;
    else runs.push({ start: i, length: 1, label });
  });
  return runs;
}

/** The Matrix sheet as the README documents it: the header row's columns, skill columns as one entry. */
export function matrixSheetSpec(d: PlanningExport): SheetSpec {
  return {
    name: MATRIX_SHEET,
    description: `People × skills: effective proficiency (validated where present, else self). Rows 1–2 group the skills by level and category, row 3 names them (in ${LOCALE_LABELS[d.language]}), row 4 is the header row the import reads (skill keys); one row per person below.`,
    columns: [
      { header: "team", meaning: "Team" },
      { header: "person", meaning: "Person's name" },
      { header: "email", meaning: "Person's email" },
      {
        header: "<skill key>",
        meaning: "One column per skill: effective proficiency 0–4, n/a = not applicable, empty = not rated",
      },
    ],
  };
}

function writeBand(
  ws: ExcelJS.Worksheet,
  rowNumber: number,
  caption: string,
  runs: ReturnType<typeof bandRuns>,
  labelOf: (label: string) => string,
) {
  const row = ws.getRow(rowNumber);
  const captionCell = row.getCell(FIXED);
  captionCell.value = safeCell(caption);
  captionCell.font = { italic: true, color: { argb: "FF595959" } };
  captionCell.alignment = { horizontal: "right", vertical: "middle" };
  let lines = 1;
  runs.forEach((run, i) => {
    const first = FIXED + 1 + run.start;
    const cell = row.getCell(first);
    cell.value = safeCell(labelOf(run.label));
    cell.font = { bold: rowNumber === BAND_ROWS.level };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    cell.fill = fill(BAND_FILLS[i % 2]!);
    cell.border = BOX;
    if (run.length > 1) ws.mergeCells(rowNumber, first, rowNumber, first + run.length - 1);
    lines = Math.max(lines, wrappedLines(labelOf(run.label), lineCapacity(run.length * SKILL_COLUMN_WIDTH)));
  });
  row.height = Math.min(6, lines) * LINE_HEIGHT + 3;
  row.commit();
}

function writeHeaderRows(ws: ExcelJS.Worksheet, d: PlanningExport) {
  writeBand(ws, BAND_ROWS.level, "Level", bandRuns(d.skills.map((s) => s.level)), (l) => l);
  // A category band never spans two levels.
  writeBand(ws, BAND_ROWS.category, "Category", bandRuns(d.skills.map((s) => `${s.level}\u0000${s.category}`)), (l) =>
    l.slice(l.indexOf("\u0000") + 1),
  );

  const names = ws.getRow(BAND_ROWS.names);
  names.getCell(FIXED).value = "Skill";
  names.getCell(FIXED).font = { italic: true, color: { argb: "FF595959" } };
  names.getCell(FIXED).alignment = { horizontal: "right", vertical: "bottom" };
  d.skills.forEach((s, j) => {
    const cell = names.getCell(FIXED + 1 + j);
    cell.value = safeCell(s.name);
    cell.font = { bold: true };
    cell.alignment = { horizontal: "center", vertical: "bottom", wrapText: true };
    cell.border = BOX;
  });
  const lines = Math.max(1, ...d.skills.map((s) => wrappedLines(s.name, lineCapacity(SKILL_COLUMN_WIDTH))));
  names.height = Math.min(10, lines) * LINE_HEIGHT + 3;
  names.commit();

  const header = ws.getRow(BAND_ROWS.header);
  header.values = [
    ...matrixSheetSpec(d)
      .columns.slice(0, FIXED)
      .map((c) => c.header),
    ...d.skills.map((s) => safeCell(s.key)),
  ];
  header.eachCell((cell, col) => {
    cell.font = col <= FIXED ? { bold: true } : { size: 8, color: { argb: "FF767676" } };
    cell.border = { bottom: { style: "medium", color: { argb: "FF595959" } } };
  });
  header.commit();
}

/** Shown after an imported value (a number format: the cell's value stays the number). */
const IMPORTED_MARK = "*";

/**
 * Numbers on the heatmap's colours. Imported ratings (entered on the
 * member's behalf) are marked without relying on colour: an asterisk after
 * the value, italics and a dashed border.
 */
function styleValue(cell: ExcelJS.Cell, value: number | "na" | null, imported: boolean) {
  if (value === null) return;
  cell.alignment = { horizontal: "center" };
  if (typeof value !== "number") return;
  const hex = rgbToHex(proficiencyColor(value));
  const text = argb(textColorOn(hex));
  cell.fill = fill(argb(hex));
  cell.font = { color: { argb: text }, italic: imported };
  if (imported) {
    const dashed = { style: "mediumDashed" as const, color: { argb: text } };
    cell.border = { top: dashed, left: dashed, bottom: dashed, right: dashed };
    cell.numFmt = `0"${IMPORTED_MARK}"`;
  }
}

export async function writeMatrixSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, d: PlanningExport): Promise<void> {
  const ws = wb.addWorksheet(MATRIX_SHEET, { views: [{ state: "frozen", xSplit: 2, ySplit: BAND_ROWS.header }] });
  ws.columns = [
    { width: fitWidth(["Team", ...d.people.map((p) => p.team)], { min: 10, max: 30 }) },
    {
      width: fitWidth(
        d.people.map((p) => p.name),
        { min: 18, max: 34 },
      ),
    },
    { width: fitWidth(["Category", ...d.people.map((p) => p.email)], { min: 16, max: 36 }) },
    ...d.skills.map(() => ({ width: SKILL_COLUMN_WIDTH })),
  ];
  writeHeaderRows(ws, d);
  const byPerson = ratingsByPerson(d);
  for (const p of d.people) {
    const ratings = byPerson.get(`${p.team}|${p.email}`);
    const row = ws.addRow(
      [p.team, p.name, p.email, ...d.skills.map((s) => valueText(ratings?.get(s.key)?.effective ?? null))].map((c) =>
        safeCell(c),
      ),
    );
    d.skills.forEach((s, j) => {
      const r = ratings?.get(s.key);
      styleValue(row.getCell(FIXED + 1 + j), r?.effective ?? null, r?.source === "imported");
    });
    row.commit();
  }
  await ws.commit();
}

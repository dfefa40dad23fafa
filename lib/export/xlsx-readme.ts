import { LOCALE_LABELS } from "@/lib/i18n/locales";

import type { PlanningExport } from "./schema";

/** A sheet as the README describes it: its name, what it holds, and its columns in order. */
export type SheetSpec = { name: string; description: string; columns: { header: string; meaning: string }[] };

export const README_SHEET = "README";
/** The README's label for a sheet's entry; its columns follow, indented. */
export const SHEET_LABEL = "Sheet ";
export const COLUMN_INDENT = "  ";

/**
 * The README sheet's lines (label, text): the export's context, then every
 * sheet of the workbook, this one included, with its columns. Built from the
 * same specs the sheets are written from, so it names exactly what exists.
 */
export function readmeLines(d: PlanningExport, sheets: SheetSpec[]): [string, string][] {
  const scope = d.scope.kind === "team" ? `Team ${d.scope.team?.name}` : "Whole organisation";
  const lines: [string, string][] = [
    ["Skillgrid planning export", `${scope} · ${d.framework.title}`],
    ["Quarter", `${d.quarter} (ratings as of ${d.asOf})`],
    [
      "Language",
      `Skill, category, level and framework names are in ${LOCALE_LABELS[d.language]}, the language Skillgrid was shown in when exporting.`,
    ],
    [
      "Scale",
      "0 none · 1 aware · 2 with help · 3 independent · 4 teaches / sets direction · n/a not applicable · empty not rated",
    ],
    ["Effective", "Validated by the lead where present, else the member's self rating."],
    [
      "Imported",
      "Matrix values marked * (in italics, with a dashed border) are imported: self ratings someone else entered for the member through an import.",
    ],
    [
      "",
      "ratings.csv in the CSV export and the JSON export name who entered every rating (source, rated_by); so does the Notes sheet for rows with a note.",
    ],
    [
      "Text",
      "Text beginning with =, +, -, @ or a tab starts with an added apostrophe, so no spreadsheet runs it as a formula.",
    ],
    ["", ""],
  ];
  for (const s of [
    { name: README_SHEET, description: "This sheet: what each sheet and column holds.", columns: [] },
    ...sheets,
  ]) {
    lines.push([`${SHEET_LABEL}${s.name}`, s.description]);
    for (const c of s.columns) lines.push([`${COLUMN_INDENT}${c.header}`, c.meaning]);
  }
  return lines;
}

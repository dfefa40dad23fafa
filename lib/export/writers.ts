import { PassThrough, type Readable } from "node:stream";
import ExcelJS from "exceljs";
import { strToU8, type Zippable, zipSync } from "fflate";
import { dateZipEntries } from "./zip-dates";
import { proficiencyColor, textColorOn } from "@/components/heatmap/colors";
import { toCsv } from "./csv";
import { safeCell } from "./sanitize";
import type { PlanningExport } from "./schema";
import { exportTables } from "./tables";

/** All tables as CSV files in one zip (entries dated at the export's as-of, so a closed quarter exports identically). */
export function writeCsvZip(d: PlanningExport): Uint8Array {
  const mtime = new Date(d.asOf);
  const files: Zippable = {};
  for (const t of exportTables(d)) files[`${t.name}.csv`] = [strToU8(toCsv([t.columns.map((c) => c.header), ...t.rows])), { mtime }];
  return zipSync(files, { level: 6 });
}

export function writeJson(d: PlanningExport): string {
  return `${JSON.stringify(d, null, 2)}\n`;
}

const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;
const rgbToHex = (c: string) => {
  const m = /rgb\((\d+),\s*(\d+),\s*(\d+)\)/.exec(c);
  return m ? `#${[m[1], m[2], m[3]].map((x) => Number(x).toString(16).padStart(2, "0")).join("")}` : c;
};

/**
 * The XLSX workbook, written row by row (exceljs' streaming writer, so rows
 * are not kept as cell objects; the zip itself is assembled in memory at the
 * end, then dated and sent). Sheets: README,
 * Matrix (numeric cells coloured on the heatmap's scale, frozen header and
 * name columns), Coverage, Targets, Priorities, Members.
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
  const tables = exportTables(d);
  void (async () => {
    const readme = wb.addWorksheet("README");
    readme.columns = [{ width: 24 }, { width: 110 }];
    const line = (a: string, b = "") => readme.addRow([safeCell(a), safeCell(b)]).commit();
    line("Skillgrid planning export", `${d.scope.kind === "team" ? `Team ${d.scope.team?.name}` : "Whole organisation"} · ${d.framework.title}`);
    line("Quarter", `${d.quarter} (ratings as of ${d.asOf})`);
    line("Scale", "0 none · 1 aware · 2 with help · 3 independent · 4 teaches / sets direction · n/a not applicable · empty not rated");
    line("Effective", "Validated by the lead where present, else the member's self rating.");
    line("");
    for (const t of tables) {
      line(`Sheet ${t.name}`, t.description);
      for (const c of t.columns.slice(0, t.name === "matrix" ? 3 : undefined)) line(`  ${c.header}`, c.meaning);
      if (t.name === "matrix") line("  <skill key>", "One column per skill, headed by its key; see the ratings sheet for names.");
    }
    await readme.commit();

    for (const t of tables.filter((x) => x.name !== "ratings")) {
      const ws = wb.addWorksheet(t.name[0]!.toUpperCase() + t.name.slice(1), {
        views: [{ state: "frozen", xSplit: t.name === "matrix" ? 2 : 1, ySplit: 1 }],
      });
      ws.columns = t.columns.map((c, i) => ({ header: c.header, width: t.name === "matrix" && i > 2 ? 6 : Math.min(60, Math.max(10, c.header.length + 4)) }));
      ws.getRow(1).font = { bold: true };
      if (t.name === "matrix") {
        // Full skill names as header notes would bloat the file; the header holds the key.
        ws.getRow(1).alignment = { textRotation: 90 };
      }
      ws.getRow(1).commit();
      for (const r of t.rows) {
        const row = ws.addRow(r.map((c) => safeCell(c)));
        if (t.name === "matrix") {
          r.forEach((c, i) => {
            if (i < 3 || typeof c !== "number") return;
            const fill = rgbToHex(proficiencyColor(c));
            const cellRef = row.getCell(i + 1);
            cellRef.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(fill) } };
            cellRef.font = { color: { argb: argb(textColorOn(fill)) } };
            cellRef.alignment = { horizontal: "center" };
          });
        }
        row.commit();
      }
      await ws.commit();
    }
    await wb.commit();
  })().catch((e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e))));
  return out;
}

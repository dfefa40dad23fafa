import {
  ImportFileError,
  MAX_COLUMNS,
  MAX_DATA_ROWS,
  toMatrix,
  tooManyColumns,
  tooManyRows,
  type MatrixFile,
} from "./ratings-matrix";
import { attribute, createXmlScanner, XmlSyntaxError, type XmlEvents } from "./xml-scan";
import { inflateEntry, inspectZip, ZipError, type ZipEntry } from "./zip-limits";

// Reads the ratings matrix out of an uploaded XLSX. Not through exceljs: its
// reader builds the whole workbook model, expanding merged ranges and data
// validations cell by cell (a 1 KB file can ask for billions of cells), and
// inflates every part whole through JSZip. Here the zip is checked first,
// only the parts needed are inflated (streamed, bounded by their declared
// sizes), and the sheet is read row by row against the row/column limits.

/** Distinct shared strings held in memory: Excel stores each text once per workbook, so real files stay far below this. */
export const MAX_SHARED_STRINGS = 1_000_000;
const count = (n: number) => n.toLocaleString("en-US");

export function readXlsxMatrix(bytes: Uint8Array): MatrixFile {
  const zip = inspectZip(bytes);
  if (!zip.ok)
    throw new ImportFileError(
      zip.malformed ? `The XLSX file could not be read (${zip.reason}).` : `The XLSX file is refused: ${zip.reason}.`,
    );
  const parts = new Map(zip.entries.map((e) => [e.name, e]));
  try {
    const sheets = readSheetList(bytes, parts);
    if (!sheets.length) throw new ImportFileError("The workbook has no sheets.");
    const chosen = sheets.find((s) => s.name.toLowerCase() === "matrix") ?? sheets[0]!;
    const sheet = chosen.path ? parts.get(chosen.path) : undefined;
    if (!sheet) throw new ImportFileError("The XLSX file could not be read (a sheet is missing from it).");
    const shared = parts.get("xl/sharedStrings.xml");
    return toMatrix(readRows(bytes, sheet, shared ? readSharedStrings(bytes, shared) : []));
  } catch (e) {
    if (e instanceof ImportFileError) throw e;
    if (e instanceof ZipError) throw new ImportFileError(`The XLSX file could not be read (${e.message}).`);
    if (e instanceof XmlSyntaxError) throw new ImportFileError(`The XLSX file could not be read (${e.message}).`);
    throw new ImportFileError("The XLSX file could not be read.");
  }
}

/** Streams one part's text through an XML scanner. */
function scanPart(bytes: Uint8Array, entry: ZipEntry, events: XmlEvents): void {
  const decoder = new TextDecoder("utf-8");
  const scanner = createXmlScanner(events);
  inflateEntry(bytes, entry, (chunk) => scanner.write(decoder.decode(chunk, { stream: true })));
  scanner.write(decoder.decode());
  scanner.end();
}

/** Sheets in tab order, each with the zip path of its part (from the workbook's relationships). */
function readSheetList(bytes: Uint8Array, parts: Map<string, ZipEntry>): { name: string; path: string | undefined }[] {
  const workbook = parts.get("xl/workbook.xml");
  if (!workbook) throw new ImportFileError("The XLSX file could not be read (it is not an Excel workbook).");
  const sheets: { name: string; rel: string }[] = [];
  scanPart(bytes, workbook, {
    open: (name, attrs) => {
      if (name === "sheet") sheets.push({ name: attribute(attrs, "name") ?? "", rel: attribute(attrs, "id") ?? "" });
    },
  });
  const targets = new Map<string, string>();
  const rels = parts.get("xl/_rels/workbook.xml.rels");
  if (rels) {
    scanPart(bytes, rels, {
      open: (name, attrs) => {
        if (name === "Relationship") targets.set(attribute(attrs, "Id") ?? "", attribute(attrs, "Target") ?? "");
      },
    });
  }
  return sheets.map((s) => ({ name: s.name, path: resolvePart(targets.get(s.rel)) }));
}

/** A relationship target, relative to xl/ unless absolute, as a zip path. */
function resolvePart(target: string | undefined): string | undefined {
  if (!target) return undefined;
  const path: string[] = [];
  for (const segment of (target.startsWith("/") ? target : `xl/${target}`).split("/")) {
    if (segment === "..") path.pop();
    else if (segment && segment !== ".") path.push(segment);
  }
  return path.join("/");
}

/** OOXML writes characters XML cannot carry as _xHHHH_. */
const decodeOoxml = (text: string) =>
  text.includes("_x")
    ? text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : text;

/** The workbook's shared strings: each `<si>`'s text runs joined, phonetic guides (`<rPh>`) left out. */
function readSharedStrings(bytes: Uint8Array, entry: ZipEntry): string[] {
  const strings: string[] = [];
  let parts: string[] | null = null;
  let inText = false;
  let phonetic = 0;
  const add = (text: string) => {
    if (strings.push(text) > MAX_SHARED_STRINGS)
      throw new ImportFileError(
        `The XLSX file has more than ${count(MAX_SHARED_STRINGS)} distinct texts; keep only the matrix in the workbook.`,
      );
    parts = null;
  };
  scanPart(bytes, entry, {
    open: (name, _attrs, selfClosing) => {
      if (name === "si" && selfClosing) add("");
      else if (name === "si") parts = [];
      else if (name === "rPh" && !selfClosing) phonetic++;
      else if (name === "t" && !selfClosing) inText = phonetic === 0;
    },
    text: (text) => {
      if (inText) parts?.push(text);
    },
    close: (name) => {
      if (name === "t") inText = false;
      else if (name === "rPh") phonetic = Math.max(0, phonetic - 1);
      else if (name === "si" && parts) add(decodeOoxml(parts.join("")));
    },
  });
  return strings;
}

type Cell = { column: number; type: string; text: string[]; hasValue: boolean };

/** A cell's text as the import compares it (exceljs' conventions: numbers normalised, booleans as true/false). */
function cellValue(cell: Cell, shared: string[]): string {
  const text = cell.text.join("");
  switch (cell.type) {
    case "s":
      return shared[parseInt(text, 10)] ?? "";
    case "b":
      return String(parseInt(text, 10) !== 0);
    case "str":
    case "inlineStr":
    case "e":
    case "d":
      return decodeOoxml(text);
    default:
      return text.trim() === "" ? "" : String(parseFloat(text));
  }
}

/** Column number (A = 1) of a cell reference such as "AB12"; 0 without letters. */
function columnOf(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length && i < 4; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) break;
    n = n * 26 + (c - 96);
  }
  return n;
}

/** The sheet's rows that hold a value, with their row numbers, refused past the row or column limit. */
function readRows(bytes: Uint8Array, entry: ZipEntry, shared: string[]): { line: number; cells: string[] }[] {
  const rows: { line: number; cells: string[] }[] = [];
  let row: { line: number; cells: string[] } | null = null;
  let lastLine = 0;
  let lastColumn = 0;
  let cell: Cell | null = null;
  let capture = false;
  let phonetic = 0;
  const endRow = () => {
    // Only non-empty values are stored, so any cell means the row has a value.
    if (row && row.cells.length) {
      rows.push({ line: row.line, cells: Array.from(row.cells, (c) => c ?? "") });
      if (rows.length > MAX_DATA_ROWS + 1) throw tooManyRows();
    }
    row = null;
  };
  const endCell = () => {
    if (row && cell?.hasValue) {
      const value = cellValue(cell, shared);
      if (value !== "" && cell.column > MAX_COLUMNS) throw tooManyColumns(`Row ${row.line}`);
      if (value !== "") row.cells[cell.column - 1] = value;
    }
    cell = null;
  };
  scanPart(bytes, entry, {
    open: (name, attrs, selfClosing) => {
      if (name === "row") {
        endRow();
        lastLine = parseInt(attribute(attrs, "r") ?? "", 10) || lastLine + 1;
        row = { line: lastLine, cells: [] };
        lastColumn = 0;
        if (selfClosing) endRow();
      } else if (name === "c" && row) {
        lastColumn = columnOf(attribute(attrs, "r") ?? "") || lastColumn + 1;
        cell = { column: lastColumn, type: attribute(attrs, "t") ?? "n", text: [], hasValue: false };
        if (selfClosing) endCell();
      } else if (name === "rPh" && !selfClosing) phonetic++;
      else if ((name === "v" || name === "t") && cell && !selfClosing)
        capture = phonetic === 0 && (name === "v" || cell.type === "inlineStr");
    },
    text: (text) => {
      if (capture && cell) {
        cell.text.push(text);
        cell.hasValue = true;
      }
    },
    close: (name) => {
      if (name === "v" || name === "t") capture = false;
      else if (name === "rPh") phonetic = Math.max(0, phonetic - 1);
      else if (name === "c") endCell();
      else if (name === "row") endRow();
    },
  });
  endRow();
  return rows;
}

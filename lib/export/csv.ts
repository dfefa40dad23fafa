import { safeCell, type CellValue } from "./sanitize";

/** RFC 4180 CSV with formula-safe text cells; CRLF line ends, UTF-8 BOM for spreadsheet apps. */
export function toCsv(rows: CellValue[][]): string {
  const field = (v: CellValue) => {
    const safe = safeCell(v);
    if (safe === null) return "";
    const s = String(safe);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `\uFEFF${rows.map((r) => r.map(field).join(",")).join("\r\n")}\r\n`;
}

export class CsvError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF); strips a BOM. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  const s = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === "\n") line++;
        field += c;
      }
    } else if (c === '"') {
      if (field !== "") throw new CsvError(line, "a quote may only start a field");
      quoted = true;
    } else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && s[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      line++;
    } else field += c;
  }
  if (quoted) throw new CsvError(line, "a quoted field is not closed");
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ""));
}

/** Reverses the export's formula neutralisation when reading our own files back. */
export function unescapeText(value: string): string {
  return /^'[=+\-@\t\r\n]/.test(value) ? value.slice(1) : value;
}

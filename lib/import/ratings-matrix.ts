import { CsvError, parseCsv, unescapeText } from "@/lib/export/csv";

// Importing a hand-kept skills matrix: rows are people (by email), columns
// are skills (by key, or by name in either language). Pure: reading the
// file and planning the changes happen here; the data layer writes them.

export type MatrixFile = { header: string[]; rows: { line: number; cells: string[] }[] };
export type CellPlan = { skillKey: string; proficiency: number | null; notApplicable: boolean };
export type RowPlan = {
  line: number;
  email: string;
  status: "ok" | "unknown_person" | "invalid";
  errors: { column: string; value: string; message: string }[];
  changes: CellPlan[];
  unchanged: number;
};
export type ImportPlan = {
  rows: RowPlan[];
  unknownColumns: string[];
  summary: { people: number; changes: number; unchanged: number; invalidRows: number; unknownPeople: number };
};

export class ImportFileError extends Error {}

/** People per file (rows after the header). */
export const MAX_DATA_ROWS = 5_000;
/** Columns per row: the email and other known columns plus one per skill. */
export const MAX_COLUMNS = 500;
/** Records in a CSV, blank ones included: a blank line costs as much to parse as a full one. */
export const MAX_CSV_LINES = 10_000;
/** Rows with values searched for the header row. */
const HEADER_SEARCH_ROWS = 5;

const IGNORED = new Set(["team", "person", "name", "current_level", "level"]);
const count = (n: number) => n.toLocaleString("en-US");
export const tooManyRows = () =>
  new ImportFileError(
    `The file has more than ${count(MAX_DATA_ROWS)} data rows; import at most ${count(MAX_DATA_ROWS)} people per file.`,
  );
export const tooManyColumns = (where: string) =>
  new ImportFileError(
    `${where} has more than ${count(MAX_COLUMNS)} columns; the import reads at most ${count(MAX_COLUMNS)}.`,
  );

export function readCsvMatrix(text: string): MatrixFile {
  const startLines = checkCsvShape(text);
  let rows: string[][];
  try {
    rows = parseCsv(text);
  } catch (e) {
    throw new ImportFileError(
      e instanceof CsvError ? `The CSV file is malformed (${e.message}).` : "The CSV file could not be read.",
    );
  }
  // parseCsv drops blank records and a quoted cell may span lines, so a row's index is not its line.
  return toMatrix(rows.map((cells, i) => ({ line: startLines[i]!, cells })));
}

/** White space as String.prototype.trim sees it (so a record of blanks is dropped by parseCsv, not counted here). */
const isBlank = (c: number) =>
  c === 32 ||
  (c >= 9 && c <= 13) ||
  c === 0xa0 ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000 ||
  c === 0xfeff;

/**
 * Counts the CSV's records and fields the way parseCsv will split them,
 * without building any, so an oversized file is refused before parsing:
 * 9 MB of one-character lines took 1.5 GB and half a minute to parse.
 * Returns the line each record parseCsv keeps (one with a value) starts on.
 */
export function checkCsvShape(text: string): number[] {
  const startLines: number[] = [];
  let recordStart = 1;
  let records = 0;
  let dataRecords = 0;
  let fields = 1;
  let line = 1;
  let quoted = false;
  let hasValue = false;
  const endRecord = () => {
    if (!hasValue) return;
    if (++dataRecords > MAX_DATA_ROWS + 1) throw tooManyRows();
    startLines.push(recordStart);
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quoted) {
      if (c === 34 && text.charCodeAt(i + 1) === 34) {
        hasValue = true;
        i++;
      } else if (c === 34) quoted = false;
      else {
        if (c === 10) line++;
        if (!isBlank(c)) hasValue = true;
      }
    } else if (c === 34) quoted = true;
    else if (c === 44) {
      if (++fields > MAX_COLUMNS) throw tooManyColumns(`Line ${line}`);
    } else if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      if (++records > MAX_CSV_LINES)
        throw new ImportFileError(`The file has more than ${count(MAX_CSV_LINES)} lines (blank ones included).`);
      endRecord();
      fields = 1;
      hasValue = false;
      recordStart = ++line;
    } else if (!isBlank(c)) hasValue = true;
  }
  endRecord();
  return startLines;
}

export function toMatrix(rows: { line: number; cells: string[] }[]): MatrixFile {
  const bad = rows.find((r) =>
    r.cells.some(
      (c) => c.includes("\u0000") || /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(c),
    ),
  );
  if (bad) throw new ImportFileError(`Line ${bad.line} contains NUL characters or invalid Unicode.`);
  if (!rows.length) throw new ImportFileError("The file is empty.");
  // The header is the first row naming an "email" column; rows above it (a
  // title, or the level/category/name bands of Skillgrid's own Matrix sheet) are skipped.
  const at = rows
    .slice(0, HEADER_SEARCH_ROWS)
    .findIndex((r) => r.cells.some((c) => unescapeText(c.trim()).toLowerCase() === "email"));
  if (at < 0) throw new ImportFileError('The first row must name the columns, with one called "email".');
  const [head, ...body] = rows.slice(at);
  const header = head!.cells.map((h) => unescapeText(h.trim()));
  if (body.length > MAX_DATA_ROWS) throw tooManyRows();
  const wide = rows.find((r) => r.cells.length > MAX_COLUMNS);
  if (wide) throw tooManyColumns(`Line ${wide.line}`);
  refuseRepeatedColumns(header);
  return { header, rows: body.map((r) => ({ line: r.line, cells: r.cells.map((c) => unescapeText(c.trim())) })) };
}

/**
 * Refuses two named columns whose names differ only in case or spacing ("git"
 * and "Git"): both would be read as the same skill (or email), so one cell
 * would be imported twice and the later column would silently win. Ignored
 * columns (team, person, name, level) are never read, so they may repeat.
 */
function refuseRepeatedColumns(header: string[]): void {
  const seen = new Map<string, number>();
  const shown = (name: string) => `"${name.length > 60 ? `${name.slice(0, 60)}…` : name}"`;
  header.forEach((name, i) => {
    const folded = name.replace(/\s+/g, " ").toLowerCase();
    if (name === "" || IGNORED.has(folded)) return;
    const first = seen.get(folded);
    if (first === undefined) return void seen.set(folded, i);
    const other = header[first]!;
    throw new ImportFileError(
      other === name
        ? `Columns ${first + 1} and ${i + 1} are both ${shown(name)}; keep one of them.`
        : `Columns ${first + 1} (${shown(other)}) and ${i + 1} (${shown(name)}) differ only in case or spacing; keep one of them.`,
    );
  });
}

/** 0–4, n/a, or empty (no change); anything else is an error. */
export function parseValue(
  raw: string,
): { ok: true; value: CellPlan["proficiency"]; notApplicable: boolean } | { ok: false } | null {
  const v = raw.trim().toLowerCase();
  if (v === "") return null;
  if (v === "na" || v === "n/a" || v === "n.a." || v === "–" || v === "-")
    return { ok: true, value: null, notApplicable: true };
  if (/^[0-4](\.0+)?$/.test(v)) return { ok: true, value: Number(v), notApplicable: false };
  return { ok: false };
}

/**
 * Plans an import against the known people and skills and their current self
 * ratings. Cells equal to the current rating are "unchanged", so importing
 * the same file twice plans nothing the second time.
 */
export function planImport(
  file: MatrixFile,
  {
    people,
    skills,
    current,
  }: {
    people: Map<string, string>;
    skills: Map<string, string>;
    current: Map<string, { proficiency: number | null; notApplicable: boolean }>;
  },
): ImportPlan {
  const emailCol = file.header.findIndex((h) => h.toLowerCase() === "email");
  const columns = file.header.map((h, i) => {
    if (i === emailCol || IGNORED.has(h.toLowerCase())) return null;
    return skills.get(h) ?? skills.get(h.toLowerCase()) ?? undefined;
  });
  const unknownColumns = file.header.filter(
    (h, i) => i !== emailCol && !IGNORED.has(h.toLowerCase()) && columns[i] === undefined && h !== "",
  );
  const rows = file.rows.map((r): RowPlan => {
    const email = (r.cells[emailCol] ?? "").toLowerCase();
    const userId = people.get(email);
    const plan: RowPlan = { line: r.line, email, status: "ok", errors: [], changes: [], unchanged: 0 };
    if (!userId) return { ...plan, status: "unknown_person" };
    columns.forEach((skillKey, i) => {
      if (!skillKey) return;
      const raw = r.cells[i] ?? "";
      const parsed = parseValue(raw);
      if (parsed === null) return;
      if (!parsed.ok) {
        plan.errors.push({
          column: file.header[i]!,
          value: raw.slice(0, 40),
          message: "Use 0–4, n/a, or leave it empty.",
        });
        return;
      }
      const now = current.get(`${userId}|${skillKey}`);
      if (now && now.notApplicable === parsed.notApplicable && now.proficiency === parsed.value) plan.unchanged++;
      else plan.changes.push({ skillKey, proficiency: parsed.value, notApplicable: parsed.notApplicable });
    });
    if (plan.errors.length) return { ...plan, status: "invalid", changes: [] };
    return plan;
  });
  return {
    rows,
    unknownColumns,
    summary: {
      people: rows.filter((r) => r.status === "ok").length,
      changes: rows.reduce((n, r) => n + r.changes.length, 0),
      unchanged: rows.reduce((n, r) => n + r.unchanged, 0),
      invalidRows: rows.filter((r) => r.status === "invalid").length,
      unknownPeople: rows.filter((r) => r.status === "unknown_person").length,
    },
  };
}

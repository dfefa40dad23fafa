// Spreadsheet formula injection: a text cell that begins with = + - @ (or a
// tab, CR or LF, which some spreadsheets skip before evaluating) is
// neutralised with a leading apostrophe, which every spreadsheet shows as
// text. Numbers stay numbers. Used by every exporter.
const TRIGGER = /^[=+\-@\t\r\n]/;

export function safeText(value: string): string {
  return TRIGGER.test(value) ? `'${value}` : value;
}

export type CellValue = string | number | boolean | null | undefined;

export function safeCell(value: CellValue): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "boolean") return value ? "yes" : "no";
  return safeText(value);
}

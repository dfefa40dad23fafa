// Spreadsheet column widths are counted in widths of the default font's
// digit "0"; an East Asian wide character (CJK, kana, Hangul, full-width
// forms) takes about two. Used to size columns and wrapped header rows, since
// spreadsheets do not resize the rows of a file they open.
const WIDE_CHARS =
  "\\u1100-\\u115f\\u2e80-\\u303e\\u3041-\\u33ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\ua000-\\ua4cf\\uac00-\\ud7a3\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uff60\\uffe0-\\uffe6";
const WIDE = new RegExp(`[${WIDE_CHARS}]`, "u");
// Words, single wide characters (a line may break between any two), and runs of space.
const TOKENS = new RegExp(`[${WIDE_CHARS}]|[^\\s${WIDE_CHARS}]+|\\s+`, "gu");

export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += WIDE.test(ch) ? 2 : 1;
  return width;
}

/** Lines a text takes when wrapped at `width` (greedy, as spreadsheets wrap); a word longer than a line is split. */
export function wrappedLines(text: string, width: number): number {
  let lines = 1;
  let used = 0;
  let space = false;
  for (const token of text.match(TOKENS) ?? []) {
    if (/^\s/.test(token)) {
      space = used > 0;
      continue;
    }
    const w = displayWidth(token);
    const gap = space ? 1 : 0;
    space = false;
    if (used > 0 && used + gap + w <= width) {
      used += gap + w;
      continue;
    }
    if (used > 0) lines++;
    lines += Math.ceil(w / width) - 1;
    used = w % width || width;
  }
  return lines;
}

/**
 * A column width fitting the widest text, within bounds, with room for fonts
 * wider than the default (the file may be opened with Arial or Noto).
 */
export function fitWidth(
  texts: Iterable<string | number | null | undefined>,
  { min, max }: { min: number; max: number },
): number {
  let widest = 0;
  for (const t of texts) if (t !== null && t !== undefined) widest = Math.max(widest, displayWidth(String(t)));
  return Math.min(max, Math.max(min, Math.ceil(widest * 1.15) + 2));
}

// Label widths for laying out SVG charts before they are drawn: on the server
// (no canvas there) and on the client alike, so both render the same markup.
// An estimate per character, in em, on the wide side of the app's font stack
// (DejaVu Sans, the widest fallback, sets most Latin widths; Noto Sans TC /
// PingFang set CJK, whose glyphs are a full em): a margin a little too wide
// costs a few pixels, one too narrow cuts the label off.

const NARROW = new Set("ijl|!.,:;'`");
const SEMI = new Set('frtI()[]{}/\\- "');
const WIDE = new Set("mwMW@%");

/** Full-width characters: CJK ideographs and punctuation, kana, Hangul, full-width forms. */
const FULL_WIDTH_RANGES =
  "\\u1100-\\u115f\\u2e80-\\u303e\\u3040-\\ua4cf\\uac00-\\ud7a3\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uff60\\uffe0-\\uffe6";
const FULL_WIDTH = new RegExp(`[${FULL_WIDTH_RANGES}]`);
/** Where a line may break: before and after each full-width character, and after spaces. */
const TOKENS = new RegExp(`[${FULL_WIDTH_RANGES}]|[^\\s${FULL_WIDTH_RANGES}]+\\s*|\\s+`, "g");

function charEm(ch: string): number {
  if (FULL_WIDTH.test(ch)) return 1;
  if (NARROW.has(ch)) return 0.3;
  if (SEMI.has(ch)) return 0.42;
  if (WIDE.has(ch)) return 1;
  if (ch >= "A" && ch <= "Z") return 0.74;
  if (ch >= "0" && ch <= "9") return 0.64;
  if (ch === "—" || ch === "…") return 1;
  return 0.64;
}

/** Estimated rendered width in px of `text` at `fontSize` px (bold adds a tenth). */
export function estimateTextWidth(text: string, fontSize: number, { bold = false }: { bold?: boolean } = {}): number {
  let em = 0;
  for (const ch of text) em += charEm(ch);
  return em * fontSize * (bold ? 1.1 : 1);
}

/**
 * `text` as it fits in `maxWidth` px: whole when it fits, else cut at a
 * character boundary with "…" (the caller shows the full name in a <title>).
 */
export function fitText(text: string, maxWidth: number, fontSize: number): { text: string; truncated: boolean } {
  if (estimateTextWidth(text, fontSize) <= maxWidth) return { text, truncated: false };
  const chars = [...text];
  let width = estimateTextWidth("…", fontSize);
  let end = 0;
  while (end < chars.length && width + charEm(chars[end]!) * fontSize <= maxWidth)
    width += charEm(chars[end++]!) * fontSize;
  return { text: `${chars.slice(0, end).join("").trimEnd()}…`, truncated: true };
}

/**
 * The width a column of labels needs: the longest label's estimate plus
 * `pad`, held between `min` and `max` (labels longer than max - pad are then
 * shortened with fitText).
 */
export function labelColumnWidth(
  labels: readonly string[],
  fontSize: number,
  { min, max, pad = 0 }: { min: number; max: number; pad?: number },
): number {
  const longest = labels.reduce((w, l) => Math.max(w, estimateTextWidth(l, fontSize)), 0);
  return Math.ceil(Math.min(max, Math.max(min, longest + pad)));
}

/**
 * `text` broken into at most `maxLines` lines of at most `maxWidth` px:
 * between words for Latin text, between any two characters for CJK (which
 * has no spaces). The last line is shortened with "…" when text remains.
 */
export function wrapText(
  text: string,
  maxWidth: number,
  fontSize: number,
  maxLines = 2,
): { lines: string[]; truncated: boolean } {
  const tokens = text.trim().match(TOKENS) ?? [];
  const starts = [0];
  let line = "";
  tokens.forEach((token, i) => {
    if (line && estimateTextWidth((line + token).trimEnd(), fontSize) > maxWidth) {
      starts.push(i);
      line = token;
    } else line += token;
  });
  const lines = starts.map((start, k) =>
    tokens
      .slice(start, starts[k + 1])
      .join("")
      .trim(),
  );
  if (lines.length <= maxLines && lines.every((l) => estimateTextWidth(l, fontSize) <= maxWidth))
    return { lines, truncated: false };
  // The last line shown carries everything left, shortened to fit.
  const kept = lines.slice(0, maxLines - 1);
  const rest = tokens.slice(starts[kept.length]).join("").trim();
  const last = fitText(rest, maxWidth, fontSize);
  return {
    lines: [...kept, last.text],
    truncated: last.truncated || kept.some((l) => estimateTextWidth(l, fontSize) > maxWidth),
  };
}

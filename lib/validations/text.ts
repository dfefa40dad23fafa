import { z } from "zod";

// Free-text notes (evidence, comments) end up in spreadsheets and in other
// people's browsers. Refuse what would act as markup there or would not read
// as what is stored, with a message that says why. A note that starts like a
// formula ("- led the migration", "+1 from the team", "=)") is ordinary text:
// it is stored as written, and every spreadsheet output neutralises it
// (lib/export/sanitize.ts), as it does for names and every other text.
const MARKUP = /<\s*\/?\s*[a-z!][^>]*>/i;
// Control characters other than tab and newline (invalid in notes).
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// Embeddings, overrides, isolates and direction marks: "Team \u202Egnp.exe"
// displays as "Team exe.png", so text would not read as what is stored.
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;
const BIDI_MESSAGE = "Text cannot contain direction-control characters.";
// \s covers the Unicode spaces (NBSP, U+2000–U+200A, U+3000, BOM…); the
// zero-width space is not whitespace to JavaScript but is just as invisible.
const EDGE_SPACE = /^[\s\u200b]+|[\s\u200b]+$/g;

/**
 * The text as stored: NFC, without leading or trailing (invisible) space.
 * Checks run on this, so a formula cannot hide behind a leading newline or
 * NBSP, and lengths count what is stored.
 */
export const normalizeText = (s: string) => s.normalize("NFC").replace(EDGE_SPACE, "");

/** Why a note was refused; pages show it in the reader's language next to the note. */
export type NoteProblem = "too_long" | "markup" | "control" | "bidi" | "unicode";

const NOTE_RULES: { problem: Exclude<NoteProblem, "too_long">; pattern: RegExp; message: string }[] = [
  { problem: "markup", pattern: MARKUP, message: "A note cannot contain HTML tags." },
  { problem: "control", pattern: CONTROL, message: "A note cannot contain control characters." },
  { problem: "bidi", pattern: BIDI_CONTROL, message: BIDI_MESSAGE },
  { problem: "unicode", pattern: LONE_SURROGATE, message: "A note must be valid Unicode text." },
];

/** The first rule of noteSchema(max) that this text breaks, or null when it would be stored. */
export function noteProblem(text: string, max: number): NoteProblem | null {
  const s = normalizeText(text);
  if (s.length > max) return "too_long";
  return NOTE_RULES.find((r) => r.pattern.test(s))?.problem ?? null;
}

export function noteSchema(max: number) {
  let schema = z
    .string({ message: "Expected text." })
    .overwrite(normalizeText)
    .max(max, { message: `Keep it under ${max} characters.` });
  for (const rule of NOTE_RULES) schema = schema.refine((s) => !rule.pattern.test(s), { message: rule.message });
  return schema.nullable().transform((s) => (s ? s : null));
}

/**
 * Any other free text that reaches the database (names, descriptions,
 * filters), normalised like notes: no NUL or other control characters
 * (PostgreSQL rejects NUL in text), no direction controls, no lone
 * surrogates. Newlines and tabs only where `multiline`.
 */
export function plainText(max: number, { multiline = false }: { multiline?: boolean } = {}) {
  return z
    .string({ message: "Expected text." })
    .overwrite(normalizeText)
    .max(max, { message: `Keep it under ${max} characters.` })
    .refine((s) => !(multiline ? CONTROL : /[\u0000-\u001f\u007f]/).test(s), {
      message: "Text cannot contain control characters.",
    })
    .refine((s) => !BIDI_CONTROL.test(s), { message: BIDI_MESSAGE })
    .refine((s) => !LONE_SURROGATE.test(s), { message: "Text must be valid Unicode." });
}

/** True when a string can be stored as PostgreSQL text. */
export const storableText = (s: string) => !s.includes("\u0000") && !LONE_SURROGATE.test(s);

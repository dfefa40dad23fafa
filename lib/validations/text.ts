import { z } from "zod";

// Free-text notes (evidence, comments) end up in spreadsheets and in other
// people's browsers. Refuse what would act as a formula or as markup there,
// with a message that says why, instead of silently rewriting the text.
const FORMULA_START = /^[=+\-@\t\r]/;
const MARKUP = /<\s*\/?\s*[a-z!][^>]*>/i;
// Control characters other than tab and newline (invalid in notes).
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function noteSchema(max: number) {
  return z
    .string({ message: "Expected text." })
    .max(max, { message: `Keep it under ${max} characters.` })
    .refine((s) => !FORMULA_START.test(s), { message: "A note cannot start with =, +, -, @ or a tab (spreadsheet formula)." })
    .refine((s) => !MARKUP.test(s), { message: "A note cannot contain HTML tags." })
    .refine((s) => !CONTROL.test(s), { message: "A note cannot contain control characters." })
    .refine((s) => !LONE_SURROGATE.test(s), { message: "A note must be valid Unicode text." })
    .transform((s) => s.trim())
    .nullable()
    .transform((s) => (s ? s : null));
}

/**
 * Any other free text that reaches the database (names, descriptions,
 * filters): no NUL or other control characters (PostgreSQL rejects NUL in
 * text), no lone surrogates. Newlines and tabs only where `multiline`.
 */
export function plainText(max: number, { multiline = false }: { multiline?: boolean } = {}) {
  return z
    .string({ message: "Expected text." })
    .max(max, { message: `Keep it under ${max} characters.` })
    .refine((s) => !(multiline ? CONTROL : /[\u0000-\u001f\u007f]/).test(s), { message: "Text cannot contain control characters." })
    .refine((s) => !LONE_SURROGATE.test(s), { message: "Text must be valid Unicode." });
}

/** True when a string can be stored as PostgreSQL text. */
export const storableText = (s: string) => !s.includes("\u0000") && !LONE_SURROGATE.test(s);

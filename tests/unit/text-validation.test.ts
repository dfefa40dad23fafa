import { describe, expect, it } from "vitest";

import { createTeamSchema } from "@/lib/validations/teams";
import { noteSchema, plainText } from "@/lib/validations/text";

const note = noteSchema(1000);
const name = plainText(80);
const BIDI_MESSAGE = "Text cannot contain direction-control characters.";
const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.error?.issues.map((i) => i.message) ?? [];

// Each of these displays as something other than what it stores.
const BIDI = [
  "Team \u202Egnp.exe",
  "a\u202Ab",
  "a\u202Bb",
  "a\u202Cb",
  "a\u202Db",
  "\u2066x\u2069",
  "\u2067x",
  "\u2068x",
  "a\u200Eb",
  "a\u200Fb",
  "a\u061Cb",
];

describe("notes (evidence, comments)", () => {
  // Stored as written; every spreadsheet output neutralises it (lib/export/sanitize.ts).
  it.each([
    ['\n=HYPERLINK("http://x")', '=HYPERLINK("http://x")'],
    ["  =1+1", "=1+1"],
    ["\u3000@SUM(A1)", "@SUM(A1)"],
    ["\u200b-1", "-1"],
    ["\r\n\t=1", "=1"],
    ["- led the migration", "- led the migration"],
    ["+1 from the team", "+1 from the team"],
    ["=)", "=)"],
  ])("stores a note that starts like a formula as written (trimmed): %j", (s, stored) => {
    expect(note.parse(s)).toBe(stored);
  });

  it("stores the trimmed text", () => {
    expect(note.parse("  PR #42  ")).toBe("PR #42");
    expect(note.parse("\u00a0\u3000PR #42\ufeff\u200b\n")).toBe("PR #42");
  });

  it("stores text in Unicode NFC", () => {
    const stored = note.parse("caf" + "e\u0301");
    expect(stored).toBe("café");
    expect(stored).toBe("caf\u00e9");
  });

  it("measures the length of the normalised text", () => {
    expect(note.parse("   " + "x".repeat(1000) + "   ")).toHaveLength(1000);
    // 2,000 code units decomposed, 1,000 once composed.
    expect(note.parse("e\u0301".repeat(1000))).toBe("\u00e9".repeat(1000));
    expect(note.safeParse("x".repeat(1001)).success).toBe(false);
  });

  it.each(BIDI)("refuses direction-control characters: %j", (s) => {
    const r = note.safeParse(s);
    expect(r.success).toBe(false);
    expect(messages(r)).toContain(BIDI_MESSAGE);
  });

  it("keeps refusing markup, control characters and invalid Unicode", () => {
    for (const s of ["<b>x</b>", "a<script>", "a\u0001b", "a\u007fb", "\ud800", "x\udc00"]) {
      expect(note.safeParse(s).success, JSON.stringify(s)).toBe(false);
    }
  });

  it("keeps accepting ordinary notes, and empty means no note", () => {
    expect(note.parse("Led the migration; see PR #42.\nAlso: 3 - 2 = 1\ttab")).toBe(
      "Led the migration; see PR #42.\nAlso: 3 - 2 = 1\ttab",
    );
    expect(note.parse("讲过两次内部分享")).toBe("讲过两次内部分享");
    expect(note.parse("")).toBeNull();
    expect(note.parse(" \n\u00a0 ")).toBeNull();
    expect(note.parse(null)).toBeNull();
    expect(note.safeParse(42).success).toBe(false);
  });
});

describe("names and other plain text", () => {
  it("trims and normalises", () => {
    expect(name.parse("  Platform Team  ")).toBe("Platform Team");
    expect(name.parse("\u00a0Team\u3000")).toBe("Team");
    expect(name.parse("Ren" + "e\u0301e")).toBe("Ren\u00e9e");
    expect(name.parse("  " + "x".repeat(80) + "\n")).toHaveLength(80);
  });

  it.each(BIDI)("refuses direction-control characters: %j", (s) => {
    const r = name.safeParse(s);
    expect(r.success).toBe(false);
    expect(messages(r)).toContain(BIDI_MESSAGE);
    expect(plainText(300, { multiline: true }).safeParse(s).success).toBe(false);
  });

  it("keeps refusing control characters, invalid Unicode and long text", () => {
    for (const s of ["a\u0000b", "a\nb", "a\tb", "a\u007fb", "\ud800", "x".repeat(81)])
      expect(name.safeParse(s).success, JSON.stringify(s)).toBe(false);
    expect(plainText(300, { multiline: true }).parse("line 1\nline 2")).toBe("line 1\nline 2");
    expect(plainText(300, { multiline: true }).safeParse("a\u0000b").success).toBe(false);
  });

  it("a team is created with its trimmed name, and a reversed-text name is refused", () => {
    expect(createTeamSchema.parse({ name: "  Data Platform\u00a0", description: " Owns the lake. " })).toEqual({
      name: "Data Platform",
      description: "Owns the lake.",
    });
    const r = createTeamSchema.safeParse({ name: "Team \u202Egnp.exe", description: "" });
    expect(r.success).toBe(false);
    expect(messages(r)).toContain(BIDI_MESSAGE);
  });
});

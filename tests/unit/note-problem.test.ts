import { describe, expect, it } from "vitest";

import { saveSelfRatingSchema } from "@/lib/validations/ratings";
import { noteProblem, noteSchema } from "@/lib/validations/text";

// Which rule a refused note broke, so the page can say it next to the note in
// the reader's language; the same rules as the note schema.
describe("noteProblem", () => {
  it.each([
    ["x".repeat(1001), "too_long"],
    ["<b>talk</b> at meetup", "markup"],
    ["a\u0001b", "control"],
    ["talk \u202Egnp.exe", "bidi"],
    ["broken \ud800", "unicode"],
  ] as const)("names the broken rule of %j", (text, problem) => {
    expect(noteProblem(text, 1000)).toBe(problem);
    expect(noteSchema(1000).safeParse(text).success).toBe(false);
  });

  it.each([
    "- led the migration",
    "+1 from the team",
    "=)",
    "+44 talk at meetup",
    "@team demo",
    "  " + "x".repeat(1000) + "  ",
    "",
  ])("finds nothing wrong with %j, and the schema agrees", (text) => {
    expect(noteProblem(text, 1000)).toBeNull();
    expect(noteSchema(1000).safeParse(text).success).toBe(true);
  });
});

describe("self rating input", () => {
  const base = { skillKey: "a.b", value: 3, interest: 1, requestId: "6f1c1d1e-8a0b-4c9e-9a39-2f0f6d7e1b11" };
  it("an absent note means: keep the last stored one", () => {
    expect(saveSelfRatingSchema.parse(base).evidence).toBeUndefined();
    expect(saveSelfRatingSchema.parse({ ...base, evidence: null }).evidence).toBeNull();
    expect(saveSelfRatingSchema.parse({ ...base, evidence: "- led it" }).evidence).toBe("- led it");
  });
});

import { describe, expect, it } from "vitest";

import { raterNotesByCell } from "@/lib/export/rater-notes";

describe("who entered each rating an export shows", () => {
  it("keys each row by member, skill and rater kind, keeping the rater and the notes", () => {
    const notes = raterNotesByCell([
      {
        userId: "u1",
        skillKey: "git",
        kind: "self",
        raterId: "admin",
        raterName: "Ada Admin",
        evidence: null,
        comment: "Imported by admin@example.com from q3.csv",
      },
      {
        userId: "u1",
        skillKey: "git",
        kind: "lead",
        raterId: "lead",
        raterName: "Lee",
        evidence: "PR #12",
        comment: null,
      },
    ]);
    expect([...notes.keys()]).toEqual(["u1|git|self", "u1|git|lead"]);
    expect(notes.get("u1|git|lead")).toEqual({ rater: { id: "lead", name: "Lee" }, evidence: "PR #12", comment: null });
    expect(notes.get("u1|git|self")).toEqual({
      rater: { id: "admin", name: "Ada Admin" },
      evidence: null,
      comment: "Imported by admin@example.com from q3.csv",
    });
  });

  it("has nothing for cells no row names", () => {
    expect(raterNotesByCell([]).size).toBe(0);
  });
});

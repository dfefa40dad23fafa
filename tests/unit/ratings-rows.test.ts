import { describe, expect, it } from "vitest";

import type { ImportPlan, MatrixFile } from "@/lib/import/ratings-matrix";
import { fileEmails, importedRatingRows, skillNameIndex } from "@/lib/import/ratings-rows";

describe("naming skills in an import's header", () => {
  it("finds a skill by key, English name, Chinese name or lower-cased English name", () => {
    const index = skillNameIndex([{ key: "git", nameEn: "Git Basics", nameZh: "Git 基礎" }]);
    expect(Object.fromEntries(index)).toEqual({
      git: "git",
      "Git Basics": "git",
      "Git 基礎": "git",
      "git basics": "git",
    });
  });
});

describe("the people an import names", () => {
  it("reads the email column whatever its case, lower-cases the addresses, and drops blanks and repeats", () => {
    const file: MatrixFile = {
      header: ["Name", "EMAIL", "git"],
      rows: [
        { line: 2, cells: ["Ann", "Ann@Example.com", "3"] },
        { line: 3, cells: ["Ann again", "ann@example.com", "4"] },
        { line: 4, cells: ["No email", "", "2"] },
        { line: 5, cells: ["Short row"] },
        { line: 6, cells: ["Bo", "bo@example.com", "1"] },
      ],
    };
    expect(fileEmails(file)).toEqual(["ann@example.com", "bo@example.com"]);
  });
});

describe("the ratings an applied import writes", () => {
  const summary = { people: 2, changes: 2, unchanged: 0, invalidRows: 1, unknownPeople: 0 };
  const plan: ImportPlan = {
    unknownColumns: [],
    summary,
    rows: [
      {
        line: 2,
        email: "ann@example.com",
        status: "ok",
        errors: [],
        unchanged: 0,
        changes: [
          { skillKey: "git", proficiency: 3, notApplicable: false },
          { skillKey: "sql", proficiency: null, notApplicable: true },
        ],
      },
      {
        line: 3,
        email: "bo@example.com",
        status: "invalid",
        errors: [{ column: "git", value: "9", message: "out of range" }],
        unchanged: 0,
        changes: [{ skillKey: "git", proficiency: 2, notApplicable: false }],
      },
    ],
  };

  it("writes one self rating per changed cell of accepted rows, entered by the importer, in the quarter of the import", () => {
    const now = new Date("2026-11-30T10:00:00Z");
    const rows = importedRatingRows(plan, {
      people: new Map([
        ["ann@example.com", "u-ann"],
        ["bo@example.com", "u-bo"],
      ]),
      importer: { id: "u-admin", email: "admin@example.com" },
      frameworkId: "fw-1",
      filename: "ratings.csv",
      now,
    });
    const common = {
      userId: "u-ann",
      raterId: "u-admin",
      raterKind: "self",
      frameworkId: "fw-1",
      comment: "Imported by admin@example.com from ratings.csv",
      quarter: "2026-Q4",
      ratedAt: now,
    };
    expect(rows).toEqual([
      { ...common, skillKey: "git", proficiency: 3, notApplicable: false },
      { ...common, skillKey: "sql", proficiency: null, notApplicable: true },
    ]);
  });

  it("keeps the first 100 characters of a long file name in the comment", () => {
    const [row] = importedRatingRows(plan, {
      people: new Map([["ann@example.com", "u-ann"]]),
      importer: { id: "u-admin", email: "a@x.io" },
      frameworkId: "fw-1",
      filename: `${"x".repeat(150)}.csv`,
      now: new Date("2026-01-01T00:00:00Z"),
    });
    expect(row!.comment).toBe(`Imported by a@x.io from ${"x".repeat(100)}`);
    expect(row!.quarter).toBe("2026-Q1");
  });
});

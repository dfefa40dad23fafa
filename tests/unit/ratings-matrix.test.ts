import { describe, expect, it } from "vitest";

import {
  ImportFileError,
  parseValue,
  planImport,
  readCsvMatrix,
  toMatrix,
  type MatrixFile,
} from "@/lib/import/ratings-matrix";

// Size limits are covered by csv-limits.test.ts and xlsx-matrix.test.ts; this file covers reading and planning.

const refusal = (read: () => unknown) => {
  try {
    read();
  } catch (e) {
    if (e instanceof ImportFileError) return e.message;
    throw e;
  }
  throw new Error("expected the file to be refused");
};
const lines = (...rows: string[][]) => rows.map((cells, i) => ({ line: i + 1, cells }));

describe("finding the header of a ratings matrix", () => {
  it("takes the first row naming an email column (any case, padded) as the header, skipping title rows above it", () => {
    const file = toMatrix(
      lines(
        ["Team ratings, Q3"],
        ["", "Tools", "Tools"],
        [" Email ", " git", "Docker "],
        ["ann@example.com", "3", "2"],
      ),
    );
    expect(file).toEqual({
      header: ["Email", "git", "Docker"],
      rows: [{ line: 4, cells: ["ann@example.com", "3", "2"] }],
    });
  });

  it("looks for the header in the first five rows only", () => {
    const title = Array.from({ length: 5 }, (_, i) => [`title ${i + 1}`]);
    expect(toMatrix(lines(...title.slice(0, 4), ["email"])).header).toEqual(["email"]);
    expect(refusal(() => toMatrix(lines(...title, ["email"])))).toBe(
      'The first row must name the columns, with one called "email".',
    );
  });

  it("refuses a file without an email column, and an empty file", () => {
    expect(refusal(() => readCsvMatrix("name,git\nAnn,3\n"))).toMatch(/one called "email"/);
    expect(refusal(() => readCsvMatrix(""))).toBe("The file is empty.");
    expect(refusal(() => readCsvMatrix("\n , \n"))).toBe("The file is empty.");
  });

  it("refuses NUL characters and lone surrogates anywhere, naming the line", () => {
    expect(refusal(() => toMatrix(lines(["email", "git"], ["ann@example.com", "3\u0000"])))).toBe(
      "Line 2 contains NUL characters or invalid Unicode.",
    );
    expect(refusal(() => toMatrix(lines(["\uD800 title"], ["email"])))).toMatch(/^Line 1 /);
    expect(refusal(() => toMatrix(lines(["email"], ["\uDC00"])))).toMatch(/^Line 2 /);
    expect(toMatrix(lines(["email", "emoji"], ["ann@example.com", "😀"])).rows[0]!.cells).toEqual([
      "ann@example.com",
      "😀",
    ]);
  });

  it("refuses two columns whose names differ only in case or spacing, naming both", () => {
    const header = ["email", "git", "Docker", " GIT "];
    expect(refusal(() => toMatrix(lines(header, ["ann@example.com", "1", "2", "3"])))).toBe(
      'Columns 2 ("git") and 4 ("GIT") differ only in case or spacing; keep one of them.',
    );
    expect(refusal(() => toMatrix(lines(["email", "Data  SQL", "data sql"])))).toMatch(
      /^Columns 2 \("Data {2}SQL"\) and 3 /,
    );
    expect(refusal(() => toMatrix(lines(["Email", "email"])))).toMatch(/^Columns 1 \("Email"\) and 2 \("email"\)/);
    expect(refusal(() => readCsvMatrix("email,git,git\n"))).toBe('Columns 2 and 3 are both "git"; keep one of them.');
  });

  it("allows repeated unnamed columns and repeated team, person, name or level columns", () => {
    expect(toMatrix(lines(["email", "", "Name", "name", "", "git"])).header).toEqual([
      "email",
      "",
      "Name",
      "name",
      "",
      "git",
    ]);
  });

  it("trims cells and undoes the export's formula neutralisation, in the header and the rows", () => {
    const file = toMatrix(lines(["email", "'=sum"], [" ann@example.com ", " '-"]));
    expect(file).toEqual({ header: ["email", "=sum"], rows: [{ line: 2, cells: ["ann@example.com", "-"] }] });
  });
});

describe("reading a CSV ratings matrix", () => {
  it("reads quoted fields, CRLF line ends and a byte-order mark", () => {
    const file = readCsvMatrix('\uFEFFemail,"Data, SQL",docker\r\nann@example.com,"4",n/a\r\n');
    expect(file).toEqual({
      header: ["email", "Data, SQL", "docker"],
      rows: [{ line: 2, cells: ["ann@example.com", "4", "n/a"] }],
    });
  });

  it("numbers each row by the file line it starts on, past blank lines and line breaks inside quoted cells", () => {
    const csv = [
      "", // 1
      "email,git,notes", // 2
      'ann@example.com,3,"first line', // 3
      'second line"', // 4
      "bob@example.com,2,", // 5
      "", // 6
      " , ", // 7
      'cy@example.com,1,"a\r\nb\nc"', // 8-10
      "dee@example.com,0,", // 11
    ].join("\n");
    const file = readCsvMatrix(csv);
    expect(file.rows.map((r) => [r.line, r.cells[0]])).toEqual([
      [3, "ann@example.com"],
      [5, "bob@example.com"],
      [8, "cy@example.com"],
      [11, "dee@example.com"],
    ]);
  });

  it("refuses malformed CSV as an import error naming the line", () => {
    expect(refusal(() => readCsvMatrix('email,git\nann@example.com,"3'))).toBe(
      "The CSV file is malformed (line 2: a quoted field is not closed).",
    );
    expect(refusal(() => readCsvMatrix('email,git\nann@example.com,3"x"\n'))).toBe(
      "The CSV file is malformed (line 2: a quote may only start a field).",
    );
  });
});

describe("reading a cell's value", () => {
  it("leaves an empty or blank cell alone (no change)", () => {
    expect(parseValue("")).toBeNull();
    expect(parseValue("   ")).toBeNull();
  });

  it("reads 0 to 4, padded or written with trailing zero decimals", () => {
    expect(["0", "1", " 2 ", "3.0", "4.00"].map(parseValue)).toEqual(
      [0, 1, 2, 3, 4].map((value) => ({ ok: true, value, notApplicable: false })),
    );
  });

  it("reads n/a, na, n.a., a hyphen and an en dash, in any case, as not applicable", () => {
    for (const raw of ["n/a", "N/A", "NA", "n.a.", "-", "–"])
      expect(parseValue(raw), raw).toEqual({ ok: true, value: null, notApplicable: true });
  });

  it("refuses anything else: out of range, fractions, words, other dashes", () => {
    for (const raw of ["5", "-1", "2.5", "4.", "04", "1e0", "three", "—", "n/a2"])
      expect(parseValue(raw), raw).toEqual({ ok: false });
  });
});

describe("planning an import", () => {
  // The data layer indexes each skill by key, English name, Chinese name and lower-cased English name.
  const skills = new Map([
    ["git", "git"],
    ["Git", "git"],
    ["版本控制", "git"],
    ["docker", "docker"],
    ["Docker", "docker"],
    ["容器", "docker"],
    ["sql", "sql"],
  ]);
  const people = new Map([
    ["ann@example.com", "u-ann"],
    ["bob@example.com", "u-bob"],
  ]);
  const none = new Map<string, { proficiency: number | null; notApplicable: boolean }>();
  const matrix = (header: string[], ...rows: string[][]): MatrixFile => ({
    header,
    rows: rows.map((cells, i) => ({ line: i + 2, cells })),
  });
  const plan = (file: MatrixFile, current = none) => planImport(file, { people, skills, current });

  it("maps skill columns by key, by name in either language, and by the key in another case", () => {
    const result = plan(matrix(["email", "GIT", "容器", "sql"], ["ann@example.com", "1", "2", "3"]));
    expect(result.rows[0]!.changes).toEqual([
      { skillKey: "git", proficiency: 1, notApplicable: false },
      { skillKey: "docker", proficiency: 2, notApplicable: false },
      { skillKey: "sql", proficiency: 3, notApplicable: false },
    ]);
    expect(result.unknownColumns).toEqual([]);
  });

  it("ignores the team, person, name and level columns in any case, lists other unknown columns, and skips unnamed ones", () => {
    const header = ["Team", "email", "Person", "NAME", "current_level", "Level", "git", "Quantum computing", ""];
    const result = plan(matrix(header, ["Data", "ann@example.com", "Ann", "Ann A.", "3", "2", "4", "9", "x"]));
    expect(result.unknownColumns).toEqual(["Quantum computing"]);
    expect(result.rows[0]).toEqual({
      line: 2,
      email: "ann@example.com",
      status: "ok",
      errors: [],
      changes: [{ skillKey: "git", proficiency: 4, notApplicable: false }],
      unchanged: 0,
    });
  });

  it("matches people by email in any case, wherever the email column is", () => {
    const result = plan(matrix(["git", "E-mail", "Email"], ["2", "x", "Bob@Example.COM"]));
    expect(result.rows[0]).toMatchObject({
      email: "bob@example.com",
      status: "ok",
      changes: [{ skillKey: "git", proficiency: 2 }],
    });
    expect(result.unknownColumns).toEqual(["E-mail"]);
  });

  it("plans n/a as not applicable with no proficiency, and skips empty or missing cells", () => {
    const result = plan(matrix(["email", "git", "docker", "sql"], ["ann@example.com", "n/a", ""]));
    expect(result.rows[0]).toMatchObject({
      changes: [{ skillKey: "git", proficiency: null, notApplicable: true }],
      unchanged: 0,
    });
  });

  it("counts a cell equal to the person's current self rating as unchanged, and plans every other value", () => {
    const current = new Map([
      ["u-ann|git", { proficiency: 3, notApplicable: false }],
      ["u-ann|docker", { proficiency: null, notApplicable: true }],
      ["u-ann|sql", { proficiency: 2, notApplicable: false }],
      ["u-bob|git", { proficiency: 1, notApplicable: false }],
    ]);
    const result = plan(
      matrix(
        ["email", "git", "docker", "sql"],
        ["ann@example.com", "3.0", "N/A", "n/a"],
        ["bob@example.com", "3", "0", ""],
      ),
      current,
    );
    expect(result.rows.map((r) => [r.email, r.changes, r.unchanged])).toEqual([
      ["ann@example.com", [{ skillKey: "sql", proficiency: null, notApplicable: true }], 2],
      [
        "bob@example.com",
        [
          { skillKey: "git", proficiency: 3, notApplicable: false },
          { skillKey: "docker", proficiency: 0, notApplicable: false },
        ],
        0,
      ],
    ]);
    expect(result.summary).toEqual({ people: 2, changes: 3, unchanged: 2, invalidRows: 0, unknownPeople: 0 });
  });

  it("marks a row of an unknown person, or without an email, as unknown_person and plans nothing for it, even bad values", () => {
    const result = plan(matrix(["email", "git"], ["cy@example.com", "7"], ["", "2"]));
    expect(result.rows).toEqual([
      { line: 2, email: "cy@example.com", status: "unknown_person", errors: [], changes: [], unchanged: 0 },
      { line: 3, email: "", status: "unknown_person", errors: [], changes: [], unchanged: 0 },
    ]);
    expect(result.summary).toEqual({ people: 0, changes: 0, unchanged: 0, invalidRows: 0, unknownPeople: 2 });
  });

  it("marks a row with any bad value invalid, naming each bad cell's column and value, and plans none of its changes", () => {
    const long = "x".repeat(50);
    const result = plan(
      matrix(["email", "Git", "docker", "sql"], ["ann@example.com", "5", "2", long], ["bob@example.com", "1", "", ""]),
    );
    const message = "Use 0–4, n/a, or leave it empty.";
    expect(result.rows[0]).toEqual({
      line: 2,
      email: "ann@example.com",
      status: "invalid",
      errors: [
        { column: "Git", value: "5", message },
        { column: "sql", value: "x".repeat(40), message },
      ],
      changes: [],
      unchanged: 0,
    });
    expect(result.rows[1]).toMatchObject({ status: "ok", changes: [{ skillKey: "git", proficiency: 1 }] });
    expect(result.summary).toEqual({ people: 1, changes: 1, unchanged: 0, invalidRows: 1, unknownPeople: 0 });
  });

  it("does not check values under ignored or unknown columns", () => {
    const result = plan(
      matrix(["email", "level", "Quantum computing", "git"], ["ann@example.com", "senior", "lots", "2"]),
    );
    expect(result.rows[0]).toMatchObject({ status: "ok", errors: [], changes: [{ skillKey: "git", proficiency: 2 }] });
  });

  it("plans nothing the second time the same file is imported", () => {
    const file = readCsvMatrix("email,git,docker\nann@example.com,2,n/a\nbob@example.com,,4\n");
    const first = plan(file);
    const applied = new Map(
      first.rows.flatMap((r) =>
        r.changes.map(
          (c) =>
            [
              `${people.get(r.email)}|${c.skillKey}`,
              { proficiency: c.proficiency, notApplicable: c.notApplicable },
            ] as const,
        ),
      ),
    );
    expect(first.summary).toMatchObject({ changes: 3, unchanged: 0 });
    expect(plan(file, applied).summary).toEqual({
      people: 2,
      changes: 0,
      unchanged: 3,
      invalidRows: 0,
      unknownPeople: 0,
    });
  });
});

import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";

import { parseCsv, unescapeText } from "@/lib/export/csv";
import { planningExportSchema, type PlanningExport } from "@/lib/export/schema";
import { writeCsvZip, writeJson } from "@/lib/export/writers";
import { readXlsxMatrix } from "@/lib/import/xlsx-matrix";

import { exportedWorkbook, RATINGS_COLUMNS, readmeSheets, rowValues, WORKBOOK_SHEETS } from "../support/xlsx";

// The exporters on a small dataset built by hand: two levels, three
// categories, an imported rating, a lead's validation, and notes that a
// spreadsheet would run as formulas.

const NOTES = ["- led the migration", "=SUM(A1:A9)", "+1 from the lead", "@here see the dashboard", "\tindented"];

function dataset(language: PlanningExport["language"] = "en"): PlanningExport {
  const zh = language === "zh-TW";
  const skills = [
    {
      key: "env.git",
      name: zh ? "使用 Git 進行版本控制" : "Uses Git for version control",
      level: zh ? "初階" : "Junior",
      category: zh ? "環境" : "Environments",
    },
    {
      key: "env.docker",
      name: zh ? "建置容器映像" : "Builds container images with a long name that wraps",
      level: zh ? "初階" : "Junior",
      category: zh ? "環境" : "Environments",
    },
    {
      key: "tracking.curves",
      name: zh ? "判讀損失曲線" : "Reads loss/accuracy curves",
      level: zh ? "初階" : "Junior",
      category: zh ? "實驗追蹤" : "Experiment tracking",
    },
    {
      key: "pipelines.etl",
      name: zh ? "建置 ETL 管線" : "Builds ETL / ML pipelines for training",
      level: zh ? "中階" : "Mid",
      category: zh ? "自動化" : "Automation",
    },
  ];
  const people = [
    { email: "ana@acme.test", name: "Ana Lima", team: "Platform", currentLevel: null },
    { email: "bo@acme.test", name: "Bo Chen", team: "Platform", currentLevel: "mid" },
  ];
  const base = {
    team: "Platform",
    validated: null,
    source: "self" as const,
    ratedBy: null,
    evidence: null,
    leadComment: null,
  };
  const ratings: PlanningExport["ratings"] = [
    {
      ...base,
      email: "ana@acme.test",
      skillKey: "env.git",
      self: 3,
      effective: 3,
      ratedBy: "Ana Lima",
      evidence: NOTES[0]!,
    },
    {
      ...base,
      email: "ana@acme.test",
      skillKey: "env.docker",
      self: 2,
      validated: 3,
      effective: 3,
      source: "lead",
      ratedBy: "Lee Lead",
      leadComment: NOTES[2]!,
    },
    {
      ...base,
      email: "ana@acme.test",
      skillKey: "tracking.curves",
      self: "na",
      effective: "na",
      ratedBy: "Ana Lima",
      evidence: NOTES[1]!,
    },
    { ...base, email: "ana@acme.test", skillKey: "pipelines.etl", self: null, effective: null, source: null },
    {
      ...base,
      email: "bo@acme.test",
      skillKey: "env.git",
      self: 4,
      effective: 4,
      source: "imported",
      ratedBy: "Mei Admin",
    },
    {
      ...base,
      email: "bo@acme.test",
      skillKey: "env.docker",
      self: 1,
      effective: 1,
      ratedBy: "Bo Chen",
      evidence: NOTES[3]!,
    },
    {
      ...base,
      email: "bo@acme.test",
      skillKey: "tracking.curves",
      self: 0,
      effective: 0,
      ratedBy: "Bo Chen",
      evidence: NOTES[4]!,
    },
    {
      ...base,
      email: "bo@acme.test",
      skillKey: "pipelines.etl",
      self: 2,
      effective: 2,
      source: "imported",
      ratedBy: "Mei Admin",
    },
  ];
  return planningExportSchema.parse({
    format: "skillgrid.planning-export",
    version: 1,
    quarter: "2026-Q3",
    asOf: "2026-09-30T12:00:00.000Z",
    language,
    scope: { kind: "team", team: { id: "7f1c1f4e-53a4-4bd8-9a53-0c8d7b5b2a10", name: "Platform" } },
    framework: { title: "MLOps" },
    skills,
    people,
    ratings,
    coverage: skills.map((s) => ({ team: null, skillKey: s.key, atLeast3: 1, atLeast4: 0, risk: "single" })),
    targets: [],
    priorities: [],
  });
}

describe("the XLSX workbook", () => {
  it("the README names exactly the workbook's sheets, and each sheet's columns in order", async () => {
    const { wb } = await exportedWorkbook(dataset());
    const sheets = readmeSheets(wb);
    expect([...sheets.keys()]).toEqual(wb.worksheets.map((w) => w.name));
    expect(wb.worksheets.map((w) => w.name)).toEqual(WORKBOOK_SHEETS);
    for (const ws of wb.worksheets.filter((w) => w.name !== "README")) {
      const documented = sheets.get(ws.name)!;
      if (ws.name === "Matrix") {
        expect(rowValues(ws, 4)).toEqual([...documented.slice(0, 3), ...dataset().skills.map((s) => s.key)]);
        expect(documented.slice(3)).toEqual(["<skill key>"]);
      } else expect(rowValues(ws, 1), ws.name).toEqual(documented);
    }
    const text = wb.getWorksheet("README")!.getColumn(2).values.join("\n");
    expect(text).not.toMatch(/see the ratings sheet for names/);
    expect(text).toMatch(/values marked \* \(in italics, with a dashed border\) are imported/);
    expect(text).toMatch(/names are in English/);
  });

  it("heads the Matrix with level and category bands, skill names, then the key row the import reads", async () => {
    const { wb, bytes } = await exportedWorkbook(dataset());
    const m = wb.getWorksheet("Matrix")!;
    expect(m.views[0]).toMatchObject({ state: "frozen", xSplit: 2, ySplit: 4 });
    expect(rowValues(m, 1)).toEqual([undefined, undefined, "Level", "Junior", "Junior", "Junior", "Mid"]);
    expect(rowValues(m, 2)).toEqual([
      undefined,
      undefined,
      "Category",
      "Environments",
      "Environments",
      "Experiment tracking",
      "Automation",
    ]);
    expect(rowValues(m, 3)).toEqual([
      undefined,
      undefined,
      "Skill",
      "Uses Git for version control",
      "Builds container images with a long name that wraps",
      "Reads loss/accuracy curves",
      "Builds ETL / ML pipelines for training",
    ]);
    // Bands are merged over their skills: Junior over D–F, Environments over D–E.
    const merges = (m.model as unknown as { merges: string[] }).merges.sort();
    expect(merges).toEqual(["D1:F1", "D2:E2"]);
    expect(rowValues(m, 5)).toEqual(["Platform", "Ana Lima", "ana@acme.test", 3, 3, "n/a"]);
    // Readable widths: the names column fits names; skill columns share one width and wrap their names.
    expect(m.getColumn(2).width).toBeGreaterThanOrEqual(18);
    const widths = new Set([4, 5, 6, 7].map((c) => m.getColumn(c).width));
    expect(widths.size).toBe(1);
    expect([...widths][0]).toBeGreaterThanOrEqual(14);
    expect(m.getCell("E3").alignment).toMatchObject({ wrapText: true });
    expect(m.getRow(3).height).toBeGreaterThanOrEqual(3 * 15);
    // The import still reads it: the header is the key row, and every value comes back.
    const file = readXlsxMatrix(bytes);
    expect(file.header).toEqual([
      "team",
      "person",
      "email",
      "env.git",
      "env.docker",
      "tracking.curves",
      "pipelines.etl",
    ]);
    expect(file.rows.map((r) => r.cells)).toEqual([
      ["Platform", "Ana Lima", "ana@acme.test", "3", "3", "n/a"],
      ["Platform", "Bo Chen", "bo@acme.test", "4", "1", "0", "2"],
    ]);
  });

  it("shows names in the export's language", async () => {
    const { wb } = await exportedWorkbook(dataset("zh-TW"));
    const m = wb.getWorksheet("Matrix")!;
    expect(rowValues(m, 3).slice(3)).toEqual([
      "使用 Git 進行版本控制",
      "建置容器映像",
      "判讀損失曲線",
      "建置 ETL 管線",
    ]);
    expect(rowValues(m, 1).slice(3)).toEqual(["初階", "初階", "初階", "中階"]);
    expect(wb.getWorksheet("README")!.getColumn(2).values.join("\n")).toMatch(/names are in 繁體中文/);
  });

  it("marks imported Matrix values (asterisk, italic, dashed border) and leaves the member's own plain", async () => {
    const { wb } = await exportedWorkbook(dataset());
    const m = wb.getWorksheet("Matrix")!;
    const bo = m.getRow(6);
    for (const col of [4, 7]) {
      expect(bo.getCell(col).font?.italic, `imported ${col}`).toBe(true);
      expect(bo.getCell(col).border?.top?.style).toBe("mediumDashed");
      expect(bo.getCell(col).numFmt).toBe('0"*"');
    }
    for (const col of [5, 6]) {
      expect(bo.getCell(col).font?.italic ?? false, `own ${col}`).toBe(false);
      expect(bo.getCell(col).border?.top).toBeUndefined();
      expect(bo.getCell(col).numFmt ?? "General").toBe("General");
    }
    expect(typeof bo.getCell(4).value).toBe("number");
  });

  it("the Notes sheet holds the ratings rows that carry a note, with names and who entered them", async () => {
    const { wb } = await exportedWorkbook(dataset());
    const notes = wb.getWorksheet("Notes")!;
    expect(rowValues(notes, 1)).toEqual(RATINGS_COLUMNS);
    expect(notes.rowCount).toBe(1 + NOTES.length);
    expect(rowValues(notes, 3)).toEqual([
      "Platform",
      "ana@acme.test",
      "env.docker",
      2,
      3,
      3,
      "Ana Lima",
      "Builds container images with a long name that wraps",
      "lead",
      "Lee Lead",
      undefined,
      "'+1 from the lead",
    ]);
    expect(notes.getColumn(8).width).toBeGreaterThan(30);
  });
});

describe("notes that look like formulas reach every export format neutralised", () => {
  it("CSV and XLSX start them with an apostrophe; JSON keeps them as written", async () => {
    const d = dataset();
    const files = unzipSync(writeCsvZip(d));
    const csv = parseCsv(strFromU8(files["ratings.csv"]!));
    const csvNotes = csv
      .slice(1)
      .flatMap((r) => [r[10]!, r[11]!])
      .filter(Boolean);
    const { wb } = await exportedWorkbook(d);
    const xlsxNotes: string[] = [];
    wb.getWorksheet("Notes")!.eachRow((row, n) => {
      for (const col of [11, 12])
        if (n > 1 && typeof row.getCell(col).value === "string") xlsxNotes.push(row.getCell(col).value as string);
    });
    for (const notes of [csvNotes, xlsxNotes]) {
      expect(notes.sort()).toEqual(NOTES.map((n) => `'${n}`).sort());
      expect(notes.map(unescapeText).sort()).toEqual([...NOTES].sort());
    }
    // Raw CSV text: no field starts with a trigger character.
    expect(strFromU8(files["ratings.csv"]!)).not.toMatch(/(^|,)"?[=+\-@\t]/m);
    const json = JSON.parse(writeJson(d)) as PlanningExport;
    expect(
      json.ratings
        .flatMap((r) => [r.evidence, r.leadComment])
        .filter(Boolean)
        .sort(),
    ).toEqual([...NOTES].sort());
  });

  it("ratings.csv keeps its first six columns and appends names, source, rated_by and notes", () => {
    const files = unzipSync(writeCsvZip(dataset()));
    const [header, ...rows] = parseCsv(strFromU8(files["ratings.csv"]!));
    expect(header).toEqual(RATINGS_COLUMNS);
    expect(rows[4]).toEqual([
      "Platform",
      "bo@acme.test",
      "env.git",
      "4",
      "",
      "4",
      "Bo Chen",
      "Uses Git for version control",
      "imported",
      "Mei Admin",
      "",
      "",
    ]);
    expect(rows[0]!.slice(6, 10)).toEqual(["Ana Lima", "Uses Git for version control", "self", "Ana Lima"]);
    expect(rows[3]!.slice(3, 10)).toEqual(["", "", "", "Ana Lima", "Builds ETL / ML pipelines for training", "", ""]);
  });
});

import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { ImportFileError, MAX_COLUMNS, MAX_DATA_ROWS } from "@/lib/import/ratings-matrix";
import { readXlsxMatrix } from "@/lib/import/xlsx-matrix";

import { deflated, inlineRow, sheetXml, workbookEntries, writeZip, zipBombXlsx } from "../fixtures/zips";
import { exceljsMatrixFile } from "../support/xlsx";

const MB = 1024 * 1024;
const rss = () => process.memoryUsage().rss;
const xlsx = (...args: Parameters<typeof workbookEntries>) => writeZip(workbookEntries(...args));
const refusal = (bytes: Uint8Array) => {
  try {
    readXlsxMatrix(bytes);
  } catch (e) {
    if (e instanceof ImportFileError) return e.message;
    throw e;
  }
  throw new Error("expected the file to be refused");
};

describe("reading a ratings matrix from XLSX", () => {
  it("reads what exceljs writes: shared and inline strings, numbers, rich text, formulas' results, booleans", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Notes").addRow(["not this one"]);
    const ws = wb.addWorksheet("Matrix");
    ws.addRow(["email", "git", "docker", "k8s", "flag"]);
    ws.addRow(["ann@example.com", 3, "n/a", { formula: "1+1", result: 2 }, true]);
    ws.addRow(["bob@example.com", { richText: [{ text: "4" }, { text: ".0", font: { bold: true } }] }, null, 0, false]);
    ws.getCell("A4").value = { text: "cy@example.com", hyperlink: "mailto:cy@example.com" };
    ws.getCell("C4").value = 'A & <B> "q"';
    const file = readXlsxMatrix(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(file.header).toEqual(["email", "git", "docker", "k8s", "flag"]);
    expect(file.rows).toEqual([
      { line: 2, cells: ["ann@example.com", "3", "n/a", "2", "true"] },
      { line: 3, cells: ["bob@example.com", "4.0", "", "0", "false"] },
      { line: 4, cells: ["cy@example.com", "", 'A & <B> "q"'] },
    ]);
  });

  it("takes the sheet called Matrix (any case), else the first tab, and skips rows without values", () => {
    const sheets = [
      { name: "Other", xml: sheetXml(inlineRow(1, ["email"]) + inlineRow(2, ["x@example.com"])) },
      {
        name: "MATRIX",
        xml: sheetXml(
          `<row r="1"/><row r="2"><c r="A2"/></row>${inlineRow(3, ["email", "git"])}<row r="4"><c r="A4" t="s"><v>0</v></c><c r="B4"><v>2</v></c></row>`,
        ),
      },
    ];
    expect(readXlsxMatrix(xlsx(sheets, ["z@example.com"]))).toEqual({
      header: ["email", "git"],
      rows: [{ line: 4, cells: ["z@example.com", "2"] }],
    });
    expect(readXlsxMatrix(xlsx([sheets[0]!, { ...sheets[1]!, name: "Summary" }])).rows).toEqual([
      { line: 2, cells: ["x@example.com"] },
    ]);
  });

  it(`refuses more than ${MAX_DATA_ROWS.toLocaleString("en-US")} data rows, naming the limit`, () => {
    const rows = (n: number) =>
      inlineRow(1, ["email"]) + Array.from({ length: n }, (_, i) => inlineRow(i + 2, [`p${i}@example.com`])).join("");
    expect(readXlsxMatrix(xlsx([{ name: "Matrix", xml: sheetXml(rows(MAX_DATA_ROWS)) }])).rows).toHaveLength(
      MAX_DATA_ROWS,
    );
    expect(refusal(xlsx([{ name: "Matrix", xml: sheetXml(rows(MAX_DATA_ROWS + 1)) }]))).toMatch(
      /more than 5,000 data rows/,
    );
  });

  it(`refuses a value beyond column ${MAX_COLUMNS}, but not formatting alone out there`, () => {
    const wide = (cells: number) =>
      sheetXml(inlineRow(1, ["email", ...Array.from({ length: cells - 1 }, (_, i) => `s${i}`)]));
    expect(readXlsxMatrix(xlsx([{ name: "Matrix", xml: wide(MAX_COLUMNS) }])).header).toHaveLength(MAX_COLUMNS);
    expect(refusal(xlsx([{ name: "Matrix", xml: wide(MAX_COLUMNS + 1) }]))).toMatch(/more than 500 columns/);
    const styledOnly = sheetXml(
      `<row r="1"><c r="A1" t="inlineStr"><is><t>email</t></is></c><c r="XFD1" s="3"/></row>`,
    );
    expect(readXlsxMatrix(xlsx([{ name: "Matrix", xml: styledOnly }])).header).toEqual(["email"]);
  });

  it("ignores merged ranges and validations over the whole sheet (exceljs expands them into billions of cells)", () => {
    const hostile = sheetXml(
      inlineRow(1, ["email"]),
      '<mergeCells count="1"><mergeCell ref="A2:XFD1048576"/></mergeCells><dataValidations count="1"><dataValidation type="whole" sqref="A1:XFD1048576"><formula1>0</formula1></dataValidation></dataValidations>',
    );
    const before = rss();
    expect(readXlsxMatrix(xlsx([{ name: "Matrix", xml: hostile }])).header).toEqual(["email"]);
    expect(rss() - before).toBeLessThan(50 * MB);
  });

  it("refuses the 200 MB zip bomb before inflating its sheet", () => {
    const before = rss();
    expect(refusal(zipBombXlsx(200))).toMatch(/refused.*more than 50 MB/);
    expect(rss() - before).toBeLessThan(100 * MB);
  });

  it("refuses a sheet whose part holds more than it declares", () => {
    const rows =
      inlineRow(1, ["email"]) +
      Array.from({ length: 2000 }, (_, i) => inlineRow(i + 2, [`p${i}@example.com`])).join("");
    const entries = workbookEntries([{ name: "Matrix", xml: sheetXml(rows) }]);
    const lying = writeZip(
      entries.map((e) => (e.name.startsWith("xl/worksheets/") ? { ...e, uncompressedSize: 10_000 } : e)),
    );
    expect(refusal(lying)).toMatch(/could not be read.*more than it declares/);
  });

  it("refuses DTDs (no entity expansion) and files that are not workbooks", () => {
    const dtd = `<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a "aaaaaaaaaa">]><worksheet><sheetData>${inlineRow(1, ["&a;"])}</sheetData></worksheet>`;
    expect(refusal(xlsx([{ name: "Matrix", xml: dtd }]))).toMatch(/could not be read/);
    expect(refusal(writeZip([deflated("hello.txt", "hi")]))).toMatch(/could not be read/);
    expect(refusal(new TextEncoder().encode("not a zip"))).toMatch(/could not be read/);
    expect(refusal(xlsx([]))).toMatch(/no sheets/);
  });

  it("decodes XML and OOXML escapes in text", () => {
    const xml = sheetXml(inlineRow(1, ["email", "a&amp;b &#x41;&#66; _x0041_"]));
    expect(readXlsxMatrix(xlsx([{ name: "Matrix", xml }])).header).toEqual(["email", "a&b AB A"]);
  });

  it("damaged archives only ever produce an ImportFileError", async () => {
    const good = await exceljsMatrixFile();
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(good.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
        (flips) => {
          const bytes = good.slice();
          for (const [at, value] of flips) bytes[at] = value;
          try {
            readXlsxMatrix(bytes);
          } catch (e) {
            if (!(e instanceof ImportFileError)) throw e;
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

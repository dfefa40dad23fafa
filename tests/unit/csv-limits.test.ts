import { describe, expect, it } from "vitest";

import { MAX_COLUMNS, MAX_CSV_LINES, MAX_DATA_ROWS, readCsvMatrix } from "@/lib/import/ratings-matrix";

const MB = 1024 * 1024;
const people = (n: number) => `email,git\n${Array.from({ length: n }, (_, i) => `p${i}@example.com,3`).join("\n")}\n`;

describe("the CSV import's size limits", () => {
  it("names its limits", () => {
    expect([MAX_DATA_ROWS, MAX_COLUMNS, MAX_CSV_LINES]).toEqual([5_000, 500, 10_000]);
  });

  it("reads exactly 5,000 data rows and refuses 5,001, naming the limit", () => {
    expect(readCsvMatrix(people(MAX_DATA_ROWS)).rows).toHaveLength(MAX_DATA_ROWS);
    expect(() => readCsvMatrix(people(MAX_DATA_ROWS + 1))).toThrow(/more than 5,000 data rows/);
  });

  it("does not count blank lines, or line breaks inside quoted fields, as data rows", () => {
    const quoted = `email,note\n${Array.from({ length: MAX_DATA_ROWS }, (_, i) => `p${i}@example.com,"a\nb"`).join("\n")}\n\n , \n`;
    expect(readCsvMatrix(quoted).rows).toHaveLength(MAX_DATA_ROWS);
  });

  it("refuses a row with more than 500 columns, naming the line", () => {
    const widest = ["email", ...Array.from({ length: MAX_COLUMNS - 1 }, (_, i) => `skill ${i + 1}`)];
    expect(readCsvMatrix(`${widest.join(",")}\n`).header).toHaveLength(MAX_COLUMNS);
    expect(() => readCsvMatrix(`email,git\na@example.com,1\n${",".repeat(MAX_COLUMNS)}\n`)).toThrow(
      /Line 3 has more than 500 columns/,
    );
  });

  it("refuses 9 MB of one-character lines before parsing them (it used to take 1.5 GB and half a minute)", () => {
    const before = process.memoryUsage().rss;
    const started = performance.now();
    expect(() => readCsvMatrix(`email\n${"a\n".repeat(4.5 * MB)}`)).toThrow(/more than 5,000 data rows/);
    expect(() => readCsvMatrix(`email\n${"\n".repeat(9 * MB)}`)).toThrow(/more than 10,000 lines/);
    expect(() => readCsvMatrix(`email\n${",".repeat(9 * MB)}`)).toThrow(/more than 500 columns/);
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * MB);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

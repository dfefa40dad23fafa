import { expect, it } from "vitest";

import { importRatings } from "@/lib/data/import";
import { AppError } from "@/lib/errors";

import { deflatedZeros, inlineRow, sheetXml, workbookEntries, writeZip, zipBombXlsx } from "../fixtures/zips";
import { useDemoOrg } from "./support/demo";
import { describeOnEachEngine } from "./support/engines";
import { tableFingerprint } from "./support/fingerprint";

const MB = 1024 * 1024;
const GIT = "environments-and-version-control.uses-git-for-version-control";

describeOnEachEngine("import size limits", ({ handle }) => {
  const demo = useDemoOrg(handle, { admin: "mei-ling.chen@acme.test" });

  /** Applies the file and returns what was thrown, checking that nothing was written and memory stayed flat. */
  async function refusedApply(filename: string, bytes: Uint8Array): Promise<AppError> {
    const before = await tableFingerprint(handle().db);
    const rss = process.memoryUsage().rss;
    const error = await importRatings(demo.admin, { mode: "apply", filename, bytes }).catch((e: unknown) => e);
    expect(process.memoryUsage().rss - rss, "memory grew while refusing").toBeLessThan(100 * MB);
    expect(await tableFingerprint(handle().db)).toEqual(before);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "invalid", fieldErrors: { file: [expect.any(String)] } });
    return error as AppError;
  }

  it("refuses an XLSX zip bomb (200 MB of zeros in 200 KB) as invalid, without inflating it, and writes nothing", async () => {
    const bomb = zipBombXlsx(200);
    expect(bomb.length).toBeLessThan(300 * 1024);
    expect((await refusedApply("matrix.xlsx", bomb)).message).toMatch(/refused.*more than 50 MB/);
  });

  it("refuses an XLSX whose sheet holds far more than it declares, and writes nothing", async () => {
    const entries = workbookEntries([
      { name: "Matrix", entry: { ...deflatedZeros("sheet", 60), uncompressedSize: MB } },
    ]);
    expect((await refusedApply("matrix.xlsx", writeZip(entries))).message).toMatch(/could not be read/);
  });

  it("refuses a CSV with more than 5,000 data rows, naming the limit, and writes nothing", async () => {
    const csv = `email,${GIT}\n${Array.from({ length: 5001 }, (_, i) => `p${i}@acme.test,3`).join("\n")}\n`;
    expect((await refusedApply("matrix.csv", new TextEncoder().encode(csv))).message).toMatch(
      /more than 5,000 data rows/,
    );
  });

  it("refuses 9 MB of one-character CSV lines before parsing them, and writes nothing", async () => {
    const csv = `email\n${"a\n".repeat(4.5 * MB)}`;
    expect((await refusedApply("matrix.csv", new TextEncoder().encode(csv))).message).toMatch(
      /more than 5,000 data rows/,
    );
  });

  it("refuses a CSV row and an XLSX value beyond 500 columns, and writes nothing", async () => {
    const csv = `email,${GIT}${",x".repeat(500)}\nsofia.rossi@acme.test,3\n`;
    expect((await refusedApply("matrix.csv", new TextEncoder().encode(csv))).message).toMatch(/more than 500 columns/);
    const wide = sheetXml(inlineRow(1, ["email", GIT, ...Array.from({ length: 499 }, (_, i) => `s${i}`)]));
    expect(
      (await refusedApply("matrix.xlsx", writeZip(workbookEntries([{ name: "Matrix", xml: wide }])))).message,
    ).toMatch(/more than 500 columns/);
  });

  it("refuses an XLSX with more than 5,000 data rows, and writes nothing", async () => {
    const rows =
      inlineRow(1, ["email", GIT]) +
      Array.from({ length: 5001 }, (_, i) => inlineRow(i + 2, [`p${i}@acme.test`, "3"])).join("");
    expect(
      (await refusedApply("matrix.xlsx", writeZip(workbookEntries([{ name: "Matrix", xml: sheetXml(rows) }])))).message,
    ).toMatch(/more than 5,000 data rows/);
  });

  it("still imports a hand-built XLSX within the limits", async () => {
    const xml = sheetXml(inlineRow(1, ["email", GIT]) + inlineRow(2, ["sofia.rossi@acme.test", "n/a"]));
    const result = await importRatings(demo.admin, {
      mode: "dry-run",
      filename: "matrix.xlsx",
      bytes: writeZip(workbookEntries([{ name: "Matrix", xml }])),
    });
    expect(result).toMatchObject({ applied: false, unknownColumns: [], summary: { people: 1, invalidRows: 0 } });
    expect(result.summary.changes + result.summary.unchanged).toBe(1);
  });
});

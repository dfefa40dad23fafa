import { randomBytes } from "node:crypto";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it, vi } from "vitest";

import { inflateEntry, inspectZip, MAX_ZIP_UNCOMPRESSED_BYTES, ZipError, type ZipEntry } from "@/lib/import/zip-limits";

import { declareSize, deflated, deflatedZeros, writeZip, zipBombXlsx } from "../fixtures/zips";
import { exceljsMatrixFile } from "../support/xlsx";

// Counts every inflater the code under test creates, to show a bomb is
// refused from its central directory alone.
const inflaters = vi.hoisted(() => ({ created: 0 }));
vi.mock("fflate", async (importOriginal) => {
  const real = await importOriginal<typeof import("fflate")>();
  class CountedInflate extends real.Inflate {
    constructor(...args: ConstructorParameters<typeof real.Inflate>) {
      super(...args);
      inflaters.created++;
    }
  }
  return { ...real, Inflate: CountedInflate };
});

const MB = 1024 * 1024;
const rss = () => process.memoryUsage().rss;

function inflateAll(bytes: Uint8Array, entry: ZipEntry): { bytes: Uint8Array; delivered: number } {
  const chunks: Uint8Array[] = [];
  let delivered = 0;
  inflateEntry(bytes, entry, (chunk) => {
    delivered += chunk.length;
    chunks.push(chunk.slice());
  });
  const out = new Uint8Array(delivered);
  let at = 0;
  for (const c of chunks) out.set(c, (at += c.length) - c.length);
  return { bytes: out, delivered };
}

const refused = (bytes: Uint8Array) => {
  const result = inspectZip(bytes);
  if (result.ok) throw new Error("expected the zip to be refused");
  return result;
};

describe("inspecting an uploaded zip before anything is inflated", () => {
  it("accepts a real XLSX written by exceljs, and every part inflates to the size it declares", async () => {
    const bytes = await exceljsMatrixFile();
    const result = inspectZip(bytes);
    if (!result.ok) throw new Error(result.reason);
    expect(result.entries.map((e) => e.name)).toEqual(
      expect.arrayContaining(["[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"]),
    );
    for (const entry of result.entries) expect(inflateAll(bytes, entry).delivered).toBe(entry.uncompressedSize);
  });

  it("accepts a small XLSX-like zip (fflate's zipSync) and gives back each part's content", () => {
    const sheet =
      '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>email</t></is></c></row></sheetData></worksheet>';
    const bytes = zipSync({
      "xl/workbook.xml": strToU8("<workbook/>"),
      "xl/worksheets/sheet1.xml": [strToU8(sheet), { level: 0 }],
      "docProps/": new Uint8Array(0),
    });
    const result = inspectZip(bytes);
    if (!result.ok) throw new Error(result.reason);
    const entry = result.entries.find((e) => e.name === "xl/worksheets/sheet1.xml")!;
    expect(entry.method).toBe(0);
    expect(new TextDecoder().decode(inflateAll(bytes, entry).bytes)).toBe(sheet);
    expect(result.uncompressedBytes).toBe(sheet.length + "<workbook/>".length);
  });

  it("refuses 200 MB of zeros (about 200 KB zipped) from the declared sizes alone, without inflating a byte", () => {
    const bomb = zipBombXlsx(200);
    expect(bomb.length).toBeLessThan(300 * 1024);
    const [before, created] = [rss(), inflaters.created];
    const result = refused(bomb);
    expect(result).toMatchObject({ malformed: false, reason: expect.stringMatching(/more than 50 MB/) });
    expect(inflaters.created).toBe(created);
    expect(rss() - before).toBeLessThan(100 * MB);
  });

  it("refuses one part compressed more than 200:1 even when the whole stays under the size cap", () => {
    const result = refused(writeZip([deflated("a.xml", "<a/>"), deflatedZeros("big.xml", 10)]));
    expect(result.reason).toMatch(/compressed more than 200:1/);
  });

  it("refuses more than 1,000 files", () => {
    const files = Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`f${i}.xml`, strToU8("<x/>")]));
    expect(refused(zipSync(files)).reason).toMatch(/more than 1,000 files/);
    expect(inspectZip(zipSync(Object.fromEntries(Object.entries(files).slice(0, 1000)))).ok).toBe(true);
  });

  it("stops inflating a part that declares less than it holds as soon as the output passes the declared size", () => {
    // 60 MB of zeros declared as 1 MB: the directory looks harmless.
    const bytes = writeZip([declareSize(deflatedZeros("sheet.xml", 60), MB)]);
    const result = inspectZip(bytes);
    if (!result.ok) throw new Error(result.reason);
    let delivered = 0;
    const before = rss();
    expect(() => inflateEntry(bytes, result.entries[0]!, (c) => (delivered += c.length))).toThrow(ZipError);
    expect(delivered).toBeLessThanOrEqual(MB);
    expect(rss() - before).toBeLessThan(100 * MB);
  });

  it("refuses a part that holds less than it declares", () => {
    const bytes = writeZip([declareSize(deflated("sheet.xml", "<worksheet/>"), 5000)]);
    const result = inspectZip(bytes);
    if (!result.ok) throw new Error(result.reason);
    expect(() => inflateEntry(bytes, result.entries[0]!, () => {})).toThrow(/less than it declares/);
  });

  it("never lets the declared total exceed the cap, so inflating within declared sizes bounds the output", () => {
    // Incompressible bodies keep each part under 200:1, so only the total is at fault.
    const parts = Array.from({ length: 6 }, (_, i) => declareSize(deflated(`p${i}.bin`, randomBytes(60_000)), 10 * MB));
    expect(refused(writeZip(parts)).reason).toMatch(/more than 50 MB/);
    expect(inspectZip(writeZip(parts.slice(0, 5))).ok).toBe(true);
    expect(MAX_ZIP_UNCOMPRESSED_BYTES).toBe(50 * MB);
  });

  it("calls malformed archives malformed: not a zip, truncated, pointing outside the file, overlapping or duplicated parts", () => {
    const good = writeZip([deflated("a.xml", "<a/>"), deflated("b.xml", "<b/>")]);
    const cases: Uint8Array[] = [
      strToU8("not a zip"),
      new Uint8Array(0),
      good.slice(0, good.length - 5),
      good.slice(10),
    ];
    const pointingOutside = good.slice();
    new DataView(pointingOutside.buffer).setUint32(pointingOutside.length - 6, 1 << 30, true);
    cases.push(pointingOutside);
    // b's directory record (the second) points at a's local header: two names, one body.
    const overlapping = good.slice();
    const view = new DataView(overlapping.buffer);
    const directory = view.getUint32(overlapping.length - 6, true);
    view.setUint32(directory + 46 + 5 + 42, 0, true);
    cases.push(overlapping);
    cases.push(writeZip([deflated("a.xml", "<a/>"), deflated("a.xml", "<b/>")]));
    for (const bytes of cases) expect(refused(bytes)).toMatchObject({ malformed: true });
  });

  it("refuses encrypted parts, unknown compression methods and stored parts whose sizes disagree", () => {
    const part = deflated("a.xml", "<a/>");
    expect(refused(writeZip([{ ...part, flags: 0x801 }])).reason).toMatch(/password/);
    expect(refused(writeZip([{ ...part, method: 12 }])).reason).toMatch(/compression/);
    expect(refused(writeZip([{ ...part, method: 0, uncompressedSize: part.data.length + 1 }]))).toMatchObject({
      malformed: true,
    });
  });

  it("calls a damaged deflate stream a ZipError, never anything else", () => {
    const part = deflated("a.xml", "<a>".repeat(1000));
    const bytes = writeZip([{ ...part, data: part.data.map((b, i) => (i > 2 ? b ^ 0x5a : b)) }]);
    const result = inspectZip(bytes);
    if (!result.ok) throw new Error(result.reason);
    expect(() => inflateEntry(bytes, result.entries[0]!, () => {})).toThrow(ZipError);
  });

  it("lets an error from the consumer through unchanged", () => {
    const bytes = writeZip([deflated("a.xml", "<a/>")]);
    const result = inspectZip(bytes);
    if (!result.ok) throw new Error(result.reason);
    class Stop extends Error {}
    expect(() =>
      inflateEntry(bytes, result.entries[0]!, () => {
        throw new Stop();
      }),
    ).toThrow(Stop);
  });
});

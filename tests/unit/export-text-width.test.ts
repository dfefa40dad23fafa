import { describe, expect, it } from "vitest";

import { displayWidth, fitWidth, wrappedLines } from "@/lib/export/text-width";

describe("text widths for spreadsheet columns", () => {
  it("counts East Asian wide characters twice", () => {
    expect(displayWidth("Git")).toBe(3);
    expect(displayWidth("使用 Git")).toBe(8);
    expect(displayWidth("ＡＢ")).toBe(4);
  });

  it("wraps at spaces, between CJK characters, and splits words longer than a line", () => {
    expect(wrappedLines("Uses Git for version control", 13)).toBe(3);
    expect(wrappedLines("short", 13)).toBe(1);
    expect(wrappedLines("", 13)).toBe(1);
    expect(wrappedLines("使用版本控制管理程式碼", 13)).toBe(2);
    expect(wrappedLines("a".repeat(30), 13)).toBe(3);
    expect(wrappedLines("ab cd", 5)).toBe(1);
    expect(wrappedLines("ab cde", 5)).toBe(2);
  });

  it("fits a column to its widest text, with room for wider fonts, within bounds", () => {
    expect(fitWidth(["Ana", null, 3], { min: 10, max: 30 })).toBe(10);
    expect(fitWidth(["Mei-Ling Chen (Data Engineering)"], { min: 10, max: 30 })).toBe(30);
    expect(fitWidth(["marta.kowalska@acme.test"], { min: 10, max: 40 })).toBe(30);
    expect(fitWidth(["陳美玲"], { min: 4, max: 30 })).toBe(9);
  });
});

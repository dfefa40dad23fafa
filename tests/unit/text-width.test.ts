import { describe, expect, it } from "vitest";

import { estimateTextWidth, fitText, labelColumnWidth, wrapText } from "@/lib/charts/text-width";

describe("label width estimates", () => {
  it("counts CJK glyphs as a full em, Latin letters as less", () => {
    expect(estimateTextWidth("模型部署與服務", 12)).toBe(7 * 12);
    expect(estimateTextWidth("，（）", 10)).toBe(30);
    const latin = estimateTextWidth("Model deployment", 12);
    expect(latin).toBeGreaterThan(16 * 12 * 0.5);
    expect(latin).toBeLessThan(16 * 12 * 0.75);
  });

  it("is never narrower than DejaVu Sans, the widest font the app may fall back to", () => {
    // getComputedTextLength() at 12 px in Debian's Chromium with the app's font stack (DejaVu Sans).
    const measured: [string, number][] = [
      ["Automated Governance and Compliance", 243.7],
      ["Continuous training and evaluation", 211.4],
      ["Designs model naming conventions and version management", 372.9],
      ["MLOps WWW mmm iii 0123456789", 212.2],
      ["Canary / shadow / A-B serving", 180.2],
      ["Data Engineering · Yu-Ting Tsai", 184.3],
    ];
    for (const [text, px] of measured) expect(estimateTextWidth(text, 12)).toBeGreaterThanOrEqual(px);
  });

  it("keeps text that fits and shortens text that does not, with an ellipsis inside the width", () => {
    expect(fitText("Serving", 100, 12)).toEqual({ text: "Serving", truncated: false });
    const cut = fitText("Designs model naming conventions and version management", 150, 12);
    expect(cut.truncated).toBe(true);
    expect(cut.text.endsWith("…")).toBe(true);
    expect(estimateTextWidth(cut.text, 12)).toBeLessThanOrEqual(150);
    const zh = fitText("設計模型命名規則與版本管理機制", 60, 12);
    expect(zh).toEqual({ text: "設計模型…", truncated: true });
  });

  it("sizes a label column from its longest label, within bounds", () => {
    expect(labelColumnWidth(["a", "b"], 12, { min: 80, max: 300 })).toBe(80);
    expect(labelColumnWidth(["短", "這是一個比較長的名稱"], 12, { min: 40, max: 300, pad: 8 })).toBe(10 * 12 + 8);
    expect(labelColumnWidth(["x".repeat(200)], 12, { min: 40, max: 300 })).toBe(300);
  });
});

describe("wrapping labels", () => {
  it("breaks Latin text between words and keeps short text on one line", () => {
    expect(wrapText("Serving", 100, 12)).toEqual({ lines: ["Serving"], truncated: false });
    expect(wrapText("Automated Governance and Compliance", 160, 12)).toEqual({
      lines: ["Automated Governance", "and Compliance"],
      truncated: false,
    });
  });

  it("breaks CJK text between any two characters", () => {
    expect(wrapText("自動化治理與合規性", 60, 12)).toEqual({ lines: ["自動化治理", "與合規性"], truncated: false });
  });

  it("shortens the last line with an ellipsis when the text needs more lines", () => {
    const { lines, truncated } = wrapText("Designs model naming conventions and version management", 120, 12);
    expect(truncated).toBe(true);
    expect(lines).toHaveLength(2);
    expect(lines[1]!.endsWith("…")).toBe(true);
    for (const l of lines) expect(estimateTextWidth(l, 12)).toBeLessThanOrEqual(120);
  });

  it("shortens a single word wider than the line", () => {
    const { lines, truncated } = wrapText("Supercalifragilisticexpialidocious", 80, 12, 1);
    expect(truncated).toBe(true);
    expect(lines).toHaveLength(1);
    expect(estimateTextWidth(lines[0]!, 12)).toBeLessThanOrEqual(80);
  });
});

describe("a label column and its labels agree", () => {
  it("keeps the longest label whole in the column sized for it", () => {
    for (const labels of [
      ["Canary / Shadow / A-B 服務", "模型註冊中心"],
      ["Model registry", "Continuous training and evaluation"],
    ]) {
      const width = labelColumnWidth(labels, 12, { min: 60, max: 400 });
      for (const label of labels) expect(fitText(label, width, 12)).toEqual({ text: label, truncated: false });
    }
  });
});

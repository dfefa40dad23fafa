import { describe, expect, it } from "vitest";

import { levelAccent } from "@/components/roadmap/level-accent";
import { meanColor, proficiencyColor, textColorOn } from "@/lib/charts/colors";
import { contrastRatio, relativeLuminance } from "@/lib/charts/contrast";
import { GAP_DOMAIN, gapColor } from "@/lib/charts/gap-scale";

const AA = 4.5;
const range = (from: number, to: number, step: number) =>
  Array.from({ length: Math.round((to - from) / step) + 1 }, (_, i) => from + i * step);

describe("WCAG 2.x contrast", () => {
  it("computes relative luminance and contrast ratios as WCAG defines them", () => {
    expect(relativeLuminance("#ffffff")).toBeCloseTo(1, 6);
    expect(relativeLuminance("#000000")).toBe(0);
    expect(relativeLuminance("#777777")).toBeCloseTo(0.1845, 3);
    expect(relativeLuminance("rgb(255, 0, 0)")).toBeCloseTo(0.2126, 4);
    expect(contrastRatio("#ffffff", "#000000")).toBeCloseTo(21, 6);
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 6);
    // The cases real use found: white on viridis 2 and on the gap scale's −2.
    expect(contrastRatio("#ffffff", "#21918c")).toBeCloseTo(3.82, 2);
    expect(contrastRatio("#ffffff", "rgb(208, 117, 19)")).toBeCloseTo(3.37, 2);
  });

  it("labels viridis 2 and the gap scale's −2 in black, not white", () => {
    expect(textColorOn("#21918c")).toBe("#000000");
    expect(textColorOn(gapColor(-2))).toBe("#000000");
  });

  it("picks whichever of black and white contrasts more", () => {
    expect(textColorOn("#ffffff")).toBe("#000000");
    expect(textColorOn("#481f70")).toBe("#ffffff");
    expect(textColorOn("rgb(45, 0, 75)")).toBe("#ffffff");
  });
});

describe("every colour a chart prints text on reaches AA (4.5:1)", () => {
  const cases: [string, string[]][] = [
    ["proficiency 0–4", range(0, 4, 1).map(proficiencyColor)],
    ["category means 0.0–4.0", range(0, 4, 0.01).map(meanColor)],
    ["gap balance (clamped)", range(GAP_DOMAIN[2] - 1, GAP_DOMAIN[0] + 1, 0.05).map(gapColor)],
    [
      "level accents, 1–10 levels",
      range(1, 10, 1).flatMap((count) => range(0, count - 1, 1).map((p) => levelAccent(p, count))),
    ],
  ];
  for (const [name, colours] of cases) {
    it(name, () => {
      const failing = colours
        .filter((c) => contrastRatio(textColorOn(c), c) < AA)
        .map((c) => `${c} ${contrastRatio(textColorOn(c), c).toFixed(2)}`);
      expect(failing).toEqual([]);
    });
  }
});

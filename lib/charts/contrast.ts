import { rgb } from "d3";

// WCAG 2.x contrast, for picking the colour of text printed on a chart's
// fills. A luminance threshold is not enough: mid-tone fills (viridis 2, the
// gap scale's −2) passed one yet gave white text 3.4–3.8:1. Choosing by the
// ratio itself, between pure black and pure white, always reaches at least
// √21 ≈ 4.58:1, above AA's 4.5:1 for normal text, whatever the fill.

export const TEXT_DARK = "#000000";
export const TEXT_LIGHT = "#ffffff";

/** sRGB channel (0–255) to linear light, as in WCAG 2.x's relative luminance. */
const linear = (channel: number) => {
  const s = channel / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};

/** Relative luminance of any CSS colour d3 can parse ("#21918c", "rgb(208, 117, 19)"), 0 (black) to 1 (white). */
export function relativeLuminance(color: string): number {
  const { r, g, b } = rgb(color);
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG contrast ratio of two colours, 1 to 21, whichever order they come in. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Black or white text, whichever has the higher contrast ratio with the fill. */
export function textColorOn(fill: string): string {
  return contrastRatio(TEXT_DARK, fill) >= contrastRatio(TEXT_LIGHT, fill) ? TEXT_DARK : TEXT_LIGHT;
}

import { interpolateViridis, scaleSequential } from "d3";
import { NOT_APPLICABLE, UNRATED } from "@/lib/analytics/matrix";

// Proficiency on viridis (perceptually uniform, colour-blind safe): 0 is
// light yellow-green, 4 is deep purple, so "more" reads as "darker". Not
// rated and not applicable are not colours on the scale at all: blank with a
// dotted border, and grey with a diagonal hatch.
const scale = scaleSequential(interpolateViridis).domain([4.4, -0.4]);

export const UNRATED_FILL = "#ffffff";
export const NA_FILL = "#d9dbe1";

export function proficiencyColor(value: number): string {
  if (value === UNRATED) return UNRATED_FILL;
  if (value === NOT_APPLICABLE) return NA_FILL;
  return scale(value);
}

/** A mean (category roll-up) on the same scale; null reads as not rated. */
export function meanColor(mean: number | null): string {
  return mean === null ? UNRATED_FILL : scale(mean);
}

/** Black or white text, whichever contrasts with the fill (WCAG relative luminance). */
export function textColorOn(fill: string): string {
  const hex = fill.startsWith("#") ? fill.slice(1) : "";
  let rgb: number[];
  if (hex.length === 6) rgb = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  else {
    const m = /rgb\((\d+),\s*(\d+),\s*(\d+)\)/.exec(fill);
    rgb = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [255, 255, 255];
  }
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  return luminance > 0.3 ? "#111827" : "#ffffff";
}

/** The glyph drawn in a cell: the number, "–" for not applicable, nothing when not rated. */
export function cellGlyph(value: number): string {
  if (value === UNRATED) return "";
  if (value === NOT_APPLICABLE) return "–";
  return String(value);
}

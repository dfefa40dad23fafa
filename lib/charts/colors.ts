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

// Text on a fill is black or white by WCAG contrast ratio (lib/charts/contrast.ts).
export { textColorOn } from "./contrast";

/** The glyph drawn in a cell: the number, "–" for not applicable, nothing when not rated. */
export function cellGlyph(value: number): string {
  if (value === UNRATED) return "";
  if (value === NOT_APPLICABLE) return "–";
  return String(value);
}

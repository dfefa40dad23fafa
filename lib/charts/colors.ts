import { interpolateViridis, scaleSequential } from "d3";

import { NOT_APPLICABLE, UNRATED } from "@/lib/analytics/matrix";

// Proficiency on viridis (perceptually uniform, colour-blind safe): 0 is
// light yellow-green, 4 is deep purple, so "more" reads as "darker". Not
// rated and not applicable are not colours on the scale at all: blank with a
// dotted border, and grey with a diagonal hatch.
const scale = scaleSequential(interpolateViridis).domain([4.4, -0.4]);

export const UNRATED_FILL = "#ffffff";
export const NA_FILL = "#d9dbe1";

/**
 * Every other colour the charts and badges draw with, named by what it means.
 * Ink on a fill of the same group reaches AA (tests/unit/contrast.test.ts).
 */
export const palette = {
  /** The dashed border of a not-rated cell: interactive heatmap and its legend. */
  unratedBorder: "#b8bcc8",
  /** The same border where the grid is drawn small or static (report, roll-up, canvas). */
  emptyBorder: "#c5c9d3",
  /** The hatch over not-applicable cells, and the ink of their glyph. */
  naHatch: "#9aa0ad",
  naInk: "#374151",
  /** The border of a cell with no value in the gap chart. */
  noValueBorder: "#e5e7eb",
  /** The ring around the cell under the pointer or keyboard focus. */
  focusRing: "#e11d48",
  /** The rule between teams on the org canvas. */
  teamRule: "#6b7280",
  /** A series over time (sparkline, readiness trend) and a lead's marker on it. */
  series: "#31688e",
  leadMarkerFill: "#b5de2b",
  leadMarkerStroke: "#440154",
  /** Readiness bars: ready, half way, far off; also the rating sheet's progress. */
  ready: "#21918c",
  halfReady: "#5ec962",
  farOff: "#fdae61",
  /** Coverage risks: nobody holds the skill, or only one person does. */
  missingFill: "#fde2e1",
  missingStroke: "#b91c1c",
  missingInk: "#991b1b",
  singleFill: "#fef3c7",
  singleStroke: "#b45309",
  singleInk: "#92400e",
  /** Recommendations (train, hire, both) and a resolved plan item (same as train: done by growing). */
  trainFill: "#d9f0d3",
  trainInk: "#1b5e20",
  hireFill: "#fde0c5",
  hireInk: "#7f3b08",
  trainHireFill: "#e7d4e8",
  trainHireInk: "#40004b",
  /** Skillgrid's mark: four stops of viridis. */
  logo: ["#fde725", "#35b779", "#31688e", "#440154"],
} as const;

/** Fill, ink and border of a badge in one of the palette's pairs. */
export const badgeColors = (fill: string, ink: string) => ({ backgroundColor: fill, color: ink, borderColor: ink });

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

/** What a not-applicable cell shows instead of a number. */
export const NA_GLYPH = "–";

/** The glyph drawn in a cell: the number, NA_GLYPH for not applicable, nothing when not rated. */
export function cellGlyph(value: number): string {
  if (value === UNRATED) return "";
  if (value === NOT_APPLICABLE) return NA_GLYPH;
  return String(value);
}

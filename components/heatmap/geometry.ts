import { labelColumnWidth } from "@/lib/charts/text-width";

// Sizes of the grid. Small grids get cells large enough for a number; large
// ones (the org view) get compact cells and a canvas.
export const CANVAS_THRESHOLD = 4000;

export type Geometry = {
  cw: number;
  ch: number;
  labelWidth: number;
  levelBand: number;
  categoryBand: number;
  skillLabels: number;
  glyphs: boolean;
};

/** Font size (px) of the row labels: the SVG grid's, and the canvas grid's (smaller rows). */
export const rowLabelFont = (g: Pick<Geometry, "glyphs">) => (g.glyphs ? 12 : 11);

/**
 * The grid's geometry. The label column is as wide as the longest of
 * `labels` (the row names and the coverage strip's captions), within bounds;
 * longer names are shortened, in full in a tooltip.
 */
export function geometryFor(cells: number, labels: readonly string[]): Geometry {
  const large = cells > CANVAS_THRESHOLD;
  return {
    cw: large ? 16 : 26,
    ch: large ? 14 : 26,
    labelWidth: labelColumnWidth(labels, rowLabelFont({ glyphs: !large }), { min: 120, max: 320, pad: 20 }),
    levelBand: 20,
    categoryBand: 24,
    skillLabels: 170,
    glyphs: !large,
  };
}

export const headerHeight = (g: Geometry) => g.levelBand + g.categoryBand + g.skillLabels;

// Sizes of the grid. Small grids get cells large enough for a number; large
// ones (the org view) get compact cells and a canvas.
export const CANVAS_THRESHOLD = 4000;

export type Geometry = { cw: number; ch: number; labelWidth: number; levelBand: number; categoryBand: number; skillLabels: number; glyphs: boolean };

export function geometryFor(cells: number, hasTeams: boolean): Geometry {
  const large = cells > CANVAS_THRESHOLD;
  return {
    cw: large ? 16 : 26,
    ch: large ? 14 : 26,
    labelWidth: hasTeams ? 250 : 190,
    levelBand: 20,
    categoryBand: 24,
    skillLabels: 170,
    glyphs: !large,
  };
}

export const headerHeight = (g: Geometry) => g.levelBand + g.categoryBand + g.skillLabels;

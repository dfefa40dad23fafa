import { interpolateViridis } from "d3";

/** A colour per level along viridis (colour-blind safe), from first to last level. */
export function levelAccent(position: number, count: number): string {
  const t = count <= 1 ? 0.5 : 0.15 + (0.7 * (count - 1 - position)) / (count - 1);
  return interpolateViridis(t);
}

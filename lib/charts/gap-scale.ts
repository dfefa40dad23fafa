import { interpolatePuOr, scaleDiverging } from "d3";

/** Coverage − need, from surplus to short: the diverging scale's domain (centred on zero). */
export const GAP_DOMAIN = [3, 0, -3] as const;

// PuOr (colour-blind safe): orange where a team is short, purple where it has
// a surplus, near white when the need is just met. Beyond ±3 the colour holds.
const scale = scaleDiverging(interpolatePuOr).domain(GAP_DOMAIN).clamp(true);

export function gapColor(balance: number): string {
  return scale(balance);
}

// The default rating function of the synthetic org: deterministic from the
// seed, with realistic structure (people are stronger at lower levels and in
// their team's focus, and grow a little each quarter). Other tools can import
// this file (or pass their own with --rating-fn) to get identical data.

export type RatingContext = {
  seed: number;
  team: number;
  member: number;
  skill: number;
  level: number;
  quarterIndex: number;
  memberLevel: number;
};
export type SyntheticRating = { proficiency: number | null; interest: number };

/** A small, fast, seedable hash → [0, 1). */
export function unit(...parts: number[]): number {
  let h = 2166136261;
  for (const p of parts) {
    h ^= p + 0x9e3779b9 + (h << 6) + (h >>> 2);
    h = Math.imul(h, 16777619);
  }
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return (h >>> 0) / 4294967296;
}

export function rate(c: RatingContext): SyntheticRating {
  const talent = (unit(c.seed, c.team, c.member, c.skill) - 0.5) * 2.2;
  const focus = unit(c.seed, c.team, c.skill, 7) < 0.25 ? 0.8 : 0;
  const latent = 2.2 + (c.memberLevel - c.level) * 1.1 + talent + focus + c.quarterIndex * 0.15;
  const na = unit(c.seed, c.member, c.skill, 3) < 0.02;
  return {
    proficiency: na ? null : Math.max(0, Math.min(4, Math.round(latent))),
    interest: Math.floor(unit(c.seed, c.member, c.skill, 11) * 3),
  };
}

import type { RatingSource } from "./schema";

/** The latest rating row of one kind for a member × skill: who wrote it. */
export type Rater = { id: string; name: string };

/**
 * Who entered a member's effective rating (validated where present, else
 * self): the lead; the member; or someone else on the member's behalf. An
 * import writes self ratings whose rater is the importer (lib/data/import.ts),
 * so a self rating by anyone but the member is "imported".
 */
export function ratingProvenance({
  userId,
  hasValidated,
  hasSelf,
  lead,
  self,
}: {
  userId: string;
  hasValidated: boolean;
  hasSelf: boolean;
  lead: Rater | null;
  self: Rater | null;
}): { source: RatingSource | null; ratedBy: string | null } {
  if (hasValidated) return { source: "lead", ratedBy: lead?.name ?? null };
  if (!hasSelf) return { source: null, ratedBy: null };
  if (self && self.id !== userId) return { source: "imported", ratedBy: self.name };
  return { source: "self", ratedBy: self?.name ?? null };
}

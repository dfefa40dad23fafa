import { z } from "zod";

import type { PriorityItem, Recommendation } from "./gaps";

/**
 * The facts behind a priority item's reason: codes, numbers and people's
 * names, never sentences. Stored with accepted plan items (plan_items.
 * reason_facts) so that every page renders the reason in the viewer's
 * language, with the skill named from the roadmap in that language.
 */
export type ReasonFacts = {
  recommendation: Recommendation;
  skillKey: string;
  level: number;
  headcount: number;
  coverage: number;
  gap: number;
  /** Members within two points below the level, interested or not. */
  near: number;
  /** Interested members within two points: interest 1 = interested, 2 = eager. */
  candidates: { name: string; current: number; interest: number }[];
};

const count = z.int().min(0).max(100_000);

/** What a stored reason_facts value must look like to be rendered; anything else falls back to the stored text. */
export const reasonFactsSchema = z.object({
  recommendation: z.enum(["train", "hire", "train_hire"]),
  skillKey: z.string().min(1).max(200),
  level: z.int().min(0).max(4),
  headcount: count,
  coverage: count,
  gap: count,
  near: count,
  candidates: z
    .array(z.object({ name: z.string().max(200), current: z.int().min(0).max(4), interest: z.int().min(0).max(2) }))
    .max(1000),
}) satisfies z.ZodType<ReasonFacts>;

export function reasonFactsOf(item: PriorityItem): ReasonFacts {
  return {
    recommendation: item.recommendation,
    skillKey: item.skillKey,
    level: item.level,
    headcount: item.headcount,
    coverage: item.coverage,
    gap: item.gap,
    near: item.near,
    candidates: item.candidates.map((c) => ({ name: c.name, current: c.current, interest: c.interest })),
  };
}

/** Stored facts, or null when absent (items accepted before facts) or not in the expected shape. */
export function parseReasonFacts(value: unknown): ReasonFacts | null {
  const parsed = reasonFactsSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/**
 * A plain-English sentence for a priority item: the plan_items.reason text
 * (what older readers of the table and the audit log see) and the
 * spreadsheet export's explanation column. Pages render ReasonFacts instead.
 */
export function explainItem(item: PriorityItem): string {
  const interested = item.candidates.length;
  const who = item.candidates
    .slice(0, 3)
    .map((c) => `${c.name} (${c.current}${c.interest === 2 ? ", eager" : ""})`)
    .join(", ");
  const need = `needs ${item.headcount} at ≥ ${item.level} on ${item.skillName}, has ${item.coverage}`;
  if (item.recommendation === "hire") {
    return item.near === 0
      ? `hire: nobody is within two points of level ${item.level} on ${item.skillName}; 0 interested (${need})`
      : `hire: ${item.near} within two points of level ${item.level} on ${item.skillName} but none interested (${need})`;
  }
  if (item.recommendation === "train")
    return `train: ${interested} interested within two points can close the gap of ${item.gap} — ${who} (${need})`;
  return `train + hire: ${interested} interested within two points for a gap of ${item.gap} — ${who}; hire ${item.gap - interested} (${need})`;
}

import { lastQuarters, quarterEnd } from "@/lib/quarters";

type CycleAt = { quarter: string; status: string; closedAt: Date | null };

/** The quarter asked for, and the one moment every part of its payload is read at. */
export type Moment = { quarter: string; currentQuarter: string; asOf: Date; live: boolean; cycles: CycleAt[] };

/**
 * The moment a quarter's numbers are read at: a closed cycle is frozen at its
 * close date (ratings, memberships, levels, targets, plan items and roadmap
 * versions are all read from append-only history as of then, so nothing later
 * can change it: db/queries/team-as-of.ts); a past quarter without a closed
 * cycle at its end; the current quarter now.
 */
export function asOfFor(quarter: string, currentQuarter: string, now: Date, cycles: CycleAt[]): Date {
  const cycle = cycles.find((c) => c.quarter === quarter);
  if (cycle?.status === "closed" && cycle.closedAt) return cycle.closedAt < now ? cycle.closedAt : now;
  return quarter === currentQuarter ? now : quarterEnd(quarter);
}

/** The quarters a page offers: every cycle's and the last four, none after the current one, oldest first. */
export function quartersToPick({ cycles, currentQuarter }: Pick<Moment, "cycles" | "currentQuarter">): string[] {
  const offered = new Set([...cycles.map((c) => c.quarter), ...lastQuarters(currentQuarter, 4)]);
  return [...offered].filter((q) => q <= currentQuarter).sort();
}

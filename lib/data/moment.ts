import "server-only";
import { asc } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { assessmentCycles } from "@/db/schema";
import { lastQuarters, quarterEnd, quarterOf } from "@/lib/quarters";

/** The quarter asked for, and the one moment every part of its payload is read at. */
export type Moment = { quarter: string; currentQuarter: string; asOf: Date; live: boolean; cycles: { quarter: string; status: string; closedAt: Date | null }[] };

export async function readMoment(db: DbOrTx, asked: string | null): Promise<Moment> {
  const now = new Date();
  const currentQuarter = quarterOf(now);
  const quarter = asked && asked <= currentQuarter ? asked : currentQuarter;
  const cycles = await db.select({ quarter: assessmentCycles.quarter, status: assessmentCycles.status, closedAt: assessmentCycles.closedAt }).from(assessmentCycles).orderBy(asc(assessmentCycles.quarter));
  const asOf = asOfFor(quarter, currentQuarter, now, cycles);
  // The current quarter (no closed cycle) is read from ratings_current.
  return { quarter, currentQuarter, asOf, live: quarter === currentQuarter && asOf.getTime() === now.getTime(), cycles };
}

/**
 * The moment a quarter's numbers are read at: a closed cycle is frozen at its
 * close date (ratings, memberships, levels, targets, plan items and roadmap
 * versions are all read from append-only history as of then, so nothing later
 * can change it: db/queries/team-as-of.ts); a past quarter without a closed
 * cycle at its end; the current quarter now.
 */
export function asOfFor(quarter: string, currentQuarter: string, now: Date, cycles: { quarter: string; status: string; closedAt: Date | null }[]): Date {
  const cycle = cycles.find((c) => c.quarter === quarter);
  if (cycle?.status === "closed" && cycle.closedAt) return cycle.closedAt < now ? cycle.closedAt : now;
  return quarter === currentQuarter ? now : quarterEnd(quarter);
}


/** The quarters a page offers: every cycle's and the last four, none after the current one, oldest first. */
export function quartersToPick({ cycles, currentQuarter }: Pick<Moment, "cycles" | "currentQuarter">): string[] {
  return [...new Set([...cycles.map((c) => c.quarter), ...lastQuarters(currentQuarter, 4)])].filter((q) => q <= currentQuarter).sort();
}

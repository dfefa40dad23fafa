import { asc } from "drizzle-orm";

import { asOfFor, type Moment } from "@/lib/analytics/moment";
import { quarterOf } from "@/lib/quarters";

import type { DbOrTx } from "../client";
import { assessmentCycles } from "../schema";

/** The quarter asked for (none or a future one: the current quarter) and the moment it is read at. */
export async function readMoment(db: DbOrTx, asked: string | null): Promise<Moment> {
  const now = new Date();
  const currentQuarter = quarterOf(now);
  const quarter = asked && asked <= currentQuarter ? asked : currentQuarter;
  const cycles = await db
    .select({ quarter: assessmentCycles.quarter, status: assessmentCycles.status, closedAt: assessmentCycles.closedAt })
    .from(assessmentCycles)
    .orderBy(asc(assessmentCycles.quarter));
  const asOf = asOfFor(quarter, currentQuarter, now, cycles);
  // The current quarter (no closed cycle) is read from ratings_current.
  const live = quarter === currentQuarter && asOf.getTime() === now.getTime();
  return { quarter, currentQuarter, asOf, live, cycles };
}

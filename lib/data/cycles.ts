import "server-only";

import { and, asc, desc, eq } from "drizzle-orm";

import { getDb } from "@/db/client";
import { writeAudit } from "@/db/queries/audit";
import { dropRatingsSnapshot, takeRatingsSnapshot } from "@/db/queries/closed-quarter";
import { enqueueWebhookEvent } from "@/db/queries/webhooks";
import { assessmentCycles } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { conflict, notFound } from "@/lib/errors";
import { notifyCycleClosed, notifyCycleOpened } from "@/lib/notifications/triggers";
import { addQuarters, quarterOf } from "@/lib/quarters";
import { closeCycleSchema, openCycleSchema, reopenCycleSchema } from "@/lib/validations/cycles";
import { cycleClosedEvent, cycleOpenedEvent } from "@/lib/webhooks/payloads";

import { parseInput, requirePermission, requireSignedIn } from "./guard";

export type CycleDto = {
  id: string;
  quarter: string;
  startsOn: string;
  endsOn: string;
  status: "planned" | "open" | "closed";
  closedAt: string | null;
};

export async function listCycles(viewer: Viewer | null): Promise<CycleDto[]> {
  requireSignedIn(viewer);
  const rows = await getDb().select().from(assessmentCycles).orderBy(asc(assessmentCycles.quarter));
  return rows.map((c) => ({
    id: c.id,
    quarter: c.quarter,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    status: c.status,
    closedAt: c.closedAt?.toISOString() ?? null,
  }));
}

/** Opens a quarter's assessment cycle (one open cycle at a time). */
export async function openCycle(viewer: Viewer | null, raw: unknown): Promise<{ id: string }> {
  const v = requirePermission(viewer, "cycle:manage");
  const input = parseInput(openCycleSchema, raw);
  return getDb().transaction(async (tx) => {
    const [open] = await tx.select().from(assessmentCycles).where(eq(assessmentCycles.status, "open"));
    if (open) throw conflict(`Close ${open.quarter} before opening another cycle.`);
    const [existing] = await tx.select().from(assessmentCycles).where(eq(assessmentCycles.quarter, input.quarter));
    if (existing) throw conflict(`${input.quarter} already has a cycle (${existing.status}).`);
    const [row] = await tx
      .insert(assessmentCycles)
      .values({ ...input, status: "open" })
      .returning();
    await writeAudit(tx, { actor: v, action: "cycle.opened", entityType: "cycle", entityId: row!.id, after: row });
    await enqueueWebhookEvent(tx, "cycle.opened", cycleOpenedEvent(row!));
    await notifyCycleOpened(tx, row!);
    return { id: row!.id };
  });
}

/**
 * Closes a cycle: from now on its quarter is read as of the close date, so
 * later ratings (append-only, always dated later) never change its numbers.
 * Its ratings as of the close are taken in the same transaction
 * (db/queries/closed-quarter.ts), so the quarter reads as fast as a live one.
 */
export async function closeCycle(viewer: Viewer | null, raw: unknown): Promise<void> {
  const v = requirePermission(viewer, "cycle:manage");
  const input = parseInput(closeCycleSchema, raw);
  await getDb().transaction(async (tx) => {
    const [row] = await tx
      .update(assessmentCycles)
      .set({ status: "closed", closedAt: new Date(), closedById: v.id })
      .where(and(eq(assessmentCycles.id, input.cycleId), eq(assessmentCycles.status, "open")))
      .returning();
    if (!row) throw notFound("There is no open cycle with that id.");
    await takeRatingsSnapshot(tx, row.id, row.closedAt!);
    await notifyCycleClosed(tx, { ...row, closedAt: row.closedAt! });
    await writeAudit(tx, {
      actor: v,
      action: "cycle.closed",
      entityType: "cycle",
      entityId: row.id,
      after: { quarter: row.quarter, closedAt: row.closedAt },
    });
    await enqueueWebhookEvent(tx, "cycle.closed", cycleClosedEvent(row));
  });
}

/**
 * Reopens the most recent closed cycle (a quarter closed by mistake or too
 * early): its quarter is read live again until it is closed anew. Older
 * closed quarters stay frozen — their exports may already be in planning
 * documents — and only one cycle is open at a time.
 */
export async function reopenCycle(viewer: Viewer | null, raw: unknown): Promise<void> {
  const v = requirePermission(viewer, "cycle:manage");
  const input = parseInput(reopenCycleSchema, raw);
  await getDb().transaction(async (tx) => {
    const [open] = await tx.select().from(assessmentCycles).where(eq(assessmentCycles.status, "open"));
    const [latest] = await tx
      .select()
      .from(assessmentCycles)
      .where(eq(assessmentCycles.status, "closed"))
      .orderBy(desc(assessmentCycles.quarter))
      .limit(1)
      .for("update");
    if (!latest) throw notFound("There is no closed cycle to reopen.");
    if (latest.id !== input.cycleId)
      throw conflict(`Only the most recent closed quarter (${latest.quarter}) can be reopened.`);
    if (open) throw conflict(`Close ${open.quarter} before reopening ${latest.quarter}.`);
    const [row] = await tx
      .update(assessmentCycles)
      .set({ status: "open", closedAt: null, closedById: null })
      .where(and(eq(assessmentCycles.id, latest.id), eq(assessmentCycles.status, "closed")))
      .returning();
    if (!row) throw conflict("That cycle changed meanwhile: reload and try again.");
    await dropRatingsSnapshot(tx, row.id);
    await writeAudit(tx, {
      actor: v,
      action: "cycle.reopened",
      entityType: "cycle",
      entityId: row.id,
      before: { quarter: latest.quarter, closedAt: latest.closedAt, closedById: latest.closedById },
      after: { quarter: row.quarter, status: row.status },
    });
    await enqueueWebhookEvent(tx, "cycle.opened", cycleOpenedEvent(row, true));
  });
}

export type ClosedQuarterNotice = { quarter: string; closedAt: string; next: string };

/**
 * When the current quarter's cycle is already closed, what people should be
 * told: its numbers are frozen at the close, and new ratings count toward
 * the next quarter. Null while the current quarter is live.
 */
export async function getClosedQuarterNotice(
  viewer: Viewer | null,
  now = new Date(),
): Promise<ClosedQuarterNotice | null> {
  requireSignedIn(viewer);
  const current = quarterOf(now);
  const [cycle] = await getDb().select().from(assessmentCycles).where(eq(assessmentCycles.quarter, current));
  if (cycle?.status !== "closed" || !cycle.closedAt) return null;
  return { quarter: current, closedAt: cycle.closedAt.toISOString(), next: addQuarters(current, 1) };
}

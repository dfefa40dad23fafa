import "server-only";

import { and, count, desc, eq, gt, inArray, max } from "drizzle-orm";

import { getDb } from "@/db/client";
import { writeAudit } from "@/db/queries/audit";
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { getEnv } from "@/lib/env";
import { conflict, invalid, notFound } from "@/lib/errors";
import {
  redeliverWebhookSchema,
  registerWebhookSchema,
  webhookDeliveriesSchema,
  webhookEndpointSchema,
} from "@/lib/validations/webhooks";
import type { WebhookEvent } from "@/lib/webhooks/events";
import { newWebhookSecret } from "@/lib/webhooks/signature";
import { parseWebhookUrl, webhookUrlProblem } from "@/lib/webhooks/ssrf";

import { parseInput, requirePermission } from "./guard";

// Webhooks (/org/webhooks): admins register endpoints, see each delivery and
// its attempts, and send one again. The signing secret is shown once, when
// the endpoint is registered, and never listed afterwards.

type DeliveryStatus = (typeof webhookDeliveries.$inferSelect)["status"];

export type WebhookEndpointDto = {
  id: string;
  url: string;
  description: string;
  events: WebhookEvent[];
  disabled: boolean;
  createdAt: string;
  /** Deliveries of the last 30 days, by status. */
  counts: Partial<Record<DeliveryStatus, number>>;
  lastDeliveryAt: string | null;
};

const COUNT_WINDOW_MS = 30 * 86_400_000;
const PAGE_SIZE = 10;

/** Registers an endpoint; returns its signing secret, which is not shown again. Audited (without the secret). */
export async function registerWebhook(viewer: Viewer | null, raw: unknown): Promise<{ id: string; secret: string }> {
  const v = requirePermission(viewer, "api:manage");
  const input = parseInput(registerWebhookSchema, raw);
  const problem = webhookUrlProblem(input.url, { allowPrivate: getEnv().WEBHOOKS_ALLOW_PRIVATE });
  if (problem) throw invalid(problem, { url: [problem] });
  const url = parseWebhookUrl(input.url)!.href; // as the URL parser reads it: what is checked is what is stored
  const secret = newWebhookSecret();
  const events = [...new Set(input.events)];
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .insert(webhookEndpoints)
      .values({ url, description: input.description, events, secret, createdById: v.id })
      .returning({ id: webhookEndpoints.id });
    await writeAudit(tx, {
      actor: v,
      action: "webhook.registered",
      entityType: "webhook_endpoint",
      entityId: row!.id,
      after: { url, description: input.description, events },
    });
    return { id: row!.id, secret };
  });
}

export async function listWebhooks(viewer: Viewer | null): Promise<WebhookEndpointDto[]> {
  requirePermission(viewer, "api:manage");
  const db = getDb();
  const [endpoints, counts] = await Promise.all([
    db.select().from(webhookEndpoints).orderBy(desc(webhookEndpoints.createdAt)),
    db
      .select({
        endpointId: webhookDeliveries.endpointId,
        status: webhookDeliveries.status,
        count: count(),
        last: max(webhookDeliveries.createdAt),
      })
      .from(webhookDeliveries)
      .where(gt(webhookDeliveries.createdAt, new Date(Date.now() - COUNT_WINDOW_MS)))
      .groupBy(webhookDeliveries.endpointId, webhookDeliveries.status),
  ]);
  return endpoints.map((e) => {
    const mine = counts.filter((c) => c.endpointId === e.id);
    const last = mine.map((c) => c.last).reduce<Date | null>((a, b) => (b && (!a || b > a) ? b : a), null);
    return {
      id: e.id,
      url: e.url,
      description: e.description,
      events: e.events as WebhookEvent[],
      disabled: e.disabledAt !== null,
      createdAt: e.createdAt.toISOString(),
      counts: Object.fromEntries(mine.map((c) => [c.status, Number(c.count)])),
      lastDeliveryAt: last ? new Date(last).toISOString() : null,
    };
  });
}

/** Stops (or resumes) sending to an endpoint; audited when it changes. Deliveries already queued to a disabled endpoint end as dead. */
export async function setWebhookDisabled(viewer: Viewer | null, raw: unknown, disabled: boolean): Promise<void> {
  const v = requirePermission(viewer, "api:manage");
  const { endpointId } = parseInput(webhookEndpointSchema, raw);
  await getDb().transaction(async (tx) => {
    const [before] = await tx.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpointId)).for("update");
    if (!before) throw notFound("There is no such webhook.");
    if ((before.disabledAt !== null) === disabled) return;
    await tx
      .update(webhookEndpoints)
      .set({ disabledAt: disabled ? new Date() : null, updatedAt: new Date() })
      .where(eq(webhookEndpoints.id, endpointId));
    await writeAudit(tx, {
      actor: v,
      action: disabled ? "webhook.disabled" : "webhook.enabled",
      entityType: "webhook_endpoint",
      entityId: endpointId,
      after: { url: before.url },
    });
  });
}

export const disableWebhook = (viewer: Viewer | null, raw: unknown) => setWebhookDisabled(viewer, raw, true);
export const enableWebhook = (viewer: Viewer | null, raw: unknown) => setWebhookDisabled(viewer, raw, false);

export type WebhookAttemptDto = { status: number | null; error: string | null; durationMs: number; at: string };
export type WebhookDeliveryDto = {
  id: string;
  event: string;
  eventId: string;
  status: DeliveryStatus;
  attempts: number;
  createdAt: string;
  dueAt: string;
  deliveredAt: string | null;
  attemptLog: WebhookAttemptDto[];
};
export type WebhookDeliveriesDto = { endpointId: string; page: number; hasMore: boolean; rows: WebhookDeliveryDto[] };

/** An endpoint's deliveries, newest first, a page at a time, each with its attempts (oldest first). */
export async function listWebhookDeliveries(viewer: Viewer | null, raw: unknown): Promise<WebhookDeliveriesDto> {
  requirePermission(viewer, "api:manage");
  const { endpointId, page } = parseInput(webhookDeliveriesSchema, raw);
  const db = getDb();
  const rows = await db
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.endpointId, endpointId))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(PAGE_SIZE + 1)
    .offset((page - 1) * PAGE_SIZE);
  const shown = rows.slice(0, PAGE_SIZE);
  const attempts =
    shown.length === 0
      ? []
      : await db
          .select()
          .from(webhookAttempts)
          .where(
            inArray(
              webhookAttempts.deliveryId,
              shown.map((d) => d.id),
            ),
          )
          .orderBy(webhookAttempts.createdAt);
  return {
    endpointId,
    page,
    hasMore: rows.length > PAGE_SIZE,
    rows: shown.map((d) => ({
      id: d.id,
      event: d.event,
      eventId: d.eventId,
      status: d.status,
      attempts: d.attempts,
      createdAt: d.createdAt.toISOString(),
      dueAt: d.dueAt.toISOString(),
      deliveredAt: d.deliveredAt?.toISOString() ?? null,
      attemptLog: attempts
        .filter((a) => a.deliveryId === d.id)
        .map((a) => ({ status: a.status, error: a.error, durationMs: a.durationMs, at: a.createdAt.toISOString() })),
    })),
  };
}

/** Sends a delivered or dead event again, now, from a fresh attempt count (same event id: receivers deduplicate); audited. */
export async function redeliverWebhook(viewer: Viewer | null, raw: unknown): Promise<void> {
  const v = requirePermission(viewer, "api:manage");
  const { deliveryId } = parseInput(redeliverWebhookSchema, raw);
  await getDb().transaction(async (tx) => {
    const [row] = await tx
      .update(webhookDeliveries)
      .set({ status: "pending", attempts: 0, dueAt: new Date(), deliveredAt: null, updatedAt: new Date() })
      .where(and(eq(webhookDeliveries.id, deliveryId), inArray(webhookDeliveries.status, ["dead", "delivered"])))
      .returning({
        id: webhookDeliveries.id,
        event: webhookDeliveries.event,
        endpointId: webhookDeliveries.endpointId,
      });
    if (!row) {
      const [exists] = await tx
        .select({ status: webhookDeliveries.status })
        .from(webhookDeliveries)
        .where(eq(webhookDeliveries.id, deliveryId));
      if (!exists) throw notFound("There is no such delivery.");
      throw conflict(`That delivery is ${exists.status}: it will be sent without being asked.`);
    }
    await writeAudit(tx, {
      actor: v,
      action: "webhook.redelivered",
      entityType: "webhook_delivery",
      entityId: row.id,
      after: { event: row.event, endpointId: row.endpointId },
    });
  });
}

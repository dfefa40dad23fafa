import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

import { timestamps, uuidId, uuidRef } from "./columns";
import { users } from "./users";

// The public API (/api/v1): who may call it, and the replies it must repeat.

// personal: a person acting as themselves, within the scopes they chose.
// service: made by an admin for a system (HR, BI), acting for the org or for some teams.
export const apiTokenKind = pgEnum("api_token_kind", ["personal", "service"]);

export const apiTokens = pgTable(
  "api_tokens",
  {
    ...uuidId(),
    kind: apiTokenKind().notNull(),
    name: text().notNull(),
    /** SHA-256 of the token: the token itself is shown once and never stored. */
    tokenHash: text().notNull(),
    /** The first characters of the token, to tell tokens apart on the page. */
    hint: text().notNull(),
    /** Whose permissions the token acts with: the person (personal) or the admin who made it (service). */
    ownerId: uuidRef(() => users.id),
    /** read, rate, plan, admin (lib/api/scopes.ts). */
    scopes: text().array().notNull(),
    /** A service token's teams; null: the whole org. Always null for personal tokens. */
    teamIds: uuid().array(),
    expiresAt: timestamp({ withTimezone: true }),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("api_tokens_hash_key").on(t.tokenHash), index("api_tokens_owner_idx").on(t.ownerId)],
);

// A write's reply kept for its Idempotency-Key: a retry with the same key and
// body gets the same reply without doing the write twice. Kept 24 hours.
export const apiIdempotency = pgTable(
  "api_idempotency",
  {
    tokenId: uuidRef(() => apiTokens.id, { onDelete: "cascade" }),
    key: text().notNull(),
    /** SHA-256 of method, path and body: the same key with another request is refused. */
    requestHash: text().notNull(),
    /** Null while the first request is still running. */
    status: integer(),
    body: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("api_idempotency_key").on(t.tokenId, t.key),
    index("api_idempotency_created_idx").on(t.createdAt),
  ],
);

// Webhooks: an admin's endpoint, sent the events it subscribes to.
export const webhookEndpoints = pgTable("webhook_endpoints", {
  ...uuidId(),
  url: text().notNull(),
  description: text().notNull().default(""),
  /** rating.created, validation.created, cycle.opened, cycle.closed, target.changed, plan.accepted. */
  events: text().array().notNull(),
  /** The signing secret (whsec_…): shown to admins, used for HMAC-SHA256 signatures. */
  secret: text().notNull(),
  createdById: uuid().references(() => users.id),
  disabledAt: timestamp({ withTimezone: true }),
  ...timestamps,
});

export const webhookDeliveryStatus = pgEnum("webhook_delivery_status", ["pending", "sending", "delivered", "dead"]);

// The webhook outbox, written in the same transaction as the event (the way
// notifications are), delivered by the background worker with backoff.
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    ...uuidId(),
    endpointId: uuidRef(() => webhookEndpoints.id, { onDelete: "cascade" }),
    event: text().notNull(),
    /** The event's id (the same on every endpoint it goes to): receivers deduplicate on it. */
    eventId: uuid().notNull(),
    /** The JSON body sent, fixed when the event happened. */
    payload: jsonb().notNull(),
    status: webhookDeliveryStatus().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    dueAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    claimToken: uuid(),
    claimedUntil: timestamp({ withTimezone: true }),
    deliveredAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index("webhook_deliveries_due_idx")
      .on(t.dueAt)
      .where(sql`${t.status} in ('pending', 'sending')`),
    index("webhook_deliveries_endpoint_idx").on(t.endpointId, t.createdAt),
  ],
);

// One row per attempt: what the receiver answered (or why nothing was sent).
export const webhookAttempts = pgTable(
  "webhook_attempts",
  {
    ...uuidId(),
    deliveryId: uuidRef(() => webhookDeliveries.id, { onDelete: "cascade" }),
    /** The HTTP status, or null when no answer came (refused, timed out, blocked address). */
    status: integer(),
    error: text(),
    durationMs: integer().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("webhook_attempts_delivery_idx").on(t.deliveryId, t.createdAt)],
);

export type ApiToken = typeof apiTokens.$inferSelect;
export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;

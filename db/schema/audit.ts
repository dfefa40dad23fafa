import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

import { appendOnlyId } from "./columns";
import { users } from "./users";

// Every mutation writes one row here in the same transaction. Append-only
// (a trigger rejects UPDATE and DELETE).
export const auditEvents = pgTable(
  "audit_events",
  {
    ...appendOnlyId(),
    actorId: uuid().references(() => users.id),
    // Kept even when there is no user row (refused sign-ins, system jobs).
    actorEmail: text(),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text(),
    before: jsonb(),
    after: jsonb(),
    requestId: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("audit_events_created_idx").on(t.createdAt),
    index("audit_events_entity_idx").on(t.entityType, t.entityId, t.createdAt),
    index("audit_events_actor_idx").on(t.actorId, t.createdAt),
    index("audit_events_action_idx").on(t.action, t.createdAt),
  ],
);

export type AuditEvent = typeof auditEvents.$inferSelect;
export type NewAuditEvent = typeof auditEvents.$inferInsert;

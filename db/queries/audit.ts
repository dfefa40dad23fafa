import type { DbOrTx } from "../client";
import { auditEvents } from "../schema";

export type AuditInput = {
  actor: { id: string; email: string } | null;
  /** Kept when there is no user row (e.g. a refused sign-in). */
  actorEmail?: string;
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
};

/** The audit row's column values (also for writers that insert it in the same statement as the change). */
export function auditValues(input: AuditInput) {
  return {
    actorId: input.actor?.id ?? null,
    actorEmail: input.actor?.email ?? input.actorEmail ?? null,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    before: input.before ?? null,
    after: input.after ?? null,
  };
}

/** Writes one audit row; call it inside the transaction of the change it records. */
export async function writeAudit(tx: DbOrTx, input: AuditInput): Promise<void> {
  await tx.insert(auditEvents).values(auditValues(input));
}

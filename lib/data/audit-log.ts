import "server-only";

import { and, desc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import { z } from "zod";

import { getDb } from "@/db/client";
import { auditEvents, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { consumeRateLimit, LIMITS } from "@/lib/server/rate-limit";
import { auditQuerySchema } from "@/lib/validations/reads";

import { parseInput, requirePermission } from "./guard";

export type AuditRowDto = {
  id: number;
  at: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
};

const PAGE = 50;

function where(q: z.infer<typeof auditQuerySchema>): SQL | undefined {
  const parts: (SQL | undefined)[] = [
    q.actor
      ? sql`(lower(coalesce(${users.email}, ${auditEvents.actorEmail}, '')) like ${`%${q.actor.toLowerCase()}%`} or lower(coalesce(${users.name}, '')) like ${`%${q.actor.toLowerCase()}%`})`
      : undefined,
    q.action ? sql`${auditEvents.action} like ${`${q.action}%`}` : undefined,
    q.entityType ? eq(auditEvents.entityType, q.entityType) : undefined,
    q.from ? gte(auditEvents.createdAt, new Date(`${q.from}T00:00:00Z`)) : undefined,
    q.to ? lt(auditEvents.createdAt, new Date(new Date(`${q.to}T00:00:00Z`).getTime() + 86_400_000)) : undefined,
  ];
  return and(...parts.filter(Boolean));
}

/** The audit trail, newest first, filtered (admins). */
export async function listAuditEvents(
  viewer: Viewer | null,
  raw: unknown,
  options: { limit?: number } = {},
): Promise<{ rows: AuditRowDto[]; page: number; more: boolean }> {
  requirePermission(viewer, "audit:read");
  const q = parseInput(auditQuerySchema, raw ?? {});
  const limit = options.limit ?? PAGE;
  const rows = await readAuditEvents(q, { limit: limit + 1, offset: (q.page - 1) * limit });
  return { page: q.page, more: rows.length > limit, rows: rows.slice(0, limit) };
}

/** The whole filtered audit trail for the CSV download (admins), limited per person. */
export async function exportAuditEvents(viewer: Viewer | null, raw: unknown): Promise<AuditRowDto[]> {
  const v = requirePermission(viewer, "audit:read");
  const q = parseInput(auditQuerySchema, raw ?? {});
  await consumeRateLimit(`audit-export:${v.id}`, LIMITS.auditExport);
  return readAuditEvents({ ...q, page: 1 }, { limit: EXPORT_MAX_ROWS, offset: 0 });
}

const EXPORT_MAX_ROWS = 50_000;

async function readAuditEvents(
  q: z.infer<typeof auditQuerySchema>,
  { limit, offset }: { limit: number; offset: number },
): Promise<AuditRowDto[]> {
  const rows = await getDb()
    .select({ e: auditEvents, email: users.email, name: users.name })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(where(q))
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
    .limit(limit)
    .offset(offset);
  return rows.map(({ e, email, name }) => ({
    id: e.id,
    at: e.createdAt.toISOString(),
    actor: name ? `${name} <${email}>` : (e.actorEmail ?? "system"),
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    before: e.before,
    after: e.after,
  }));
}

import "server-only";

import { randomBytes } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";

import { getDb } from "@/db/client";
import { writeAudit } from "@/db/queries/audit";
import { scimTokens } from "@/db/schema";
import { hashToken, TOKEN_PREFIX } from "@/lib/auth/scim-token";
import type { Viewer } from "@/lib/auth/viewer";
import { notFound } from "@/lib/errors";
import { createScimTokenSchema, revokeScimTokenSchema } from "@/lib/validations/directory";

import { parseInput, requirePermission } from "./guard";

// SCIM bearer tokens: an admin creates one per IdP connection on
// /org/directory. The token is shown once; only its SHA-256 is stored, so a
// copy of the database does not let anyone provision people.

export async function createScimToken(viewer: Viewer | null, raw: unknown): Promise<{ id: string; token: string }> {
  const actor = requirePermission(viewer, "directory:manage");
  const input = parseInput(createScimTokenSchema, raw);
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null;
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .insert(scimTokens)
      .values({
        name: input.name,
        tokenHash: hashToken(token),
        hint: token.slice(0, TOKEN_PREFIX.length + 4),
        createdById: actor.id,
        expiresAt,
      })
      .returning({ id: scimTokens.id });
    const after = { name: input.name, expiresAt: expiresAt?.toISOString() ?? null };
    await writeAudit(tx, {
      actor,
      action: "directory.token_created",
      entityType: "scim_token",
      entityId: row!.id,
      after,
    });
    return { id: row!.id, token };
  });
}

export async function revokeScimToken(viewer: Viewer | null, raw: unknown): Promise<void> {
  const actor = requirePermission(viewer, "directory:manage");
  const input = parseInput(revokeScimTokenSchema, raw);
  await getDb().transaction(async (tx) => {
    const [row] = await tx
      .update(scimTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(scimTokens.id, input.tokenId), isNull(scimTokens.revokedAt)))
      .returning({ id: scimTokens.id, name: scimTokens.name });
    if (!row) throw notFound("That token does not exist or is already revoked.");
    await writeAudit(tx, {
      actor,
      action: "directory.token_revoked",
      entityType: "scim_token",
      entityId: row.id,
      after: { name: row.name },
    });
  });
}

export type ScimTokenDto = {
  id: string;
  name: string;
  hint: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
};

export async function listScimTokens(viewer: Viewer | null): Promise<ScimTokenDto[]> {
  requirePermission(viewer, "directory:manage");
  const rows = await getDb().select().from(scimTokens).orderBy(desc(scimTokens.createdAt));
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    hint: r.hint,
    createdAt: r.createdAt.toISOString(),
    lastUsedAt: iso(r.lastUsedAt),
    expiresAt: iso(r.expiresAt),
    revokedAt: iso(r.revokedAt),
  }));
}

import "server-only";

import { randomBytes } from "node:crypto";
import { and, desc, eq, inArray, isNull, type SQL } from "drizzle-orm";

import { getDb } from "@/db/client";
import { writeAudit } from "@/db/queries/audit";
import { apiTokens, teams, users } from "@/db/schema";
import { PERSONAL_TOKEN_PREFIX, SERVICE_TOKEN_PREFIX, type ApiScope } from "@/lib/api/scopes";
import { hashToken } from "@/lib/auth/api-token";
import type { Viewer } from "@/lib/auth/viewer";
import { invalid, notFound } from "@/lib/errors";
import { can } from "@/lib/permissions";
import {
  createPersonalTokenSchema,
  createServiceTokenSchema,
  revokeApiTokenSchema,
  usableScopes,
  usableServiceScopes,
} from "@/lib/validations/api-tokens";

import { parseInput, requirePermission, requireSignedIn } from "./guard";

// Tokens for the public API (/api/v1): a person's own (/me/api) and the
// service tokens admins make for other systems (/org/api). Like SCIM tokens,
// a token is shown once and only its SHA-256 is stored; it acts with its
// owner's permissions, read afresh on every call (lib/auth/api-token.ts).

type NewToken = {
  kind: "personal" | "service";
  name: string;
  scopes: ApiScope[];
  teamIds: string[] | null;
  expiresInDays: number | null;
};

/** Refuses scopes the token could not use, naming them, so the form can say which. */
function refuseUnusable(scopes: ApiScope[], usable: ApiScope[]): void {
  const extra = scopes.filter((s) => !usable.includes(s));
  if (extra.length) {
    throw invalid("Some fields are not valid.", {
      scopes: [`This token cannot use: ${extra.join(", ")}.`],
    });
  }
}

async function insertToken(actor: Viewer, t: NewToken): Promise<{ id: string; token: string }> {
  const prefix = t.kind === "personal" ? PERSONAL_TOKEN_PREFIX : SERVICE_TOKEN_PREFIX;
  const token = `${prefix}${randomBytes(32).toString("base64url")}`;
  const expiresAt = t.expiresInDays ? new Date(Date.now() + t.expiresInDays * 86_400_000) : null;
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({
        kind: t.kind,
        name: t.name,
        tokenHash: hashToken(token),
        hint: token.slice(0, prefix.length + 4),
        ownerId: actor.id,
        scopes: t.scopes,
        teamIds: t.teamIds,
        expiresAt,
      })
      .returning({ id: apiTokens.id });
    // What was granted, never the token or its hash.
    const after = {
      kind: t.kind,
      name: t.name,
      scopes: t.scopes,
      teamIds: t.teamIds,
      expiresAt: expiresAt?.toISOString() ?? null,
    };
    await writeAudit(tx, { actor, action: "api.token_created", entityType: "api_token", entityId: row!.id, after });
    return { id: row!.id, token };
  });
}

/** A person's own token, with only scopes that can do something for them. */
export async function createPersonalToken(viewer: Viewer | null, raw: unknown): Promise<{ id: string; token: string }> {
  const actor = requireSignedIn(viewer);
  const input = parseInput(createPersonalTokenSchema, raw);
  refuseUnusable(input.scopes, usableScopes(actor));
  return insertToken(actor, { kind: "personal", ...input, teamIds: null });
}

/** A system's token: the whole org, or some teams (as their lead), acting with the creating admin's permissions. */
export async function createServiceToken(viewer: Viewer | null, raw: unknown): Promise<{ id: string; token: string }> {
  const actor = requirePermission(viewer, "api:manage");
  const input = parseInput(createServiceTokenSchema, raw);
  refuseUnusable(input.scopes, usableServiceScopes(input.teamIds));
  if (input.teamIds) {
    const found = await getDb()
      .select({ id: teams.id })
      .from(teams)
      .where(and(inArray(teams.id, input.teamIds), isNull(teams.archivedAt)));
    if (found.length !== input.teamIds.length) {
      throw invalid("Some fields are not valid.", { teamIds: ["A chosen team does not exist or is archived."] });
    }
  }
  return insertToken(actor, { kind: "service", ...input });
}

/**
 * Revokes a token: the owner their own, an admin (api:manage) any. Anyone
 * else is told it does not exist, as if it did not, whether it does or not.
 */
export async function revokeApiToken(viewer: Viewer | null, raw: unknown): Promise<void> {
  const actor = requireSignedIn(viewer);
  const input = parseInput(revokeApiTokenSchema, raw);
  const mine = can(actor, "api:manage") ? undefined : eq(apiTokens.ownerId, actor.id);
  await getDb().transaction(async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.id, input.tokenId), isNull(apiTokens.revokedAt), mine))
      .returning({ id: apiTokens.id, name: apiTokens.name, kind: apiTokens.kind, ownerId: apiTokens.ownerId });
    if (!row) throw notFound("That token does not exist or is already revoked.");
    const after = { kind: row.kind, name: row.name, ownerId: row.ownerId };
    await writeAudit(tx, { actor, action: "api.token_revoked", entityType: "api_token", entityId: row.id, after });
  });
}

export type ApiTokenDto = {
  id: string;
  kind: "personal" | "service";
  name: string;
  hint: string;
  scopes: ApiScope[];
  owner: { id: string; name: string };
  /** A service token's teams; null: the whole org (and always for personal tokens). */
  teams: { id: string; name: string }[] | null;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
};

/** The viewer's own personal tokens, newest first. */
export async function listMyTokens(viewer: Viewer | null): Promise<ApiTokenDto[]> {
  const v = requireSignedIn(viewer);
  return listTokens(and(eq(apiTokens.ownerId, v.id), eq(apiTokens.kind, "personal")));
}

/** Every token, personal and service, with its owner and teams (/org/api). */
export async function listAllTokens(viewer: Viewer | null): Promise<ApiTokenDto[]> {
  requirePermission(viewer, "api:manage");
  return listTokens(undefined);
}

const LIST_LIMIT = 500;

async function listTokens(where: SQL | undefined): Promise<ApiTokenDto[]> {
  const db = getDb();
  const rows = await db
    .select({ token: apiTokens, ownerName: users.name })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.ownerId))
    .where(where)
    .orderBy(desc(apiTokens.createdAt))
    .limit(LIST_LIMIT);
  const teamIds = [...new Set(rows.flatMap((r) => r.token.teamIds ?? []))];
  const names = new Map(
    teamIds.length
      ? (await db.select({ id: teams.id, name: teams.name }).from(teams).where(inArray(teams.id, teamIds))).map(
          (t) => [t.id, t.name] as const,
        )
      : [],
  );
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return rows.map(({ token: r, ownerName }) => ({
    id: r.id,
    kind: r.kind,
    name: r.name,
    hint: r.hint,
    scopes: r.scopes as ApiScope[],
    owner: { id: r.ownerId, name: ownerName },
    teams: r.teamIds ? r.teamIds.map((id) => ({ id, name: names.get(id) ?? "—" })) : null,
    createdAt: r.createdAt.toISOString(),
    lastUsedAt: iso(r.lastUsedAt),
    expiresAt: iso(r.expiresAt),
    revokedAt: iso(r.revokedAt),
  }));
}

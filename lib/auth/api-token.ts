import "server-only";

import { and, eq, isNull, sql } from "drizzle-orm";

import { getDb } from "@/db/client";
import { apiTokens } from "@/db/schema";
import { API_SCOPES, PERSONAL_TOKEN_PREFIX, SERVICE_TOKEN_PREFIX, type ApiScope } from "@/lib/api/scopes";
import { can } from "@/lib/permissions";

import { hashToken } from "./scim-token";
import { loadViewer, type Viewer } from "./viewer";

// Who an /api/v1 request comes from: a bearer token (never a cookie). The
// data layer receives a Viewer built here, so every permission rule is the
// code the UI runs. Its owner is read fresh on every request: disabling the
// owner, or taking away an admin's role, ends their tokens on the next call.

export type ApiCaller = {
  tokenId: string;
  kind: "personal" | "service";
  scopes: ApiScope[];
  viewer: Viewer;
};

export { hashToken };

/** The token's caller when it is known, not revoked, not expired and its owner may still use it; else null. */
export async function apiCallerForToken(token: string): Promise<ApiCaller | null> {
  const prefixed = token.startsWith(PERSONAL_TOKEN_PREFIX) || token.startsWith(SERVICE_TOKEN_PREFIX);
  if (!prefixed || token.length > 200) return null;
  const db = getDb();
  const [row] = await db
    .select()
    .from(apiTokens)
    .where(
      and(
        eq(apiTokens.tokenHash, hashToken(token)),
        isNull(apiTokens.revokedAt),
        sql`(${apiTokens.expiresAt} is null or ${apiTokens.expiresAt} > now())`,
      ),
    );
  if (!row) return null;
  const owner = await loadViewer(row.ownerId);
  if (!owner) return null; // disabled or gone
  const viewer = row.kind === "service" ? serviceViewer(owner, row.teamIds) : owner;
  if (!viewer) return null;
  // Last-used moves at most once a minute: no write per request.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, row.id));
  }
  const scopes = row.scopes.filter((s): s is ApiScope => (API_SCOPES as readonly string[]).includes(s));
  return { tokenId: row.id, kind: row.kind, scopes, viewer };
}

/**
 * A service token acts with the permissions of the admin who made it, while
 * that person is still an admin (null otherwise). Scoped to teams, it is a
 * lead of exactly those teams and nothing org-wide: `member` grants no
 * org permission a system could misuse (it has no ratings of its own).
 */
export function serviceViewer(owner: Viewer, teamIds: string[] | null): Viewer | null {
  if (!can(owner, "api:manage")) return null;
  if (!teamIds) return owner;
  return { ...owner, role: "member", leadTeamIds: teamIds, memberTeamIds: [] };
}

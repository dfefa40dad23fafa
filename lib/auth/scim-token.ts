import "server-only";

import { createHash } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";

import { getDb } from "@/db/client";
import { scimTokens } from "@/db/schema";

// Who a SCIM request comes from: the bearer token an admin created on
// /org/directory (lib/data/scim-tokens.ts), the way lib/auth/viewer.ts
// answers it for a session cookie. Only a SHA-256 of a token is stored.

export const TOKEN_PREFIX = "sgscim_";

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** The IdP connection a request comes from. */
export type ScimClient = { tokenId: string; name: string };

/**
 * The token's connection when it is known, not revoked and not expired; else
 * null. Its last-used time moves at most once a minute (no write per request).
 */
export async function scimClientForToken(token: string): Promise<ScimClient | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const db = getDb();
  const [row] = await db
    .select({ id: scimTokens.id, name: scimTokens.name, lastUsedAt: scimTokens.lastUsedAt })
    .from(scimTokens)
    .where(
      and(
        eq(scimTokens.tokenHash, hashToken(token)),
        isNull(scimTokens.revokedAt),
        sql`(${scimTokens.expiresAt} is null or ${scimTokens.expiresAt} > now())`,
      ),
    );
  if (!row) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.update(scimTokens).set({ lastUsedAt: new Date() }).where(eq(scimTokens.id, row.id));
  }
  return { tokenId: row.id, name: row.name };
}

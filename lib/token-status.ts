// A bearer token's state as pages show it (SCIM tokens on /org/directory, API tokens on /me/api and /org/api).
export type TokenStatus = "active" | "expired" | "revoked";

export const tokenStatus = (token: { revokedAt: string | null; expiresAt: string | null }, now: number): TokenStatus =>
  token.revokedAt ? "revoked" : token.expiresAt && Date.parse(token.expiresAt) <= now ? "expired" : "active";

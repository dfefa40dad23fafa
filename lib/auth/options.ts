import "server-only";

import { and, eq } from "drizzle-orm";
import type { Account, NextAuthOptions } from "next-auth";
import type { JWT } from "next-auth/jwt";
import type { OAuthConfig } from "next-auth/providers/oauth";

import { getDb } from "@/db/client";
import { writeAudit } from "@/db/queries/audit";
import { users } from "@/db/schema";
import { getEnv } from "@/lib/env";

import { admitSignIn } from "./admit";
import { claimsFromProfile, type OidcProfile } from "./claims";
import { safeRedirect } from "./safe-redirect";
import { SESSION_IDLE_SECONDS } from "./session-cookie";
import { bumpSessionGeneration } from "./sessions";

export const OIDC_PROVIDER_ID = "oidc";

/** One generic OpenID Connect provider, configured from the environment. */
export function oidcProvider(): OAuthConfig<OidcProfile> | null {
  const env = getEnv();
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET) return null;
  const issuer = env.OIDC_ISSUER.replace(/\/+$/, "");
  return {
    id: OIDC_PROVIDER_ID,
    name: env.OIDC_NAME,
    type: "oauth",
    wellKnown: `${issuer}/.well-known/openid-configuration`,
    issuer,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    authorization: {
      params: {
        scope: env.OIDC_SCOPE,
        ...(env.OIDC_PROMPT ? { prompt: env.OIDC_PROMPT } : {}),
        ...(env.OIDC_HOSTED_DOMAIN ? { hd: env.OIDC_HOSTED_DOMAIN } : {}),
      },
    },
    idToken: true,
    checks: ["pkce", "state", "nonce"],
    profile: (p) => ({ id: p.sub, email: p.email ?? null, name: p.name ?? p.preferred_username ?? null }),
  };
}

export function getAuthOptions(): NextAuthOptions {
  const env = getEnv();
  const provider = oidcProvider();
  const issuer = env.OIDC_ISSUER?.replace(/\/+$/, "") ?? "";
  return {
    secret: env.NEXTAUTH_SECRET,
    providers: provider ? [provider] : [],
    session: { strategy: "jwt", maxAge: SESSION_IDLE_SECONDS },
    pages: { signIn: "/signin", error: "/signin" },
    callbacks: {
      async signIn({ account, profile }) {
        if (account?.provider !== OIDC_PROVIDER_ID || !profile) return "/refused?reason=invalid_claims";
        const claims = claimsFromProfile(issuer, account.providerAccountId, profile as OidcProfile);
        const admission = await admitSignIn(claims);
        return admission.ok ? true : `/refused?reason=${admission.reason}`;
      },
      // The token carries only the user id, the session generation it was
      // issued under and the sign-in time; role, teams, the disabled flag and
      // the current generation are read from the database on every request
      // (lib/auth/viewer.ts).
      jwt: ({ token, account }) => sessionToken(issuer, token, account),
      // The client never needs more than "signed in"; pages use getViewer().
      async session({ session }) {
        return { expires: session.expires };
      },
      async redirect({ url, baseUrl }) {
        return safeRedirect(url, baseUrl);
      },
    },
    events: {
      signOut: ({ token }) => endEverySession(token),
    },
  };
}

/**
 * The JWT: at sign-in, the user id and session generation from the database
 * and the sign-in time; afterwards only those and the standard claims.
 */
async function sessionToken(issuer: string, token: JWT, account: Account | null): Promise<JWT> {
  if (account) {
    const [user] = await getDb()
      .select({ id: users.id, gen: users.sessionGeneration })
      .from(users)
      .where(and(eq(users.issuer, issuer), eq(users.subject, account.providerAccountId)));
    return { uid: user?.id, gen: user?.gen, auth: Math.floor(Date.now() / 1000) };
  }
  return { uid: token.uid, gen: token.gen, auth: token.auth, iat: token.iat, exp: token.exp, jti: token.jti };
}

/**
 * Signing out ends every session of that person (a copied cookie included):
 * the generation moves on, so no earlier token is accepted.
 */
async function endEverySession(token: JWT | null | undefined): Promise<void> {
  if (typeof token?.uid !== "string" || (token.gen !== undefined && typeof token.gen !== "number")) return;
  const uid = token.uid;
  await getDb().transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id, email: users.email, gen: users.sessionGeneration })
      .from(users)
      .where(eq(users.id, uid));
    // A replayed, already revoked token cannot sign the person out again.
    if (!user || user.gen !== token.gen) return;
    await bumpSessionGeneration(tx, user.id);
    await writeAudit(tx, { actor: user, action: "auth.signed_out", entityType: "user", entityId: user.id });
  });
}

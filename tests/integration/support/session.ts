import { encode } from "next-auth/jwt";

import { demoUserId } from "@/db/seed/demo";
import { viewerFromSessionToken, type Viewer } from "@/lib/auth/viewer";
import { resetEnvCache } from "@/lib/env";

export const TEST_SECRET = "integration-test-secret-0123456789abcdef";
export const TEST_ISSUER = "https://idp.acme.test";

/** The environment the sign-in rules read, as an org would configure it. */
export function configureAuthEnv(overrides: Record<string, string | undefined> = {}): void {
  const values: Record<string, string | undefined> = {
    NEXTAUTH_SECRET: TEST_SECRET,
    NEXTAUTH_URL: "http://127.0.0.1:3000",
    OIDC_ISSUER: TEST_ISSUER,
    ALLOWED_EMAIL_DOMAINS: "acme.test",
    ADMIN_EMAILS: "mei-ling.chen@acme.test,boss@acme.test",
    OIDC_HOSTED_DOMAIN: undefined,
    ...overrides,
  };
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnvCache();
}

/**
 * A session token exactly as next-auth issues it (encrypted JWT carrying the
 * user id, the session generation and the sign-in time).
 */
export function sessionTokenFor(
  uid: string | undefined,
  {
    secret = TEST_SECRET,
    gen = 0,
    signedInAt = Date.now(),
  }: { secret?: string; gen?: number; signedInAt?: number } = {},
): Promise<string> {
  return encode({ token: uid ? { uid, gen, auth: Math.floor(signedInAt / 1000) } : {}, secret, maxAge: 3600 });
}

/** A demo person as a request carrying their session cookie sees them: through the token, as the app does. */
export async function demoSessionViewer(email: string): Promise<Viewer> {
  const viewer = await viewerFromSessionToken(await sessionTokenFor(demoUserId(email)));
  if (!viewer) throw new Error(`no session for demo person ${email}`);
  return viewer;
}

/** The demo organisation's admin, a member (Sofia) and a team lead (Alex), each through their session cookie. */
export async function demoSessionRoles(): Promise<{ admin: Viewer; member: Viewer; lead: Viewer }> {
  return {
    admin: await demoSessionViewer("mei-ling.chen@acme.test"),
    member: await demoSessionViewer("sofia.rossi@acme.test"),
    lead: await demoSessionViewer("alex.wang@acme.test"),
  };
}

import { getEnv } from "@/lib/env";

/** next-auth's session cookie name: "__Secure-" prefixed when the app is served over HTTPS. */
export function sessionCookieName(): string {
  const secure = getEnv().NEXTAUTH_URL?.startsWith("https://") ?? false;
  return `${secure ? "__Secure-" : ""}next-auth.session-token`;
}

/** Sliding lifetime of a session token: each use within it re-issues the cookie. */
export const SESSION_IDLE_SECONDS = 8 * 60 * 60;
/** Absolute lifetime from sign-in, which re-issuing never extends. */
export const SESSION_ABSOLUTE_SECONDS = 12 * 60 * 60;

/** `signedInAt` in seconds since the epoch, as the token's `auth` claim carries it. */
export function withinAbsoluteLifetime(signedInAt: number, now = Date.now()): boolean {
  const age = now / 1000 - signedInAt;
  return age >= -60 && age < SESSION_ABSOLUTE_SECONDS;
}

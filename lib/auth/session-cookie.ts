import { getEnv } from "@/lib/env";

/** next-auth's session cookie name: "__Secure-" prefixed when the app is served over HTTPS. */
export function sessionCookieName(): string {
  const secure = getEnv().NEXTAUTH_URL?.startsWith("https://") ?? false;
  return `${secure ? "__Secure-" : ""}next-auth.session-token`;
}

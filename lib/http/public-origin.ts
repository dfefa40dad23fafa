import "server-only";

import { headers } from "next/headers";

import { getEnv } from "@/lib/env";

/**
 * The address people and other systems reach this app on, for pages that
 * show a URL to paste elsewhere: the configured public URL (NEXTAUTH_URL,
 * behind a proxy), else the address this page was asked on.
 */
export async function publicOrigin(): Promise<string> {
  const configured = getEnv().NEXTAUTH_URL;
  if (configured) return new URL(configured).origin;
  const head = await headers();
  const host = head.get("x-forwarded-host") ?? head.get("host") ?? "localhost";
  const proto = head.get("x-forwarded-proto") ?? "http";
  return `${proto}://${host}`;
}

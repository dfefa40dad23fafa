/* eslint-disable @typescript-eslint/no-explicit-any -- SCIM resources are open JSON documents, checked field by field. */
import { handleScim } from "@/lib/scim/handler";

// Sends a SCIM request in-process through the same handler as
// app/scim/v2/[...path]/route.ts (the HTTP suite, tests/e2e/scim.spec.ts,
// sends the same over the network to the production build).

export type ScimAnswer = { status: number; header(name: string): string | null; json: any };

export function scimSender(token: string | null, extraHeaders: Record<string, string> = {}) {
  return async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ScimAnswer> => {
    const url = new URL(`http://127.0.0.1:3000/scim/v2${path}`);
    const request = new Request(url, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { "content-type": "application/scim+json" } : {}),
        ...extraHeaders,
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const segments = url.pathname.slice("/scim/v2/".length).split("/").filter(Boolean).map(decodeURIComponent);
    const response = await handleScim(request, segments);
    const text = await response.text();
    return {
      status: response.status,
      header: (n) => response.headers.get(n),
      json: text ? JSON.parse(text) : undefined,
    };
  };
}

export const PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
export const USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
export const GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";

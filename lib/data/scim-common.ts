import "server-only";

import type { z } from "zod";

import type { ScimClient } from "@/lib/auth/scim-token";
import { ScimError, scimInvalidValue } from "@/lib/scim/errors";
import { equalityLookup, matchesFilter, type ScimFilter } from "@/lib/scim/filter";
import { listResponse, project, versionOf, type Projection, type ScimJson } from "@/lib/scim/resources";

import type { DirectoryActor } from "./directory-effects";

// What the SCIM users and groups data functions share: the caller (a token,
// already authenticated by lib/scim/handler.ts), input parsing into SCIM's
// error format, ETag preconditions and list paging.

export type ScimContext = { client: ScimClient; base: string };

/** The audit rows of a SCIM change name the token that made it. */
export const scimActor = (ctx: ScimContext): DirectoryActor => ({ actor: null, actorEmail: `scim:${ctx.client.name}` });

export type ScimListQuery = { filter?: ScimFilter; startIndex: number; count: number } & Projection;

export function parseScim<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const where = issue.path.length ? `${issue.path.join(".")}: ` : "";
  throw scimInvalidValue(`${where}${issue.message}`);
}

/** If-Match (RFC 7644 §3.14): a stale version refuses the change. "*" matches anything. */
export function assertVersion(resource: ScimJson, ifMatch: string | null): void {
  if (!ifMatch || ifMatch.trim() === "*") return;
  const current = versionOf(resource);
  const strip = (v: string) => v.trim().replace(/^W\//, "");
  if (!ifMatch.split(",").some((v) => strip(v) === strip(current)))
    throw new ScimError(412, "The resource changed since that version was read.");
}

/** The equality lookup a filter narrows to, for SQL; the filter itself is still applied to what comes back. */
export const lookupOf = (query: ScimListQuery) => (query.filter ? equalityLookup(query.filter) : null);

export function pageOf(resources: ScimJson[], query: ScimListQuery): ScimJson {
  const matching = query.filter ? resources.filter((r) => matchesFilter(r, query.filter!)) : resources;
  const page = matching.slice(query.startIndex - 1, query.startIndex - 1 + query.count);
  return listResponse(
    page.map((r) => project(r, query)),
    matching.length,
    query.startIndex,
  );
}

export function emailDomainAllowed(email: string, allowed: string[]): boolean {
  return !allowed.length || allowed.includes(email.split("@")[1]!);
}

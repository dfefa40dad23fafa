import "server-only";

import { recordScimEvent } from "@/db/queries/directory";
import { APP_ERROR_STATUS } from "@/lib/actions/http";
import { logFailure } from "@/lib/actions/result";
import { scimClientForToken, type ScimClient } from "@/lib/auth/scim-token";
import type { ScimContext, ScimListQuery } from "@/lib/data/scim-common";
import { getEnv } from "@/lib/env";
import { AppError, classifyDbError } from "@/lib/errors";
import { CROSS_SITE_MESSAGE, crossOriginReason, MB, readBodyWithin } from "@/lib/http/request-guards";
import { consumeRateLimit, LIMITS } from "@/lib/server/rate-limit";

import { MAX_RESULTS } from "./discovery";
import { ScimError, scimErrorBody, scimInvalidSyntax } from "./errors";
import { parseFilter } from "./filter";
import { parseAttributeList, project, type Projection, type ScimJson } from "./resources";
import { routeScim } from "./routes";

// Every request under /scim/v2 (app/scim/v2/[...path]/route.ts): refuse a
// browser from another site, authenticate the bearer token (never a
// cookie), rate-limit per token, read at most 1 MB of body, dispatch
// (lib/scim/routes.ts), answer in SCIM's format, and keep what changed or
// failed in the provisioning log (/org/directory).

const MAX_BODY = MB;
const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);
export const SCIM_CONTENT_TYPE = "application/scim+json; charset=utf-8";

export type ScimRequest = {
  method: string;
  segments: string[];
  ctx: ScimContext;
  query: ScimListQuery;
  projection: Projection;
  body: () => Promise<unknown>;
  ifMatch: string | null;
};

export async function handleScim(request: Request, segments: string[]): Promise<Response> {
  let client: ScimClient | null = null;
  let response: Response;
  let failure: ScimError | null = null;
  try {
    if (crossOriginReason(request)) throw new ScimError(403, CROSS_SITE_MESSAGE);
    client = await authenticate(request);
    await consumeRateLimit(`scim:${client.tokenId}`, LIMITS.scim);
    response = await routeScim(scimRequest(request, segments, client));
  } catch (e) {
    failure = asScimError(e);
    response = errorResponse(failure);
  }
  if (failure || MUTATING.has(request.method)) await logEvent(request, client, response.status, failure);
  return response;
}

async function authenticate(request: Request): Promise<ScimClient> {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  const client = match ? await scimClientForToken(match[1]!) : null;
  if (!client) throw new ScimError(401, "Send a valid SCIM token: Authorization: Bearer <token>.");
  return client;
}

function scimRequest(request: Request, segments: string[], client: ScimClient): ScimRequest {
  const url = new URL(request.url);
  const params = url.searchParams;
  const projection = {
    attributes: parseAttributeList(params.get("attributes")),
    excludedAttributes: parseAttributeList(params.get("excludedAttributes")),
  };
  const filter = params.get("filter");
  const query: ScimListQuery = {
    ...projection,
    filter: filter ? parseFilter(filter) : undefined,
    startIndex: Math.max(1, integerParam(params.get("startIndex")) ?? 1),
    count: Math.min(MAX_RESULTS, Math.max(0, integerParam(params.get("count")) ?? 100)),
  };
  return {
    method: request.method,
    segments,
    ctx: { client, base: baseUrl(url) },
    query,
    projection,
    body: () => readJson(request),
    ifMatch: request.headers.get("if-match"),
  };
}

function integerParam(value: string | null): number | null {
  if (value === null || !/^-?\d{1,9}$/.test(value.trim())) return null;
  return Number(value);
}

/** Where resources live, as IdPs should address them (the public URL behind a proxy). */
function baseUrl(url: URL): string {
  const configured = getEnv().NEXTAUTH_URL;
  return `${configured ? new URL(configured).origin : url.origin}/scim/v2`;
}

async function readJson(request: Request): Promise<unknown> {
  const bytes = await readBodyWithin(request, MAX_BODY);
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw scimInvalidSyntax("The body is not valid JSON.");
  }
}

/** A resource (or list) with SCIM's content type; a single resource also carries its version as ETag. */
export function scimResponse(body: ScimJson, status = 200, projection?: Projection): Response {
  const meta = body.meta as { version?: string; location?: string } | undefined;
  const headers: Record<string, string> = { "content-type": SCIM_CONTENT_TYPE };
  if (meta?.version) headers.etag = meta.version;
  if (status === 201 && meta?.location) headers.location = meta.location;
  return new Response(JSON.stringify(projection ? project(body, projection) : body), { status, headers });
}

function errorResponse(e: ScimError): Response {
  const headers: Record<string, string> = { "content-type": SCIM_CONTENT_TYPE };
  if (e.status === 401) headers["www-authenticate"] = 'Bearer realm="Skillgrid SCIM"';
  if (e.retryAfter) headers["retry-after"] = String(e.retryAfter);
  return new Response(JSON.stringify(scimErrorBody(e)), { status: e.status, headers });
}

/** Our refusals keep their words; a database failure gets its kind's fixed words (never the server's text). */
function asScimError(e: unknown): ScimError {
  if (e instanceof ScimError) return e;
  if (e instanceof AppError) {
    return new ScimError(
      APP_ERROR_STATUS[e.code],
      e.message,
      e.code === "invalid" ? "invalidValue" : undefined,
      e.retryAfter,
    );
  }
  const c = classifyDbError(e);
  logFailure(e, c, "route", "SCIM request failed");
  if (c.kind === "conflict") return new ScimError(409, "That clashes with another person or group.", "uniqueness");
  if (c.kind === "invalid") return new ScimError(400, c.message, "invalidValue");
  if (c.kind === "internal") return new ScimError(500, c.message);
  return new ScimError(503, c.message, undefined, c.kind === "storage_full" ? 60 : 2);
}

async function logEvent(request: Request, client: ScimClient | null, status: number, failure: ScimError | null) {
  // A flood of refused requests does not flood the log.
  if (!client && !withinRefusalBudget()) return;
  await recordScimEvent({
    tokenName: client?.name ?? null,
    method: request.method,
    path: new URL(request.url).pathname,
    status,
    scimType: failure?.scimType ?? null,
    detail: failure?.detail ?? "",
  }).catch((e: unknown) => logFailure(e, classifyDbError(e), "route", "SCIM event not recorded"));
}

/**
 * At most REFUSALS_LOGGED_PER_MINUTE refused requests a minute reach the log,
 * per process: a flood of bad tokens costs no database write beyond that.
 */
const REFUSALS_LOGGED_PER_MINUTE = 60;
const refusalWindow = { minute: 0, count: 0 };
function withinRefusalBudget(): boolean {
  const minute = Math.floor(Date.now() / 60_000);
  if (refusalWindow.minute !== minute) Object.assign(refusalWindow, { minute, count: 0 });
  return ++refusalWindow.count <= REFUSALS_LOGGED_PER_MINUTE;
}

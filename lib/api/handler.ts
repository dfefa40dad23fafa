import "server-only";

import { createHash, randomUUID } from "node:crypto";
import { z } from "zod";

import { describeFailure, type RouteFailure } from "@/lib/actions/http";
import { apiCallerForToken, type ApiCaller } from "@/lib/auth/api-token";
import { parseInput } from "@/lib/data/guard";
import { getEnv } from "@/lib/env";
import { forbidden, invalid, unauthenticated } from "@/lib/errors";
import { CROSS_SITE_MESSAGE, crossOriginReason, readBodyWithin } from "@/lib/http/request-guards";
import { isLocale, type AppLocale } from "@/lib/i18n/locales";
import { timed } from "@/lib/observability/metrics";
import { consumeRateLimit } from "@/lib/server/rate-limit";
import { paramsToQuery } from "@/lib/validations/people";

import type { ApiOperation, ApiResult } from "./define";
import { onceForKey, readIdempotencyKey, requestHash, type Reply } from "./idempotency";
import { OPERATIONS } from "./operations";

// Every request under /api/v1 (app/api/v1/[...path]/route.ts): refuse a
// browser from another site, authenticate the bearer token (never a cookie),
// check its scope, rate-limit per token, read a bounded body while it
// streams, parse with the operation's zod schemas, run, and answer JSON with
// an ETag (reads) or once per Idempotency-Key (writes).

const JSON_BODY_LIMIT = 64 * 1024;
const JSON_TYPE = "application/json; charset=utf-8";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Match = { op: ApiOperation; params: Record<string, string> };
const compiled = OPERATIONS.map((op) => ({
  op,
  names: [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!),
  pattern: new RegExp(`^${op.path.replace(/\{\w+\}/g, "([^/]+)")}$`),
}));

/** The operation for a method and path; a known path with another method is a 405. */
function route(method: string, path: string): Match | { allow: string[] } | null {
  const allow: string[] = [];
  for (const c of compiled) {
    const m = c.pattern.exec(path);
    if (!m) continue;
    if (c.op.method !== method) {
      allow.push(c.op.method);
      continue;
    }
    // Next.js hands the segments over decoded already.
    return { op: c.op, params: Object.fromEntries(c.names.map((n, i) => [n, m[i + 1]!])) };
  }
  return allow.length ? { allow } : null;
}

export async function handleApi(request: Request, segments: string[]): Promise<Response> {
  const path = `/${segments.join("/")}`;
  const found = route(request.method, path);
  const label = found && "op" in found ? `/api/v1${found.op.path}` : "/api/v1/unknown";
  return timed(label, async () => {
    try {
      if (crossOriginReason(request)) throw forbidden(CROSS_SITE_MESSAGE);
      if (!found) return failure({ status: 404, code: "not_found", message: "There is no such API endpoint." });
      if (!("op" in found)) {
        const r = failure({ status: 405, code: "method_not_allowed", message: "This endpoint takes another method." });
        r.headers.set("allow", found.allow.join(", "));
        return r;
      }
      const caller = await authenticate(request);
      authorizeScope(caller, found.op);
      await consumeRateLimit(`api:${caller.tokenId}`, { limit: getEnv().API_RATE_LIMIT_PER_MINUTE, windowSeconds: 60 });
      return await run(request, found, caller);
    } catch (e) {
      return failure(describeFailure(e));
    }
  });
}

async function authenticate(request: Request): Promise<ApiCaller> {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  const caller = match ? await apiCallerForToken(match[1]!) : null;
  if (!caller) throw unauthenticated();
  return caller;
}

function authorizeScope(caller: ApiCaller, op: ApiOperation) {
  if (!caller.scopes.includes(op.scope)) throw forbidden(`This token lacks the "${op.scope}" scope.`);
  if (op.personalOnly && caller.kind !== "personal") throw forbidden("Only a personal token can do this.");
}

async function run(request: Request, { op, params }: Match, caller: ApiCaller): Promise<Response> {
  const url = new URL(request.url);
  const raw = op.method === "GET" ? new Uint8Array(0) : await readBody(request, op);
  const contentType = request.headers.get("content-type") ?? "";
  const rawQuery = paramsToQuery(url.searchParams);
  const ctx = {
    caller,
    params: op.params ? parseInput(op.params, params) : {},
    query: parseInput(op.query ?? emptyQuery, rawQuery),
    rawQuery,
    body: op.body ? parseInput(op.body, parseJson(raw, contentType)) : undefined,
    locale: locale(request, caller),
    raw,
    contentType,
    requestId: "",
  };
  if (op.method === "GET") return readReply(request, await op.handle(ctx));
  const key = readIdempotencyKey(request);
  ctx.requestId = key && UUID.test(key) ? key.toLowerCase() : randomUUID();
  const write = async (): Promise<Reply> => ({ status: op.status ?? 200, body: serialise(await op.handle(ctx)) });
  const reply = key
    ? await onceForKey(caller.tokenId, key, requestHash(op.method, url.pathname, raw), write)
    : await write();
  const headers: Record<string, string> = { "cache-control": "no-store" };
  if (key && "replayed" in reply && reply.replayed) headers["idempotent-replayed"] = "true";
  if (reply.status === 204) return new Response(null, { status: 204, headers });
  return new Response(reply.body, { status: reply.status, headers: { ...headers, "content-type": JSON_TYPE } });
}

const emptyQuery = z.strictObject({});

async function readBody(request: Request, op: ApiOperation): Promise<Uint8Array> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (op.rawBody) {
    if (!op.rawBody.mediaTypes.includes(type)) {
      throw invalid(`Send the file with Content-Type ${op.rawBody.mediaTypes.join(" or ")}.`);
    }
    return readBodyWithin(request, op.rawBody.maxBytes);
  }
  if (!op.body) return readBodyWithin(request, 0);
  if (type !== "application/json") throw invalid("Send a JSON body with Content-Type: application/json.");
  return readBodyWithin(request, JSON_BODY_LIMIT);
}

function parseJson(raw: Uint8Array, contentType: string): unknown {
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(raw));
  } catch {
    throw invalid(contentType ? "The body is not valid JSON." : "Send a JSON body.");
  }
}

/** Accept-Language (zh… or en…) or else the token owner's own language. */
function locale(request: Request, caller: ApiCaller): AppLocale {
  const first = (request.headers.get("accept-language") ?? "").split(",")[0]!.trim().toLowerCase();
  if (first.startsWith("zh")) return "zh-TW";
  if (first.startsWith("en")) return "en";
  return isLocale(caller.viewer.locale) ? caller.viewer.locale : "en";
}

const serialise = (result: ApiResult) => ("json" in result ? result.json : JSON.stringify(result.data));

/** A read's answer with a strong ETag of its body; a matching If-None-Match gets 304 and no body. */
function readReply(request: Request, result: ApiResult): Response {
  const body = serialise(result);
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
  const headers = { etag, "cache-control": "private, no-cache", vary: "Authorization, Accept-Language" };
  const ifNoneMatch = request.headers.get("if-none-match");
  if (
    ifNoneMatch &&
    (ifNoneMatch.trim() === "*" || ifNoneMatch.split(",").some((t) => t.trim().replace(/^W\//, "") === etag))
  ) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(body, { status: 200, headers: { ...headers, "content-type": JSON_TYPE } });
}

/** The error object every /api/v1 failure answers: { error: { code, message, fieldErrors? } }. */
function failure(f: RouteFailure): Response {
  const headers: Record<string, string> = { "content-type": JSON_TYPE, "cache-control": "no-store" };
  if (f.retryAfter) headers["retry-after"] = String(f.retryAfter);
  if (f.status === 401) headers["www-authenticate"] = 'Bearer realm="Skillgrid API"';
  const error = { code: f.code, message: f.message, ...(f.fieldErrors ? { fieldErrors: f.fieldErrors } : {}) };
  return new Response(JSON.stringify({ error }), { status: f.status, headers });
}

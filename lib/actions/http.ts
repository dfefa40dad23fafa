import "server-only";

import { AppError, classifyDbError, type DbErrorClass } from "@/lib/errors";

import { logFailure } from "./result";

/** The HTTP status of each expected failure (route handlers, SCIM). */
export const APP_ERROR_STATUS: Record<AppError["code"], number> = {
  unauthenticated: 401,
  forbidden: 403,
  invalid: 400,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  too_large: 413,
};

// Database failures by kind (lib/errors.ts): status, the code clients see,
// and for retryable ones how long to wait.
const DB_STATUS: Record<DbErrorClass["kind"], { status: number; code: string; retryAfter?: number }> = {
  storage_full: { status: 503, code: "storage_full", retryAfter: 60 },
  unavailable: { status: 503, code: "unavailable", retryAfter: 2 },
  contention: { status: 503, code: "unavailable", retryAfter: 1 },
  conflict: { status: 409, code: "conflict" },
  invalid: { status: 400, code: "invalid" },
  internal: { status: 500, code: "internal" },
};

/** A failure as a route answers it: status, the code clients branch on, words safe to show, and when to retry. */
export type RouteFailure = {
  status: number;
  code: string;
  message: string;
  fieldErrors?: Record<string, string[]>;
  retryAfter?: number;
};

/**
 * Expected failures keep their message and status; a database failure gets
 * its kind's status and fixed message (never the server's text, which is
 * logged without bound parameters); anything else is a generic 500.
 */
export function describeFailure(e: unknown): RouteFailure {
  if (e instanceof AppError) {
    return {
      status: APP_ERROR_STATUS[e.code],
      code: e.code,
      message: e.message,
      fieldErrors: e.fieldErrors,
      retryAfter: e.retryAfter,
    };
  }
  const c = classifyDbError(e);
  const { status, code, retryAfter } = DB_STATUS[c.kind];
  logFailure(e, c, "route", "route failed");
  return { status, code, message: c.message, retryAfter };
}

/** Route handlers' error answer: { error, code, fieldErrors } with the failure's status (and Retry-After). */
export function errorResponse(e: unknown): Response {
  const f = describeFailure(e);
  return Response.json(
    { error: f.message, code: f.code, fieldErrors: f.fieldErrors },
    { status: f.status, headers: f.retryAfter ? { "retry-after": String(f.retryAfter) } : undefined },
  );
}

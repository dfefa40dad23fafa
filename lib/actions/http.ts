import "server-only";
import { AppError, isTransientDbError, UNAVAILABLE_MESSAGE } from "@/lib/errors";
import { getLogger } from "@/lib/observability/logger";
import { metrics } from "@/lib/observability/metrics";

const STATUS: Record<AppError["code"], number> = { unauthenticated: 401, forbidden: 403, invalid: 400, not_found: 404, conflict: 409, rate_limited: 429, too_large: 413 };

/** Route handlers: expected failures keep their message and status; anything else is a generic 500. */
export function errorResponse(e: unknown): Response {
  if (e instanceof AppError) {
    const headers = e.retryAfter ? { "retry-after": String(e.retryAfter) } : undefined;
    return Response.json({ error: e.message, code: e.code, fieldErrors: e.fieldErrors }, { status: STATUS[e.code], headers });
  }
  if (isTransientDbError(e)) {
    metrics().errors.inc({ where: "database-unavailable" });
    return Response.json({ error: UNAVAILABLE_MESSAGE }, { status: 503, headers: { "retry-after": "2" } });
  }
  metrics().errors.inc({ where: "route" });
  getLogger().error({ err: e instanceof Error ? { message: e.message, name: e.name } : String(e) }, "route failed");
  return Response.json({ error: "Something went wrong. Please try again." }, { status: 500 });
}

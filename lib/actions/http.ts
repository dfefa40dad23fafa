import "server-only";
import { AppError } from "@/lib/errors";

const STATUS: Record<AppError["code"], number> = { unauthenticated: 401, forbidden: 403, invalid: 400, not_found: 404, conflict: 409 };

/** Route handlers: expected failures keep their message and status; anything else is a generic 500. */
export function errorResponse(e: unknown): Response {
  if (e instanceof AppError) return Response.json({ error: e.message, fieldErrors: e.fieldErrors }, { status: STATUS[e.code] });
  console.error(JSON.stringify({ level: "error", msg: "route failed", error: e instanceof Error ? e.message : String(e) }));
  return Response.json({ error: "Something went wrong. Please try again." }, { status: 500 });
}

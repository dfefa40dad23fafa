// Errors the data-access layer throws on purpose. Anything else is unexpected
// and is reported to the client as a generic failure (never the raw message).

export class AppError extends Error {
  constructor(
    readonly code: "unauthenticated" | "forbidden" | "invalid" | "not_found" | "conflict" | "rate_limited" | "too_large",
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
    /** Seconds after which the same request may succeed (rate limits). */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const unauthenticated = () => new AppError("unauthenticated", "Please sign in again.");
export const forbidden = (message = "You are not allowed to do this.") => new AppError("forbidden", message);
export const notFound = (message = "Not found.") => new AppError("not_found", message);
export const conflict = (message: string) => new AppError("conflict", message);
export const tooLarge = (message: string) => new AppError("too_large", message);
export const rateLimited = (retryAfter: number) =>
  new AppError("rate_limited", `Too many requests. Please wait ${retryAfter} s and try again.`, undefined, Math.max(1, Math.ceil(retryAfter)));
export const invalid = (message: string, fieldErrors?: Record<string, string[]>) =>
  new AppError("invalid", message, fieldErrors);

/**
 * The database could not be reached (restarting, network, shut down): the
 * change was not made and the same request can simply be retried.
 */
export function isTransientDbError(e: unknown): boolean {
  const seen = new Set<unknown>();
  for (let cur: unknown = e; cur && typeof cur === "object" && !seen.has(cur); cur = (cur as { cause?: unknown }).cause) {
    seen.add(cur);
    const code = String((cur as { code?: unknown }).code ?? "");
    if (["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED", "CONNECT_TIMEOUT", "57P01", "57P02", "57P03", "08000", "08003", "08006", "DATA_DIR_READ_ONLY"].includes(code)) return true;
  }
  return false;
}
export const UNAVAILABLE_MESSAGE = "The database is briefly unavailable, so nothing was saved. Please retry in a moment.";

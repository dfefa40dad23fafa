// Errors the data-access layer throws on purpose. Anything else is unexpected
// and is reported to the client as a generic failure (never the raw message).

export class AppError extends Error {
  constructor(
    readonly code:
      "unauthenticated" | "forbidden" | "invalid" | "not_found" | "conflict" | "rate_limited" | "too_large",
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
  new AppError(
    "rate_limited",
    `Too many requests. Please wait ${retryAfter} s and try again.`,
    undefined,
    Math.max(1, Math.ceil(retryAfter)),
  );
export const invalid = (message: string, fieldErrors?: Record<string, string[]>) =>
  new AppError("invalid", message, fieldErrors);

// Database errors, by SQLSTATE (PostgreSQL appendix A) or by the driver's or
// system's own code. Drizzle wraps the driver's error (DrizzleQueryError,
// whose message holds the statement and its bound values), so the code is
// looked for along the `cause` chain.
//
//   kind          codes                                       action code    retry
//   storage_full  53100 disk full, ENOSPC                     storage_full   yes, minutes later
//   unavailable   08xxx, 53xxx (not 53100), 57P0x, 57014,     unavailable    yes, seconds later
//                 25006, 25P03, socket and driver codes
//   contention    40001, 40P01, 55P03                         unavailable    yes: actions retry twice themselves
//   conflict      23505, 23503, 23P01                         conflict       no
//   invalid       22xxx, 23502, 23514, other 23xxx            invalid        no
//   internal      anything else (42xxx is a bug)              internal       no

export type DbErrorKind = "storage_full" | "unavailable" | "contention" | "conflict" | "invalid" | "internal";

export type DbErrorClass = {
  kind: DbErrorKind;
  /** The SQLSTATE that decided it, when the database (or the embedded database's guard) gave one. */
  sqlstate?: string;
  /** A driver's or the system's code that decided it (ECONNREFUSED, CONNECTION_CLOSED, ENOSPC…). */
  code?: string;
  /** For people: what happened and whether to retry. Never the server's text, which may hold values. */
  message: string;
  retryable: boolean;
  constraint?: string;
};

export const STORAGE_FULL_MESSAGE = "The server's disk is full, so nothing was saved. Please retry in a few minutes.";
export const UNAVAILABLE_MESSAGE =
  "The database is briefly unavailable, so nothing was saved. Please retry in a moment.";
export const TIMEOUT_MESSAGE = "The database took too long to answer, so nothing was saved. Please retry in a moment.";
export const CONTENTION_MESSAGE =
  "Another change was being saved at the same moment, so nothing was saved. Please retry.";
export const CONFLICT_MESSAGE =
  "This clashes with a change saved at the same moment, so nothing was saved. Reload the page and try again.";
export const REFUSED_MESSAGE = "The database refused this value, so nothing was saved.";
export const INTERNAL_MESSAGE = "Something went wrong. Please try again.";

/** Action error codes a client may simply send again (same request id): the change was not made. */
export const RETRYABLE_ACTION_CODES = ["unavailable", "storage_full"] as const;

// Classes start with a digit, or are HV (foreign data), P0 (PL/pgSQL), XX or F0;
// node's EPIPE is five capitals too.
const SQLSTATE = /^(?:[0-9][0-9A-Z]|HV|P0|XX|F0)[0-9A-Z]{3}$/;
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  "DATA_DIR_READ_ONLY",
]);

export const isSqlstate = (code: unknown): code is string => typeof code === "string" && SQLSTATE.test(code);

/** One layer of an error's cause chain at a time, outermost first (cycles end the walk). */
export function* causeChain(e: unknown): Generator<object> {
  const seen = new Set<unknown>();
  for (
    let cur: unknown = e;
    cur && typeof cur === "object" && !seen.has(cur);
    cur = (cur as { cause?: unknown }).cause
  ) {
    seen.add(cur);
    yield cur;
  }
}

/** The layer that carries a SQLSTATE, else the one with a code this module knows. */
export function databaseLayer(e: unknown): (object & { code: string }) | undefined {
  let known: (object & { code: string }) | undefined;
  for (const layer of causeChain(e)) {
    const code = (layer as { code?: unknown }).code;
    if (typeof code !== "string") continue;
    if (isSqlstate(code)) return layer as object & { code: string };
    if (!known && (UNAVAILABLE_CODES.has(code) || code === "ENOSPC")) known = layer as object & { code: string };
  }
  return known;
}

function kindOf(code: string): DbErrorKind {
  if (code === "53100" || code === "ENOSPC") return "storage_full";
  if (UNAVAILABLE_CODES.has(code) || /^(08|53|57P)/.test(code) || ["57014", "25006", "25P03"].includes(code))
    return "unavailable";
  if (["40001", "40P01", "55P03"].includes(code)) return "contention";
  if (["23505", "23503", "23P01"].includes(code)) return "conflict";
  if (/^(22|23)/.test(code)) return "invalid";
  return "internal";
}

const MESSAGES: Record<DbErrorKind, string> = {
  storage_full: STORAGE_FULL_MESSAGE,
  unavailable: UNAVAILABLE_MESSAGE,
  contention: CONTENTION_MESSAGE,
  conflict: CONFLICT_MESSAGE,
  invalid: REFUSED_MESSAGE,
  internal: INTERNAL_MESSAGE,
};

/** What a failure means for the person who asked (pure: reads the error's codes, never its text). */
export function classifyDbError(e: unknown): DbErrorClass {
  const layer = databaseLayer(e);
  if (!layer) return { kind: "internal", message: INTERNAL_MESSAGE, retryable: false };
  const kind = kindOf(layer.code);
  const fields = layer as { constraint?: unknown; constraint_name?: unknown };
  const constraint = fields.constraint_name ?? fields.constraint;
  return {
    kind,
    ...(isSqlstate(layer.code) ? { sqlstate: layer.code } : { code: layer.code }),
    message: layer.code === "57014" ? TIMEOUT_MESSAGE : MESSAGES[kind],
    retryable: kind === "storage_full" || kind === "unavailable" || kind === "contention",
    ...(typeof constraint === "string" && constraint ? { constraint } : {}),
  };
}

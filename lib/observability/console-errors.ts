import { carriesQueryValues, describeError } from "./describe-error";

// Next.js prints what a page or an action throws with console.error, as it
// is: for a database error that is drizzle's "Failed query: … params: …"
// (a member's email, their ratings) and the driver's error with its detail.
// Such arguments are replaced by their description (SQLSTATE, server
// message, constraint) and Next's digest, which the error page shows, so
// the line can still be matched to a report. Everything else passes as is.

/** console.error's arguments with database errors described. */
export function describeConsoleArgs(args: unknown[]): unknown[] {
  return args.map((a) => {
    if (!a || typeof a !== "object" || !carriesQueryValues(a)) return a;
    const digest = (a as { digest?: unknown }).digest;
    return { ...describeError(a), ...(typeof digest === "string" ? { digest } : {}) };
  });
}

const globalForConsole = globalThis as unknown as { __skillgridConsoleGuarded?: boolean };

/** Installed once per process, at start-up (instrumentation.ts). */
export function guardConsoleErrors(): void {
  if (globalForConsole.__skillgridConsoleGuarded) return;
  globalForConsole.__skillgridConsoleGuarded = true;
  const original = console.error.bind(console);
  console.error = (...args: unknown[]) => original(...describeConsoleArgs(args));
}

import "server-only";

import { AppError, classifyDbError, type DbErrorClass } from "@/lib/errors";
import { getLogger } from "@/lib/observability/logger";
import { metrics } from "@/lib/observability/metrics";

export type ActionError = {
  ok: false;
  /** "unavailable" and "storage_full" mean nothing was changed and the same request may be sent again (RETRYABLE_ACTION_CODES). */
  code: AppError["code"] | "internal" | "unavailable" | "storage_full";
  error: string;
  fieldErrors?: Record<string, string[]>;
};
export type ActionResult<T> = { ok: true; data: T } | ActionError;

// A serialization failure or deadlock rolls back the whole transaction, and
// an action's data call is reads plus one write transaction (or one
// statement): so it is run again, twice at most, before the person is asked to.
const CONTENTION_RETRIES = 2;
const pause = (attempt: number) => new Promise((r) => setTimeout(r, (10 + Math.random() * 40) * 2 ** attempt));

const ACTION_CODE: Record<DbErrorClass["kind"], ActionError["code"]> = {
  storage_full: "storage_full",
  unavailable: "unavailable",
  contention: "unavailable",
  conflict: "conflict",
  invalid: "invalid",
  internal: "internal",
};

/**
 * Runs a data-access call for a server action and turns the outcome into a
 * typed result. Expected failures keep their message; a database failure is
 * classified by its SQLSTATE (retryable or not, see lib/errors.ts), logged
 * through describeError (code and server message, never the statement's
 * values) and reported with a fixed message, so database details never reach
 * the client.
 */
export async function toActionResult<T>(fn: () => Promise<T>): Promise<ActionResult<T>> {
  const end = metrics().requestDuration.startTimer({ route: "server-action" });
  for (let attempt = 0; ; attempt++) {
    try {
      const data = await fn();
      end({ status: "200" });
      return { ok: true, data };
    } catch (e) {
      if (e instanceof AppError) {
        end({ status: e.code });
        return { ok: false, code: e.code, error: e.message, fieldErrors: e.fieldErrors };
      }
      const c = classifyDbError(e);
      if (c.kind === "contention" && attempt < CONTENTION_RETRIES) {
        getLogger().info({ err: e, attempt: attempt + 1 }, "database contention, retrying");
        await pause(attempt);
        continue;
      }
      end({ status: c.retryable ? "503" : c.kind === "internal" ? "500" : c.kind });
      logFailure(e, c, "server-action", "server action failed");
      return { ok: false, code: ACTION_CODE[c.kind], error: c.message };
    }
  }
}

/**
 * One log line and one metric per failure that was not an AppError: errors
 * for what needs an operator (a full disk, a bug), warnings for what passes
 * by itself or was the request's own doing.
 */
export function logFailure(e: unknown, c: DbErrorClass, where: "server-action" | "route", msg: string): void {
  metrics().errors.inc({ where: c.kind === "internal" ? where : `database-${c.kind.replace("_", "-")}` });
  const level = c.kind === "internal" || c.kind === "storage_full" ? "error" : "warn";
  // err goes out through describeError (the logger's serializer): code and server message, no values.
  getLogger()[level]({ err: e, where }, c.kind === "internal" ? msg : `database ${c.kind}`);
}

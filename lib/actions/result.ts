import "server-only";
import { AppError, isTransientDbError, UNAVAILABLE_MESSAGE } from "@/lib/errors";
import { getLogger } from "@/lib/observability/logger";
import { metrics } from "@/lib/observability/metrics";

export type ActionError = {
  ok: false;
  code: AppError["code"] | "internal" | "unavailable";
  error: string;
  fieldErrors?: Record<string, string[]>;
};
export type ActionResult<T> = { ok: true; data: T } | ActionError;

/**
 * Runs a data-access call for a server action and turns the outcome into a
 * typed result. Expected failures keep their message; anything else is logged
 * and reported generically, so database details never reach the client.
 */
export async function toActionResult<T>(fn: () => Promise<T>): Promise<ActionResult<T>> {
  const end = metrics().requestDuration.startTimer({ route: "server-action" });
  try {
    const data = await fn();
    end({ status: "200" });
    return { ok: true, data };
  } catch (e) {
    if (e instanceof AppError) {
      end({ status: e.code });
      return { ok: false, code: e.code, error: e.message, fieldErrors: e.fieldErrors };
    }
    if (isTransientDbError(e)) {
      end({ status: "503" });
      metrics().errors.inc({ where: "database-unavailable" });
      getLogger().warn({ err: e instanceof Error ? e.message : String(e) }, "database unavailable");
      return { ok: false, code: "unavailable", error: UNAVAILABLE_MESSAGE };
    }
    end({ status: "500" });
    metrics().errors.inc({ where: "server-action" });
    getLogger().error({ err: e instanceof Error ? { message: e.message, name: e.name } : String(e) }, "server action failed");
    return { ok: false, code: "internal", error: "Something went wrong. Please try again." };
  }
}

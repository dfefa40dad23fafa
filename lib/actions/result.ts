import "server-only";
import { AppError } from "@/lib/errors";

export type ActionError = {
  ok: false;
  code: AppError["code"] | "internal";
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
  try {
    return { ok: true, data: await fn() };
  } catch (e) {
    if (e instanceof AppError) return { ok: false, code: e.code, error: e.message, fieldErrors: e.fieldErrors };
    console.error(JSON.stringify({ level: "error", msg: "server action failed", error: e instanceof Error ? e.message : String(e) }));
    return { ok: false, code: "internal", error: "Something went wrong. Please try again." };
  }
}

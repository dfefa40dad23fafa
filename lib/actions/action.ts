import "server-only";

import { revalidatePath } from "next/cache";
import type { z } from "zod";

import { getViewer, type Viewer } from "@/lib/auth/viewer";

import { toActionResult, type ActionResult } from "./result";

type Options<R, Out> = {
  /** What to re-render after a success: a path, and "layout" for everything under it. */
  revalidate?: [path: string, type?: "layout" | "page"];
  /** What the client gets back, when not the data layer's whole result. */
  reply?: (result: R) => Out;
};

/**
 * A server action: the signed-in viewer and the client's input go to one
 * data-layer function, which checks the caller and parses the input itself
 * (it takes `unknown`); the outcome becomes a typed ActionResult
 * (lib/actions/result.ts), and a success re-renders what it changed.
 * `schema` only types the client's call: `createTargetAction({ … })` is
 * checked against what the data layer will accept.
 */
export function action<S extends z.ZodType, R, Out = R>(
  _schema: S,
  run: (viewer: Viewer | null, input: unknown) => Promise<R>,
  { revalidate, reply }: Options<R, Out> = {},
): (input: z.input<S>) => Promise<ActionResult<Out>> {
  return async (input) => {
    const result = await toActionResult(async () => run(await getViewer(), input));
    if (!result.ok) return result;
    if (revalidate) revalidatePath(...revalidate);
    return { ok: true, data: reply ? reply(result.data) : (result.data as unknown as Out) };
  };
}

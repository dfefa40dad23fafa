"use client";

import { useCallback, useState } from "react";

/** What a form says after an action: its outcome, in the viewer's language. */
export type ActionMessage = { ok: boolean; text: string };
type Failure = { ok: false; error: string };

/**
 * The message a form shows in its FormStatus, and `show(result, okText, failText?)`
 * to set it from an action's result (a failure says the action's error unless failText words it).
 */
export function useActionMessage() {
  const [message, setMessage] = useState<ActionMessage | null>(null);
  const show = useCallback(
    <R extends { ok: true } | Failure>(
      result: R,
      okText: string,
      failText?: (failure: Extract<R, Failure>) => string,
    ) => {
      if (result.ok) return setMessage({ ok: true, text: okText });
      const failure = result as Extract<R, Failure>;
      setMessage({ ok: false, text: failText ? failText(failure) : failure.error });
    },
    [],
  );
  return { message, setMessage, show };
}

"use client";

import { useCallback, useEffect, useRef, useState } from "react";

import { RETRYABLE_ACTION_CODES } from "@/lib/errors";

export type SaveStatus = "idle" | "pending" | "saving" | "retrying" | "saved" | "error";
/** Why a change is waiting to be retried: no answer from the server, or its typed, retryable refusal. */
export type RetryReason = "network" | (typeof RETRYABLE_ACTION_CODES)[number];
type Result<T> =
  { ok: true; data: T } | { ok: false; error: string; code?: string; fieldErrors?: Record<string, string[]> };

// Unsaved work across the whole page, for the "leave page?" warning.
let unsaved = 0;
if (typeof window !== "undefined") {
  window.addEventListener("beforeunload", (e) => {
    if (unsaved > 0) e.preventDefault();
  });
}

const isRetryable = (code: string): code is RetryReason =>
  code === "network" || (RETRYABLE_ACTION_CODES as readonly string[]).includes(code);

/**
 * How long to wait before the next attempt: doubling from 1 s up to 30 s; a
 * full disk from 5 s up to 60 s (freeing space takes an operator). Jittered,
 * so a page of rows does not retry in step.
 */
export function retryDelay(reason: RetryReason, attempt: number): number {
  const [base, cap] = reason === "storage_full" ? [5_000, 60_000] : [1_000, 30_000];
  return Math.min(cap, base * 2 ** attempt) * (0.8 + Math.random() * 0.4);
}

/**
 * Debounced save-as-you-go. A change the server could not take for a
 * passing reason (no connection, database unavailable, disk full) stays
 * pending and is retried with backoff until it lands or a newer change
 * replaces it; any other refusal stops with its message. The payload is
 * saved with one request id until it succeeds, so a retry after a lost
 * response never writes twice; a new payload gets a new id.
 */
export function useAutosave<Sent extends { requestId: string }, T>(
  save: (payload: Sent) => Promise<Result<T>>,
  onSaved: (data: T) => void,
  delay = 500,
) {
  type P = Omit<Sent, "requestId">;
  const [status, setStatus] = useState<SaveStatus>("idle");
  const [error, setError] = useState<string | null>(null);
  // The refusal's code: a retry can only help an unexpected failure ("internal"), never refused input.
  const [code, setCode] = useState<string | null>(null);
  const [reason, setReason] = useState<RetryReason | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pending = useRef<{ payload: P; requestId: string } | null>(null);
  const dirty = useRef(false);
  const generation = useRef(0);
  const alive = useRef(true);

  const markDirty = (value: boolean) => {
    if (value !== dirty.current) unsaved += value ? 1 : -1;
    dirty.current = value;
  };

  // Ends the wait before the next attempt early (retry now, a newer change, unmount).
  const wake = useRef<(() => void) | null>(null);
  const stopWaiting = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    wake.current?.();
  };

  const run = useCallback(async () => {
    const job = pending.current;
    if (!job) return;
    const gen = generation.current;
    const current = () => gen === generation.current && alive.current; // else a newer change (or a retry now) took over
    setStatus("saving");
    for (let attempt = 0; ; attempt++) {
      let result: Result<T>;
      try {
        result = await save({ ...job.payload, requestId: job.requestId } as Sent);
      } catch {
        result = { ok: false, error: "network", code: "network" };
      }
      if (!current()) return;
      if (result.ok) {
        pending.current = null;
        markDirty(false);
        setStatus("saved");
        setError(null);
        setCode(null);
        setReason(null);
        onSaved(result.data);
        return;
      }
      const code = result.code ?? "internal";
      if (!isRetryable(code)) {
        setStatus("error");
        setReason(null);
        setCode(code);
        // The field's own message says what to change; "Some fields are not valid." does not.
        setError(Object.values(result.fieldErrors ?? {})[0]?.[0] ?? result.error);
        return;
      }
      // Kept and retried; the row keeps saying why (no flicker to "Saving…" on each attempt).
      setStatus("retrying");
      setReason(code);
      setCode(null);
      setError(null);
      await new Promise<void>((resolve) => {
        wake.current = resolve;
        timer.current = setTimeout(resolve, retryDelay(code, attempt));
      });
      wake.current = null;
      if (!current()) return;
    }
  }, [save, onSaved]);

  const schedule = useCallback(
    (payload: P, immediate = false) => {
      generation.current++;
      stopWaiting();
      pending.current = { payload, requestId: crypto.randomUUID() };
      markDirty(true);
      setStatus("pending");
      setReason(null);
      timer.current = setTimeout(() => void run(), immediate ? 0 : delay);
    },
    [run, delay],
  );

  /** Sends the pending change now (same request id) instead of waiting for the next attempt. */
  const retry = useCallback(() => {
    if (wake.current) return stopWaiting(); // the retry loop goes on at once
    generation.current++;
    void run();
  }, [run]);

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
      stopWaiting();
      markDirty(false);
    };
  }, []);

  return { status, error, code, reason, schedule, retry };
}

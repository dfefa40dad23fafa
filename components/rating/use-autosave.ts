"use client";

import { useCallback, useEffect, useRef, useState } from "react";

export type SaveStatus = "idle" | "pending" | "saving" | "saved" | "error";
type Result<T> = { ok: true; data: T } | { ok: false; error: string; code?: string };

// Unsaved work across the whole page, for the "leave page?" warning.
let unsaved = 0;
if (typeof window !== "undefined") {
  window.addEventListener("beforeunload", (e) => {
    if (unsaved > 0) e.preventDefault();
  });
}

const RETRY_DELAYS = [1000, 3000];

/**
 * Debounced save-as-you-go with retries. The payload is saved with one
 * request id until it succeeds, so a retry after a lost response never writes
 * twice; a new payload gets a new id.
 */
export function useAutosave<P, T>(save: (payload: P & { requestId: string }) => Promise<Result<T>>, onSaved: (data: T) => void, delay = 500) {
  const [status, setStatus] = useState<SaveStatus>("idle");
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pending = useRef<{ payload: P; requestId: string } | null>(null);
  const dirty = useRef(false);
  const generation = useRef(0);

  const markDirty = (value: boolean) => {
    if (value !== dirty.current) unsaved += value ? 1 : -1;
    dirty.current = value;
  };

  const run = useCallback(async () => {
    const job = pending.current;
    if (!job) return;
    const gen = generation.current;
    setStatus("saving");
    for (let attempt = 0; ; attempt++) {
      let result: Result<T>;
      try {
        result = await save({ ...job.payload, requestId: job.requestId });
      } catch {
        result = { ok: false, error: "network" };
      }
      if (gen !== generation.current) return; // a newer change superseded this one
      if (result.ok) {
        pending.current = null;
        markDirty(false);
        setStatus("saved");
        setError(null);
        onSaved(result.data);
        return;
      }
      // Lost connections and a briefly unavailable database are worth retrying (same request id).
      const retryable = result.error === "network" || result.code === "unavailable";
      if (retryable && attempt < RETRY_DELAYS.length) {
        await new Promise((resolve) => setTimeout(resolve, RETRY_DELAYS[attempt]));
        if (gen !== generation.current) return;
        continue;
      }
      setStatus("error");
      setError(result.error === "network" ? null : result.error);
      return;
    }
  }, [save, onSaved]);

  const schedule = useCallback(
    (payload: P, immediate = false) => {
      generation.current++;
      pending.current = { payload, requestId: crypto.randomUUID() };
      markDirty(true);
      setStatus("pending");
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void run(), immediate ? 0 : delay);
    },
    [run, delay],
  );

  const retry = useCallback(() => {
    generation.current++;
    void run();
  }, [run]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
      markDirty(false);
    },
    [],
  );

  return { status, error, schedule, retry };
}

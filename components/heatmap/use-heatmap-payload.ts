"use client";

import { useEffect, useState } from "react";

export type PayloadState<T> = { status: "loading" } | { status: "failed" } | { status: "ready"; data: T };

/**
 * A heatmap's compact JSON, fetched by the browser from its cached API route
 * after the page shell has rendered: the page's HTML stays light and the
 * server renders no grid. Starts over when the URL changes (another quarter).
 * window.__heatmapDataAt marks when it arrived (bench: "data arrival → drawn").
 */
export function useHeatmapPayload<T>(url: string): PayloadState<T> {
  const [state, setState] = useState<{ url: string; value: PayloadState<T> } | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    fetch(url, { signal: controller.signal })
      .then((r) => (r.ok ? (r.json() as Promise<T>) : Promise.reject(new Error(String(r.status)))))
      .then((data) => {
        (window as unknown as { __heatmapDataAt?: number }).__heatmapDataAt = performance.now();
        setState({ url, value: { status: "ready", data } });
      })
      .catch(() => {
        if (!controller.signal.aborted) setState({ url, value: { status: "failed" } });
      });
    return () => controller.abort();
  }, [url]);
  return state && state.url === url ? state.value : { status: "loading" };
}

"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

import { Card } from "@/components/ui/card";
import type { HeatmapDto } from "@/lib/data/heatmap";

import { HeatmapView } from "./heatmap-view";

/**
 * The org heatmap (thousands of rows) is fetched as compact JSON from
 * /api/org/heatmap after the page shell renders, instead of travelling inside
 * the page's HTML: the page stays light, the payload is cached server-side,
 * and "data arrival → drawn" is measurable (window.__heatmapDataAt).
 */
export function OrgHeatmapLoader({ quarter }: { quarter: string }) {
  const t = useTranslations("org");
  const [state, setState] = useState<{ quarter: string; dto: HeatmapDto | null; failed: boolean } | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    fetch(`/api/org/heatmap?quarter=${encodeURIComponent(quarter)}`, { signal: controller.signal })
      .then((r) => (r.ok ? (r.json() as Promise<HeatmapDto | null>) : Promise.reject(new Error(String(r.status)))))
      .then((dto) => {
        (window as unknown as { __heatmapDataAt?: number }).__heatmapDataAt = performance.now();
        setState({ quarter, dto, failed: false });
      })
      .catch(() => {
        if (!controller.signal.aborted) setState({ quarter, dto: null, failed: true });
      });
    return () => controller.abort();
  }, [quarter]);

  if (!state || state.quarter !== quarter) {
    return (
      <Card as="p" className="p-6 text-sm text-muted-foreground" role="status">
        {t("loading")}
      </Card>
    );
  }
  if (state.failed)
    return (
      <p role="alert" className="text-sm text-danger">
        {t("loadFailed")}
      </p>
    );
  return state.dto ? <HeatmapView dto={state.dto} /> : <p className="text-muted-foreground">{t("none")}</p>;
}

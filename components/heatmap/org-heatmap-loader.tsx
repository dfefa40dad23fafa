"use client";

import { useTranslations } from "next-intl";

import type { HeatmapDto } from "@/lib/data/heatmap";

import { HeatmapView } from "./heatmap-view";
import { PayloadFailed, PayloadLoading } from "./payload-status";
import { useHeatmapPayload } from "./use-heatmap-payload";

/**
 * The org heatmap (thousands of rows) is fetched as compact JSON from
 * /api/org/heatmap after the page shell renders, instead of travelling inside
 * the page's HTML: the page stays light, the payload is cached server-side,
 * and "data arrival → drawn" is measurable (window.__heatmapDataAt).
 */
export function OrgHeatmapLoader({ quarter }: { quarter: string }) {
  const t = useTranslations("org");
  const payload = useHeatmapPayload<HeatmapDto | null>(`/api/org/heatmap?quarter=${encodeURIComponent(quarter)}`);
  if (payload.status === "loading") return <PayloadLoading>{t("loading")}</PayloadLoading>;
  if (payload.status === "failed") return <PayloadFailed>{t("loadFailed")}</PayloadFailed>;
  return payload.data ? <HeatmapView dto={payload.data} /> : <p className="text-muted-foreground">{t("none")}</p>;
}

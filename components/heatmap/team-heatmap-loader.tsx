"use client";

import { useTranslations } from "next-intl";
import { useMemo } from "react";

import type { TeamHeatmapDataDto } from "@/lib/data/heatmap";

import { CycleProgress } from "./cycle-progress";
import { HeatmapView } from "./heatmap-view";
import { PayloadFailed, PayloadLoading } from "./payload-status";
import { useHeatmapPayload } from "./use-heatmap-payload";

/** GET /api/teams/:id/heatmap: the cached matrix, plus what this viewer may do with it. */
type TeamPayload = TeamHeatmapDataDto & { canEdit: boolean; canOpen: boolean };

/**
 * The team page's matrix, drawn in the browser from the same cached payload
 * the API serves (the server renders only the page around it). For leads of
 * the live quarter, the cycle's progress comes first.
 */
export function TeamHeatmapLoader({
  teamId,
  quarter,
  leftIds,
}: {
  teamId: string;
  quarter: string;
  leftIds: string[];
}) {
  const t = useTranslations("heatmap");
  const url = `/api/teams/${encodeURIComponent(teamId)}/heatmap?quarter=${encodeURIComponent(quarter)}`;
  const payload = useHeatmapPayload<TeamPayload>(url);
  const dto = useMemo(
    () => (payload.status === "ready" ? withRowLinks(payload.data, new Set(leftIds)) : null),
    [payload, leftIds],
  );
  if (payload.status === "failed") return <PayloadFailed>{t("loadFailed")}</PayloadFailed>;
  if (!dto) return <PayloadLoading>{t("loading")}</PayloadLoading>;
  return (
    <>
      {dto.canEdit && dto.live && dto.members.length > 0 && <CycleProgress dto={dto} />}
      {dto.members.length === 0 ? <p className="text-muted-foreground">{t("empty")}</p> : <HeatmapView dto={dto} />}
    </>
  );
}

/**
 * The cached payload is shared by every viewer and is what the quarter was:
 * whether a row opens the person's page is this viewer's, and who has left
 * the team since is today's (a leaver's row is marked and opens nothing).
 */
function withRowLinks(payload: TeamPayload, left: Set<string>): TeamPayload {
  return {
    ...payload,
    scope: {
      kind: "team",
      id: payload.scope.kind === "team" ? payload.scope.id : "",
      name: teamName(payload),
      canEdit: payload.canEdit,
    },
    members: payload.members.map((m) =>
      left.has(m.id) ? { ...m, left: true, mayOpen: false } : { ...m, mayOpen: payload.canOpen },
    ),
  };
}

const teamName = (payload: TeamPayload) => (payload.scope.kind === "team" ? payload.scope.name : "");

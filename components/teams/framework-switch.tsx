"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import { Button } from "@/components/ui/button";
import { Section } from "@/components/ui/section";
import { Select } from "@/components/ui/select";
import { switchTeamVersionAction } from "@/lib/actions/frameworks";
import type { PublishedVersionDto } from "@/lib/data/frameworks";
import type { TeamRoadmapDto } from "@/lib/data/team-versions";

import { VersionMoveExplainer } from "./version-move-explainer";

export function FrameworkSwitch({
  teamId,
  roadmap,
  versions,
}: {
  teamId: string;
  roadmap: TeamRoadmapDto;
  versions: PublishedVersionDto[];
}) {
  const t = useTranslations("frameworkAdmin");
  const router = useRouter();
  const current = roadmap.versionId;
  const [versionId, setVersionId] = useState(current);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const switchTo = (id: string) =>
    start(async () => {
      const r = await switchTeamVersionAction({ teamId, versionId: id });
      setMessage(r.ok ? t("switched") : r.error);
      if (r.ok) router.refresh();
    });
  return (
    <Section titleId="fw-title" title={t("switchTitle")} description={t("switchHint")} className="space-y-3">
      {roadmap.latest && (
        <div
          className="space-y-2 rounded-md border border-primary/30 bg-accent p-3 text-sm text-accent-foreground"
          data-testid="retired-version"
        >
          <p className="font-medium">
            {t("onRetired", { name: roadmap.name, version: roadmap.version, latest: roadmap.latest.version })}
          </p>
          <VersionMoveExplainer />
          <Button size="sm" disabled={pending} onClick={() => switchTo(roadmap.latest!.id)}>
            {t("moveTo", { latest: roadmap.latest.version })}
          </Button>
        </div>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <Select
          aria-label={t("switchTitle")}
          className="max-w-full"
          value={versionId}
          onChange={(e) => setVersionId(e.target.value)}
        >
          {!versions.some((v) => v.id === current) && (
            <option value={current}>
              {t("versionLabel", { name: roadmap.name, version: roadmap.version, status: roadmap.status })}
            </option>
          )}
          {versions.map((v) => (
            <option key={v.id} value={v.id}>
              {t("versionLabel", { name: v.name, version: v.version, status: "published" })}
            </option>
          ))}
        </Select>
        <Button disabled={pending || versionId === current} onClick={() => switchTo(versionId)}>
          {t("switch")}
        </Button>
        <span role="status" aria-live="polite" className="text-sm text-muted-foreground">
          {message}
        </span>
      </div>
    </Section>
  );
}

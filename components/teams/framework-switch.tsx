"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { switchTeamVersionAction } from "@/app/(app)/frameworks/actions";
import { Button } from "@/components/ui/button";
import type { PublishedVersionDto } from "@/lib/data/frameworks";

export function FrameworkSwitch({ teamId, current, versions }: { teamId: string; current: string; versions: PublishedVersionDto[] }) {
  const t = useTranslations("frameworkAdmin");
  const router = useRouter();
  const [versionId, setVersionId] = useState(current);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <section aria-labelledby="fw-title" className="rounded-lg border border-border bg-card p-4 shadow-sm">
      <h2 id="fw-title" className="font-semibold">{t("switchTitle")}</h2>
      <p className="text-xs text-muted-foreground">{t("switchHint")}</p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <select aria-label={t("switchTitle")} className="h-9 rounded-md border border-border bg-card px-2 text-sm" value={versionId} onChange={(e) => setVersionId(e.target.value)}>
          {!versions.some((v) => v.id === current) && <option value={current}>—</option>}
          {versions.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name} · v{v.version}
            </option>
          ))}
        </select>
        <Button
          disabled={pending || versionId === current}
          onClick={() =>
            start(async () => {
              const r = await switchTeamVersionAction({ teamId, versionId });
              setMessage(r.ok ? t("switched") : r.error);
              if (r.ok) router.refresh();
            })
          }
        >
          {t("switch")}
        </Button>
        <span role="status" aria-live="polite" className="text-sm text-muted-foreground">
          {message}
        </span>
      </div>
    </section>
  );
}

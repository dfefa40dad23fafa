"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import { VersionMoveExplainer } from "@/components/teams/version-move-explainer";
import { Button } from "@/components/ui/button";
import { moveTeamsToLatestVersionAction } from "@/lib/actions/frameworks";

type Props = {
  frameworkId: string;
  latest: { id: string; version: number };
  teams: { id: string; name: string; version: number }[];
};

/** Admins: the teams still on a retired version of this roadmap, and one action that moves them all (then what it did). */
export function OlderVersionTeams({ frameworkId, latest, teams }: Props) {
  const t = useTranslations("frameworkAdmin.olderTeams");
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  // Rendered whenever the roadmap is published, so the result of a move stays on screen after the refresh empties the list.
  if (teams.length === 0) {
    return message ? (
      <p role="status" className="rounded-lg border border-border bg-muted px-4 py-2 text-sm">
        {message}
      </p>
    ) : null;
  }
  return (
    <section
      aria-labelledby="older-teams"
      className="space-y-2 rounded-lg border border-primary/30 bg-accent p-4 text-sm text-accent-foreground"
    >
      <h2 id="older-teams" className="font-semibold">
        {t("title")}
      </h2>
      <p>{t("intro", { count: teams.length })}</p>
      <ul className="flex flex-wrap gap-x-4 gap-y-1">
        {teams.map((team) => (
          <li key={team.id}>{t("team", { name: team.name, version: team.version })}</li>
        ))}
      </ul>
      <VersionMoveExplainer />
      <div className="flex flex-wrap items-center gap-3">
        <Button
          size="sm"
          disabled={pending}
          onClick={() =>
            start(async () => {
              const r = await moveTeamsToLatestVersionAction({ frameworkId });
              setMessage(
                r.ok ? t("moved", { count: r.data.moved, version: r.data.version ?? latest.version }) : r.error,
              );
              if (r.ok) router.refresh();
            })
          }
        >
          {t("moveAll", { version: latest.version })}
        </Button>
        <span role="status" aria-live="polite">
          {message}
        </span>
      </div>
    </section>
  );
}

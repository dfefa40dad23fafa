"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { createTeamAction } from "@/lib/actions/teams";
import { Button } from "@/components/ui/button";

export function NewTeamForm() {
  const t = useTranslations("teamAdmin");
  const router = useRouter();
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const result = await createTeamAction({ name, description: "" });
          if (result.ok) router.push(`/teams/${result.data.id}/settings`);
          else setError(result.fieldErrors?.name?.[0] ?? result.error);
        });
      }}
    >
      <label className="space-y-1 text-xs text-muted-foreground">
        <span className="block">{t("newTeam")}</span>
        <input className="h-9 w-56 rounded-md border border-border bg-card px-2 text-sm text-foreground" value={name} onChange={(e) => setName(e.target.value)} required maxLength={80} />
      </label>
      <Button type="submit" disabled={pending}>
        {t("create")}
      </Button>
      {error && (
        <p role="alert" className="w-full text-sm text-danger">
          {error}
        </p>
      )}
    </form>
  );
}

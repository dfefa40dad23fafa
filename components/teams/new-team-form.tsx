"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { createTeamAction } from "@/lib/actions/teams";

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
      <Field label={t("newTeam")}>
        <Input className="w-56" value={name} onChange={(e) => setName(e.target.value)} required maxLength={80} />
      </Field>
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

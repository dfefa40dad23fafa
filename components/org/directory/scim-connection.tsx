"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { useActionMessage } from "@/components/ui/use-action-message";
import { createScimTokenAction } from "@/lib/actions/directory";

import { CopyField } from "./copy-field";

// The first field error says more than "Some fields are not valid."
const failText = (r: { error: string; fieldErrors?: Record<string, string[]> }) =>
  Object.values(r.fieldErrors ?? {})[0]?.[0] ?? r.error;

/** What an admin pastes into the IdP: the base URL, and a token made here (shown once, then only its hint). */
export function ScimConnection({ baseUrl }: { baseUrl: string }) {
  const t = useTranslations("directory.connection");
  const router = useRouter();
  const [pending, start] = useTransition();
  const { message, show } = useActionMessage();
  const [name, setName] = useState("");
  const [days, setDays] = useState("");
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);

  const create = () =>
    start(async () => {
      const r = await createScimTokenAction({ name, expiresInDays: days === "" ? null : Number(days) });
      show(r, t("created"), failText);
      if (!r.ok) return;
      setCreated({ name, token: r.data.token });
      setName("");
      setDays("");
      router.refresh();
    });

  return (
    <div className="space-y-4">
      <p className="text-sm text-muted-foreground">{t("intro")}</p>
      <CopyField label={t("baseUrl")} value={baseUrl} />
      {created && (
        <div className="space-y-2 rounded-lg border border-danger/50 bg-danger/5 p-3" data-testid="new-scim-token">
          <Notice className="border-0 bg-transparent p-0 font-medium">{t("shownOnce", { name: created.name })}</Notice>
          <CopyField label={t("newToken", { name: created.name })} value={created.token} />
          <Button type="button" size="sm" variant="outline" onClick={() => setCreated(null)}>
            {t("done")}
          </Button>
        </div>
      )}
      <form
        className="flex flex-wrap items-end gap-3"
        aria-label={t("create")}
        onSubmit={(e) => {
          e.preventDefault();
          create();
        }}
      >
        <Field label={t("name")} hint={t("nameHint")} className="min-w-56 flex-1 sm:flex-none">
          <Input
            className="w-full sm:w-64"
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={80}
            required
          />
        </Field>
        <Field label={t("expiresInDays")} hint={t("expiresHint")}>
          <Input
            type="number"
            inputMode="numeric"
            min={1}
            max={3650}
            step={1}
            className="w-32"
            value={days}
            onChange={(e) => setDays(e.target.value)}
          />
        </Field>
        <Button type="submit" disabled={pending} className="mb-5">
          {t("create")}
        </Button>
      </form>
      <FormStatus message={message} className="min-h-5" />
    </div>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { Input, Textarea } from "@/components/ui/input";
import { useActionMessage } from "@/components/ui/use-action-message";
import { addLearningResourceAction, removeLearningResourceAction } from "@/lib/actions/learning-resources";

type Translator = ReturnType<typeof useTranslations<"skillPage">>;
const FIELDS = ["url", "title", "note"] as const;

/** A refused resource action in the viewer's language (the data layer's messages are English). */
function errorText(t: Translator, error: { code: string; fieldErrors?: Record<string, string[]> }): string {
  if (error.code === "invalid") {
    const field = FIELDS.find((f) => error.fieldErrors?.[f]?.length);
    return t(`error.${field ?? "invalid"}`);
  }
  if (error.code === "forbidden" || error.code === "unauthenticated") return t("error.forbidden");
  if (error.code === "not_found") return t("error.gone");
  return t("error.retry");
}

/** Adding a learning resource (admins and the skill's mentors; the data layer checks again). */
export function ResourceForm({ frameworkKey, skillKey }: { frameworkKey: string; skillKey: string }) {
  const t = useTranslations("skillPage");
  const router = useRouter();
  const [title, setTitle] = useState("");
  const [url, setUrl] = useState("");
  const [note, setNote] = useState("");
  const [fieldError, setFieldError] = useState<(typeof FIELDS)[number] | null>(null);
  const { message, show } = useActionMessage();
  const [pending, start] = useTransition();
  return (
    <form
      aria-label={t("addResource")}
      className="grid gap-3 sm:grid-cols-2"
      // The server checks every field and says what is wrong in the viewer's language (not the browser's).
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const r = await addLearningResourceAction({ frameworkKey, skillKey, title, url, note });
          setFieldError(r.ok ? null : (FIELDS.find((f) => r.fieldErrors?.[f]?.length) ?? null));
          show(r, t("resourceAdded"), (failure) => errorText(t, failure));
          if (r.ok) {
            setTitle("");
            setUrl("");
            setNote("");
            router.refresh();
          }
        });
      }}
    >
      <Field label={t("resourceTitle")} error={fieldError === "title" ? t("error.title") : undefined}>
        <Input className="w-full" required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
      </Field>
      <Field label={t("resourceUrl")} hint={t("urlHint")} error={fieldError === "url" ? t("error.url") : undefined}>
        <Input
          required
          className="w-full"
          type="url"
          inputMode="url"
          maxLength={2000}
          placeholder="https://"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
        />
      </Field>
      <Field
        label={t("resourceNote")}
        className="sm:col-span-2"
        error={fieldError === "note" ? t("error.note") : undefined}
      >
        <Textarea rows={2} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />
      </Field>
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {t("add")}
        </Button>
        <FormStatus message={message} />
      </div>
    </form>
  );
}

/** Removes one resource (shown to admins and to whoever added it). */
export function RemoveResourceButton({ id, title }: { id: string; title: string }) {
  const t = useTranslations("skillPage");
  const router = useRouter();
  const { message, show } = useActionMessage();
  const [pending, start] = useTransition();
  return (
    <div className="flex flex-col items-end gap-1">
      <Button
        size="sm"
        variant="outline"
        disabled={pending}
        aria-label={t("removeNamed", { title })}
        onClick={() =>
          start(async () => {
            const r = await removeLearningResourceAction({ id });
            show(r, t("resourceRemoved"), (failure) => errorText(t, failure));
            if (r.ok) router.refresh();
          })
        }
      >
        {t("remove")}
      </Button>
      <FormStatus message={message} />
    </div>
  );
}

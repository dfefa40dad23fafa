"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";

import { CopyField } from "@/components/org/directory/copy-field";
import { actionErrorKey } from "@/components/org/notifications/error-text";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { Input } from "@/components/ui/input";
import { useActionMessage } from "@/components/ui/use-action-message";
import { registerWebhookAction } from "@/lib/actions/webhooks";
import { WEBHOOK_EVENTS, type WebhookEvent } from "@/lib/webhooks/events";

import { eventKey } from "./event-label";

type FieldName = "url" | "events";

/** Registers an endpoint: URL, description, the events it wants; then shows its signing secret, once. */
export function RegisterWebhookForm() {
  const t = useTranslations("webhooks");
  const router = useRouter();
  const id = useId();
  const [pending, start] = useTransition();
  const { message, setMessage, show } = useActionMessage();
  const [url, setUrl] = useState("");
  const [description, setDescription] = useState("");
  const [events, setEvents] = useState<WebhookEvent[]>([]);
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [secret, setSecret] = useState<string | null>(null);

  const toggle = (e: WebhookEvent, on: boolean) =>
    setEvents(WEBHOOK_EVENTS.filter((x) => (x === e ? on : events.includes(x))));

  const submit = () =>
    start(async () => {
      const r = await registerWebhookAction({ url, description, events });
      const keys = Object.keys((!r.ok && r.fieldErrors) || {});
      const failed: Partial<Record<FieldName, string>> = {};
      if (keys.includes("url")) failed.url = t("register.badUrl");
      if (keys.some((k) => k.startsWith("events"))) failed.events = t("register.noEvents");
      setErrors(failed);
      show(r, t("register.added"), (f) =>
        Object.keys(failed).length > 0 ? t("register.notSaved") : t(`error.${actionErrorKey(f.code)}`),
      );
      if (r.ok) {
        setSecret(r.data.secret);
        setUrl("");
        setDescription("");
        setEvents([]);
        router.refresh();
      }
    });

  if (secret)
    return (
      <div className="space-y-3">
        <FormStatus message={message} />
        <CopyField label={t("register.secret")} value={secret} />
        <p className="text-xs text-muted-foreground">{t("register.secretHint")}</p>
        <Button
          type="button"
          variant="outline"
          onClick={() => {
            setSecret(null);
            setMessage(null);
          }}
        >
          {t("register.done")}
        </Button>
      </div>
    );

  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Field label={t("register.url")} hint={t("register.urlHint")} error={errors.url}>
        <Input
          type="url"
          inputMode="url"
          required
          maxLength={2000}
          placeholder="https://hooks.example.com/skillgrid"
          className="w-full max-w-xl"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
        />
      </Field>
      <Field label={t("register.description")}>
        <Input
          className="w-full max-w-xl"
          maxLength={200}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
      </Field>
      <fieldset className="space-y-2" aria-describedby={errors.events ? `${id}-events-error` : undefined}>
        <legend className="mb-1 text-xs text-muted-foreground">{t("register.events")}</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {WEBHOOK_EVENTS.map((e) => (
            <div key={e} className="flex items-start gap-3">
              <input
                id={`${id}-${e}`}
                type="checkbox"
                className="mt-1 size-4 shrink-0 accent-primary"
                checked={events.includes(e)}
                onChange={(x) => toggle(e, x.target.checked)}
              />
              <label htmlFor={`${id}-${e}`} className="min-w-0 text-sm">
                {t(`events.${eventKey(e)}`)}{" "}
                <code lang="en" className="inline-block text-xs text-muted-foreground">
                  {e}
                </code>
              </label>
            </div>
          ))}
        </div>
        {errors.events && (
          <p id={`${id}-events-error`} role="alert" className="text-xs text-danger">
            {errors.events}
          </p>
        )}
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {t("register.submit")}
        </Button>
        <FormStatus message={message} />
      </div>
    </form>
  );
}

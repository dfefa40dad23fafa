"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";

import { Card } from "@/components/ui/card";
import { FormStatus } from "@/components/ui/form-status";
import { useActionMessage } from "@/components/ui/use-action-message";
import { setEmailPreferenceAction } from "@/lib/actions/notifications";
import type { EmailPreferencesDto } from "@/lib/data/notifications";
import type { NotificationKind } from "@/lib/notifications/kinds";

/** The data layer's messages are English: the page words a refusal from its code. */
function errorKey(code: string): "signedOut" | "retry" | "other" {
  if (code === "unauthenticated") return "signedOut";
  if (code === "unavailable" || code === "storage_full" || code === "rate_limited") return "retry";
  return "other";
}

/** One checkbox per kind of email the person can receive; each change is saved at once and announced. */
export function EmailPreferences({ kinds }: { kinds: EmailPreferencesDto["kinds"] }) {
  const t = useTranslations("emailPrefs");
  const tk = useTranslations("emailKinds");
  const [enabled, setEnabled] = useState(() => new Map(kinds.map((k) => [k.kind, k.enabled])));
  const [pending, start] = useTransition();
  const { message, show } = useActionMessage();

  const toggle = (kind: NotificationKind, value: boolean) => {
    setEnabled((m) => new Map(m).set(kind, value));
    start(async () => {
      const r = await setEmailPreferenceAction({ kind, enabled: value });
      if (!r.ok) setEnabled((m) => new Map(m).set(kind, !value));
      show(r, t(value ? "turnedOn" : "turnedOff", { kind: tk(kind) }), (f) => t(`error.${errorKey(f.code)}`));
    });
  };

  return (
    <Card as="section" aria-label={t("listLabel")} className="p-4">
      <ul className="divide-y divide-border">
        {kinds.map(({ kind }) => (
          <li key={kind} className="flex items-start gap-3 py-3 first:pt-0 last:pb-0">
            <input
              id={`email-${kind}`}
              type="checkbox"
              className="mt-1 size-4 shrink-0 accent-primary"
              checked={enabled.get(kind) ?? true}
              disabled={pending}
              aria-describedby={`email-${kind}-explain`}
              onChange={(e) => toggle(kind, e.target.checked)}
            />
            <div className="min-w-0">
              <label htmlFor={`email-${kind}`} className="font-medium">
                {tk(kind)}
              </label>
              <p id={`email-${kind}-explain`} className="text-sm text-muted-foreground">
                {t(`explain.${kind}`)}
              </p>
            </div>
          </li>
        ))}
      </ul>
      <FormStatus message={message} className="mt-3" />
    </Card>
  );
}

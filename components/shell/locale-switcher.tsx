"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";

import { Select } from "@/components/ui/select";
import { LOCALE_LABELS, LOCALES, type AppLocale } from "@/lib/i18n/locales";
import { setLocaleCookie } from "@/lib/i18n/set-locale-cookie";

// The language is a preference cookie read on the server; changing it only
// needs a re-render of the current route, no server action.
export function LocaleSwitcher({ current, label }: { current: AppLocale; label: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <label className="flex items-center gap-2 text-sm text-muted-foreground">
      <span className="sr-only sm:not-sr-only">{label}</span>
      <Select
        size="sm"
        value={current}
        disabled={pending}
        onChange={(e) => {
          setLocaleCookie(e.target.value as AppLocale);
          startTransition(() => router.refresh());
        }}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l}>
            {LOCALE_LABELS[l]}
          </option>
        ))}
      </Select>
    </label>
  );
}

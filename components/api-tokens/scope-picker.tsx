"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";

import type { ApiScope } from "@/lib/api/scopes";

/** One checkbox per scope the token can use, each with a line on what it lets the token do. */
export function ScopePicker({
  offered,
  selected,
  onChange,
  explain,
  error,
}: {
  offered: ApiScope[];
  selected: ApiScope[];
  onChange: (scopes: ApiScope[]) => void;
  explain: "personal" | "service";
  error?: string;
}) {
  const t = useTranslations("apiTokens");
  const id = useId();
  const toggle = (scope: ApiScope, on: boolean) =>
    onChange(offered.filter((s) => (s === scope ? on : selected.includes(s))));
  return (
    <fieldset className="space-y-2" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="mb-1 text-xs text-muted-foreground">{t("create.scopes")}</legend>
      {offered.map((scope) => (
        <div key={scope} className="flex items-start gap-3">
          <input
            id={`${id}-${scope}`}
            type="checkbox"
            className="mt-1 size-4 shrink-0 accent-primary"
            checked={selected.includes(scope)}
            aria-describedby={`${id}-${scope}-explain`}
            onChange={(e) => toggle(scope, e.target.checked)}
          />
          <div className="min-w-0 text-sm">
            <label htmlFor={`${id}-${scope}`} className="font-medium">
              {t(`scope.${scope}`)} <code className="text-xs text-muted-foreground">{scope}</code>
            </label>
            <p id={`${id}-${scope}-explain`} className="text-muted-foreground">
              {t(`explain.${explain}.${scope}`)}
            </p>
          </div>
        </div>
      ))}
      {error && (
        <p id={`${id}-error`} role="alert" className="text-xs text-danger">
          {error}
        </p>
      )}
    </fieldset>
  );
}

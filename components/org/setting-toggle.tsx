"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";

import { updateOrgSettingAction } from "@/lib/actions/org";
import type { SettingKey } from "@/lib/data/settings";

export function SettingToggle({
  settingKey,
  label,
  initial,
}: {
  settingKey: SettingKey;
  label: string;
  initial: boolean;
}) {
  const t = useTranslations("org");
  const [checked, setChecked] = useState(initial);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm">
      <label className="flex items-center gap-2">
        <input
          type="checkbox"
          checked={checked}
          disabled={pending}
          onChange={(e) => {
            const value = e.target.checked;
            setChecked(value);
            start(async () => {
              const r = await updateOrgSettingAction({ key: settingKey, value });
              setMessage(r.ok ? t("saved") : r.error);
              if (!r.ok) setChecked(!value);
            });
          }}
        />
        {label}
      </label>
      <span role="status" aria-live="polite" className="text-xs text-muted-foreground">
        {message}
      </span>
    </div>
  );
}

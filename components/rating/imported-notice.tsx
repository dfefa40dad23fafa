"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState, useTransition } from "react";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { ImportedBy } from "@/lib/data/rating-sheet";

/** "Imported by Mei-Ling Chen on May 3, 2026": a self value someone else put in with an import. */
export function ImportedBadge({ imported }: { imported: NonNullable<ImportedBy> }) {
  const t = useTranslations("me");
  const format = useFormatter();
  const date = format.dateTime(new Date(imported.at), { dateStyle: "medium", timeZone: "UTC" });
  return (
    <Badge variant="outline" className="border-sky-700/50 text-sky-900" data-testid="imported">
      ⤓ {t("importedBy", { name: imported.by, date })}
    </Badge>
  );
}

/**
 * On the member's own sheet, under the imported badge: why the value does
 * not count yet, and a way to keep it as their own (changing it works too).
 */
export function ImportedNotice({
  skillName,
  onConfirm,
}: {
  skillName: string;
  onConfirm: () => Promise<string | null>;
}) {
  const t = useTranslations("me");
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-wrap items-center gap-1.5 text-xs">
      <span className="text-muted-foreground">{t("importedHint")}</span>
      <Button
        size="sm"
        variant="outline"
        className="h-6 px-2 text-xs"
        disabled={pending}
        aria-label={t("keepImportedFor", { skill: skillName })}
        onClick={() => start(async () => setError(await onConfirm()))}
      >
        ✓ {t("keepImported")}
      </Button>
      <span role="status" aria-live="polite" className="text-danger">
        {error}
      </span>
    </div>
  );
}

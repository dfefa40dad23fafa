"use client";

import { useTranslations } from "next-intl";

import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";

import type { RetryReason, SaveStatus } from "./use-autosave";

const tone: Record<SaveStatus, string> = {
  idle: "text-muted-foreground",
  pending: "text-muted-foreground",
  saving: "text-muted-foreground",
  saved: "text-muted-foreground",
  retrying: "text-amber-800",
  error: "text-danger",
};

/**
 * A row's save state. A change waiting to be retried stays on screen and says
 * why; a refused one says what the server said. Retry is offered only where it
 * can help: never for a value the server refused.
 */
export function SaveStatusLine({
  status,
  error,
  code,
  reason,
  onRetry,
}: {
  status: SaveStatus;
  error: string | null;
  code: string | null;
  reason: RetryReason | null;
  onRetry: () => void;
}) {
  const t = useTranslations("me");
  const text =
    status === "saving" || status === "pending"
      ? t("saving")
      : status === "retrying"
        ? t(
            reason === "storage_full"
              ? "retryingStorageFull"
              : reason === "unavailable"
                ? "retryingUnavailable"
                : "retryingOffline",
          )
        : status === "saved"
          ? t("saved")
          : status === "error"
            ? (error ?? t("notSaved"))
            : "";
  return (
    // A pending change or a refusal takes a line of its own, so the note field keeps its width.
    <div className={cn("flex items-center gap-2", (status === "retrying" || status === "error") && "basis-full")}>
      <span role="status" aria-live="polite" className={cn("min-w-16 text-xs", tone[status])}>
        {text}
      </span>
      {(status === "retrying" || (status === "error" && code === "internal")) && (
        <Button size="sm" variant="outline" className="h-7 shrink-0" onClick={onRetry}>
          {status === "retrying" ? t("retryNow") : t("retry")}
        </Button>
      )}
    </div>
  );
}

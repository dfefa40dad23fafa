import { getTranslations } from "next-intl/server";

import type { ClosedQuarterNotice as Notice } from "@/lib/data/cycles";

/** Says that the current quarter is closed and where new ratings go, on /me and team pages. */
export async function ClosedQuarterNotice({ notice }: { notice: Notice | null }) {
  if (!notice) return null;
  const t = await getTranslations("cycles");
  return (
    <p data-testid="closed-quarter-notice" className="rounded-lg border border-border bg-muted px-4 py-2 text-sm">
      {t("closedNotice", {
        quarter: notice.quarter,
        at: notice.closedAt.slice(0, 16).replace("T", " "),
        next: notice.next,
      })}
    </p>
  );
}

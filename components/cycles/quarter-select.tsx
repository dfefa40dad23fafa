"use client";

import { usePathname, useRouter } from "next/navigation";
import { useTranslations } from "next-intl";

const select = "h-8 rounded-md border border-border bg-card px-2 text-sm text-foreground";

/**
 * Picks the quarter a page shows (`?quarter=`, shareable and back-button
 * safe): the current one, read now, or a past one, read as of its moment.
 */
export function QuarterSelect({ quarter, quarters, currentQuarter, label }: { quarter: string; quarters: string[]; currentQuarter: string; label: string }) {
  const t = useTranslations("heatmap");
  const router = useRouter();
  const pathname = usePathname();
  return (
    <label className="space-y-1 text-xs text-muted-foreground">
      <span className="block">{label}</span>
      <select aria-label={label} className={select} value={quarter} onChange={(e) => router.push(`${pathname}?quarter=${e.target.value}`)}>
        {quarters.map((q) => (
          <option key={q} value={q}>
            {q === currentQuarter ? t("quarterCurrent", { quarter: q }) : t("quarterPast", { quarter: q })}
          </option>
        ))}
      </select>
    </label>
  );
}

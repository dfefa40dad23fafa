"use client";

import { cn } from "@/lib/utils";

export type ScaleValue = "na" | 0 | 1 | 2 | 3 | 4;
const VALUES: ScaleValue[] = ["na", 0, 1, 2, 3, 4];

/**
 * A radio group: Tab reaches it, arrow keys move and select, like any native
 * radio group. Each point shows its number and anchored meaning.
 */
export function ProficiencyScale({
  name,
  legend,
  value,
  labels,
  descriptors,
  onChange,
}: {
  name: string;
  legend: string;
  value: ScaleValue | null;
  labels: Record<string, string>;
  descriptors?: string[] | null;
  onChange: (value: ScaleValue) => void;
}) {
  return (
    <fieldset className="min-w-0">
      <legend className="sr-only">{legend}</legend>
      <div className="flex flex-wrap gap-1">
        {VALUES.map((v) => {
          const checked = value === v;
          const descriptor = typeof v === "number" ? descriptors?.[v] : undefined;
          return (
            <label
              key={String(v)}
              title={descriptor ?? labels[String(v)]}
              className={cn(
                "flex cursor-pointer items-center gap-1 rounded-md border px-2 py-1 text-xs transition-colors has-[:focus-visible]:outline has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-ring",
                checked ? "border-primary bg-primary text-primary-foreground" : "border-border bg-card hover:bg-muted",
              )}
            >
              <input
                type="radio"
                className="sr-only"
                name={name}
                value={String(v)}
                checked={checked}
                onChange={() => onChange(v)}
              />
              {typeof v === "number" && <span className="font-semibold tabular-nums">{v}</span>}
              <span className={cn(typeof v === "number" && "hidden md:inline")}>{labels[String(v)]}</span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

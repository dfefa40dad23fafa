"use client";

import { useTranslations } from "next-intl";
import { usePathname, useRouter } from "next/navigation";

import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";

/**
 * Picks the quarter a page shows (`?quarter=`, shareable and back-button
 * safe): the current one, read now, or a past one, read as of its moment.
 */
export function QuarterSelect({
  quarter,
  quarters,
  currentQuarter,
  label,
}: {
  quarter: string;
  quarters: string[];
  currentQuarter: string;
  label: string;
}) {
  const t = useTranslations("heatmap");
  const router = useRouter();
  const pathname = usePathname();
  return (
    <Field label={label}>
      <Select
        size="sm"
        aria-label={label}
        value={quarter}
        onChange={(e) => router.push(`${pathname}?quarter=${e.target.value}`)}
      >
        {quarters.map((q) => (
          <option key={q} value={q}>
            {q === currentQuarter ? t("quarterCurrent", { quarter: q }) : t("quarterPast", { quarter: q })}
          </option>
        ))}
      </Select>
    </Field>
  );
}

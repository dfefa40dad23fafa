import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { buttonVariants } from "@/components/ui/button";
import type { SkillRatingDto } from "@/lib/data/rating-sheet";

import { matchesValidationFilter, VALIDATION_FILTERS, type ValidationFilter } from "./validation-filter";

/** Links, not buttons: each filter is an address (?show=…), so Tab and Enter, back and forward all work. */
export async function ValidationFilters({
  skills,
  active,
  basePath,
}: {
  skills: SkillRatingDto[];
  active: ValidationFilter;
  basePath: string;
}) {
  const t = await getTranslations("validate");
  return (
    <nav aria-label={t("filters")} className="flex flex-wrap gap-1">
      {VALIDATION_FILTERS.map((f) => (
        <Link
          key={f}
          href={f === "all" ? basePath : `${basePath}?show=${f}`}
          aria-current={f === active ? "page" : undefined}
          className={buttonVariants({ size: "sm", variant: f === active ? "default" : "outline" })}
        >
          {t(`filter.${f}`, { count: skills.filter((s) => matchesValidationFilter(s, f)).length })}
        </Link>
      ))}
    </nav>
  );
}

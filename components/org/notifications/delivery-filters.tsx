import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { buttonVariants } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import type { DeliveryDto } from "@/lib/data/notifications";
import { NOTIFICATION_KINDS } from "@/lib/notifications/kinds";
import { cn } from "@/lib/utils";
import { DELIVERY_FILTERS } from "@/lib/validations/notifications";

const hrefFor = (status: string, kind: string | null) => {
  const q = new URLSearchParams({ ...(status !== "problems" && { status }), ...(kind && { kind }) }).toString();
  return q ? `/org/notifications?${q}#emails` : "/org/notifications#emails";
};

/** The emails table's filters, in the address: status as links (the current one marked), kind as a drop-down. */
export async function DeliveryFilters({ filter }: { filter: DeliveryDto["filter"] }) {
  const t = await getTranslations("notifications.filter");
  const tk = await getTranslations("emailKinds");
  return (
    <div className="flex flex-wrap items-end justify-between gap-3">
      <nav aria-label={t("label")} className="flex flex-wrap gap-1">
        {DELIVERY_FILTERS.map((s) => (
          <Link
            key={s}
            href={hrefFor(s, filter.kind)}
            aria-current={filter.status === s ? "page" : undefined}
            className={cn(
              buttonVariants({ size: "sm", variant: filter.status === s ? "default" : "ghost" }),
              "rounded-full",
            )}
          >
            {t(s)}
          </Link>
        ))}
      </nav>
      <form method="get" action="/org/notifications#emails" className="flex items-end gap-2">
        {filter.status !== "problems" && <input type="hidden" name="status" value={filter.status} />}
        <label className="space-y-1 text-xs text-muted-foreground">
          <span className="block">{t("kind")}</span>
          <Select name="kind" size="sm" defaultValue={filter.kind ?? ""}>
            <option value="">{t("allKinds")}</option>
            {NOTIFICATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {tk(k)}
              </option>
            ))}
          </Select>
        </label>
        <button type="submit" className={buttonVariants({ size: "sm", variant: "outline" })}>
          {t("apply")}
        </button>
      </form>
    </div>
  );
}

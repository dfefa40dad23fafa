import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";

import { Section } from "@/components/ui/section";
import type { SavedPlan } from "@/lib/data/staffing";

export async function SavedPlans({ plans }: { plans: SavedPlan[] }) {
  const t = await getTranslations("staffing");
  const format = await getFormatter();
  return (
    <Section title={t("savedPlans")} titleId="saved-plans" className="space-y-3">
      {plans.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t("noPlans")}</p>
      ) : (
        <ul className="divide-y divide-border text-sm" data-testid="saved-plans">
          {plans.map((p) => (
            <li key={p.id} className="py-2">
              <Link href={p.href} className="font-medium underline-offset-2 hover:underline">
                {p.name}
              </Link>
              <span className="block text-xs text-muted-foreground">
                {t("planMeta", {
                  who: p.createdBy,
                  when: format.dateTime(new Date(p.createdAt), { dateStyle: "medium" }),
                  people: p.people.join(", ") || "—",
                })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

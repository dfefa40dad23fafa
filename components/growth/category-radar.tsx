import { getTranslations } from "next-intl/server";

import { RadarChart } from "@/components/charts/radar-chart";
import { Section } from "@/components/ui/section";
import type { GrowthView } from "@/lib/analytics/growth";

const fmt = (v: number | null) => (v === null ? "—" : v.toFixed(1));

/** The category profile as a radar (self, validated, what the target level expects) and as a table. */
export async function CategoryRadar({ view }: { view: Pick<GrowthView, "categories" | "profile" | "target"> }) {
  const t = await getTranslations("growth");
  const { categories, profile, target } = view;
  const targetLabel = t("target", { level: target.name });
  return (
    <Section titleId="radar-title" title={t("radar")} titleClassName="text-lg" className="p-5">
      <RadarChart
        label={t("radar")}
        axes={categories.map((c) => c.name)}
        series={[
          { key: "target", label: targetLabel, color: "#6b7280", dash: "4 3", values: profile.map((p) => p.target) },
          { key: "self", label: t("legendSelf"), color: "#31688e", values: profile.map((p) => p.self) },
          {
            key: "validated",
            label: t("legendValidated"),
            color: "#b5770a",
            dash: "1 3",
            values: profile.map((p) => p.validated),
          },
        ]}
      />
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer text-muted-foreground">{t("radarTable")}</summary>
        <table className="mt-2 w-full text-left text-xs">
          <thead className="text-muted-foreground">
            <tr>
              <th scope="col" className="py-1 pr-2 font-medium">
                {t("category")}
              </th>
              <th scope="col" className="py-1 pr-2 font-medium">
                {t("selfMean")}
              </th>
              <th scope="col" className="py-1 pr-2 font-medium">
                {t("validatedMean")}
              </th>
              <th scope="col" className="py-1 font-medium">
                {targetLabel}
              </th>
            </tr>
          </thead>
          <tbody>
            {profile.map((p, i) => (
              <tr key={p.categoryKey} className="border-t border-border">
                <th scope="row" className="py-1 pr-2 font-normal">
                  {categories[i]!.name}
                </th>
                <td className="py-1 pr-2 tabular-nums">{fmt(p.self)}</td>
                <td className="py-1 pr-2 tabular-nums">{fmt(p.validated)}</td>
                <td className="py-1 tabular-nums">{p.target}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </Section>
  );
}

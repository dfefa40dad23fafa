import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { CyclesAdmin } from "@/components/org/cycles-admin";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { viewerWithCapability } from "@/lib/auth/page";
import { listCycles } from "@/lib/data/cycles";
import { addQuarters, quarterOf } from "@/lib/quarters";

export const metadata: Metadata = { title: "Assessment cycles" };

export default async function CyclesPage() {
  const viewer = await viewerWithCapability("/org/cycles", "cycle:manage");
  const t = await getTranslations("cycles");
  const cycles = await listCycles(viewer);
  const current = quarterOf(new Date());
  const suggested = cycles.some((c) => c.quarter === current) ? addQuarters(current, 1) : current;
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("intro")} />
      <Card as="section" className="p-5">
        <CyclesAdmin cycles={cycles} suggested={suggested} currentQuarter={current} />
      </Card>
    </div>
  );
}

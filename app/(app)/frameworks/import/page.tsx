import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { RoadmapImportForm } from "@/components/roadmap-admin/roadmap-import-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { viewerWithCapability } from "@/lib/auth/page";

export const metadata: Metadata = { title: "Import a roadmap" };

export default async function FrameworkImportPage() {
  await viewerWithCapability("/frameworks/import", "framework:manage");
  const t = await getTranslations("frameworkAdmin");
  return (
    <div className="space-y-6">
      <PageHeader title={t("importTitle")} description={t("importIntro")} />
      <Card as="section" className="p-5">
        <RoadmapImportForm />
      </Card>
    </div>
  );
}

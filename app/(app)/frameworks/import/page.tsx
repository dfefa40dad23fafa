import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RoadmapImportForm } from "@/components/roadmap-admin/roadmap-import-form";
import { PageHeader } from "@/components/ui/page-header";
import { viewerWithCapability } from "@/lib/auth/page";

export const metadata: Metadata = { title: "Import a roadmap" };

export default async function FrameworkImportPage() {
  await viewerWithCapability("/frameworks/import", "framework:manage");
  const t = await getTranslations("frameworkAdmin");
  return (
    <div className="space-y-6">
      <PageHeader title={t("importTitle")} description={t("importIntro")} />
      <section className="rounded-lg border border-border bg-card p-5 shadow-sm">
        <RoadmapImportForm />
      </section>
    </div>
  );
}

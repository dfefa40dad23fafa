import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { FrameworkImportForm } from "@/components/frameworks/import-form";
import { PageHeader } from "@/components/ui/page-header";
import { viewerOrSignIn } from "@/lib/auth/page";
import { can } from "@/lib/permissions";

export const metadata: Metadata = { title: "Import a roadmap" };

export default async function FrameworkImportPage() {
  const viewer = await viewerOrSignIn("/frameworks/import");
  if (!can(viewer, "framework:manage")) notFound();
  const t = await getTranslations("frameworkAdmin");
  return (
    <div className="space-y-6">
      <PageHeader title={t("importTitle")} description={t("importIntro")} />
      <section className="rounded-lg border border-border bg-card p-5 shadow-sm">
        <FrameworkImportForm />
      </section>
    </div>
  );
}

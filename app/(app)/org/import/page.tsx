import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ImportForm } from "@/components/org/import-form";
import { PageHeader } from "@/components/ui/page-header";
import { viewerOrSignIn } from "@/lib/auth/page";
import { can } from "@/lib/permissions";

export const metadata: Metadata = { title: "Import ratings" };

export default async function ImportPage() {
  const viewer = await viewerOrSignIn("/org/import");
  if (!can(viewer, "user:manage")) notFound();
  const t = await getTranslations("import");
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("intro")} />
      <section className="rounded-lg border border-border bg-card p-5 shadow-sm">
        <ImportForm />
      </section>
    </div>
  );
}

import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { RatingsImportForm } from "@/components/org/ratings-import-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { viewerWithCapability } from "@/lib/auth/page";

export const metadata: Metadata = { title: "Import ratings" };

export default async function ImportPage() {
  await viewerWithCapability("/org/import", "user:manage");
  const t = await getTranslations("import");
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("intro")} />
      <Card as="section" className="p-5">
        <RatingsImportForm />
      </Card>
    </div>
  );
}

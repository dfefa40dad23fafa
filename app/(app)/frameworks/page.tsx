import Link from "next/link";
import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { listFrameworks } from "@/lib/data/frameworks";
import { can } from "@/lib/permissions";
import type { AppLocale } from "@/lib/i18n/locales";
import { viewerOrSignIn } from "@/lib/auth/page";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("frameworks");
  return { title: t("title") };
}

export default async function FrameworksPage() {
  const locale = (await getLocale()) as AppLocale;
  const t = await getTranslations("frameworks");
  const ta = await getTranslations("frameworkAdmin");
  const viewer = await viewerOrSignIn("/frameworks");
  const frameworks = await listFrameworks(viewer, { locale });
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")}>
        {can(viewer, "framework:manage") && (
          <Link href="/frameworks/import" className={buttonVariants({ variant: "outline" })}>
            {ta("import")}
          </Link>
        )}
      </PageHeader>
      {frameworks.length === 0 ? (
        <p className="rounded-lg border border-dashed border-border p-8 text-center text-muted-foreground">{t("empty")}</p>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {frameworks.map((f) => (
            <li key={f.id}>
              <Card>
                <CardHeader>
                  <div className="flex items-center gap-2">
                    <Badge variant="outline">{t("version", { version: f.version })}</Badge>
                    <Badge>{t(`status.${f.status}`)}</Badge>
                  </div>
                  <CardTitle className="text-lg">{f.name}</CardTitle>
                  <CardDescription>{t("counts", { levels: f.levels, categories: f.categories, skills: f.skills })}</CardDescription>
                </CardHeader>
                <CardContent>
                  <Link href={`/frameworks/${f.id}`} className={buttonVariants({ size: "sm" })}>
                    {t("open")}
                  </Link>
                </CardContent>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

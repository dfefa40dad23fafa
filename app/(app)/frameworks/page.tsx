import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { viewerOrSignIn } from "@/lib/auth/page";
import { listFrameworkDrafts, listFrameworks, type FrameworkDraftSummaryDto } from "@/lib/data/frameworks";
import { getAppLocale } from "@/lib/i18n/app-locale";
import { can } from "@/lib/permissions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("frameworks");
  return { title: t("title") };
}

export default async function FrameworksPage() {
  const locale = await getAppLocale();
  const t = await getTranslations("frameworks");
  const ta = await getTranslations("frameworkAdmin");
  const viewer = await viewerOrSignIn("/frameworks");
  const frameworks = await listFrameworks(viewer, { locale });
  const drafts = can(viewer, "framework:manage") ? await listFrameworkDrafts(viewer, { locale }) : [];
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")}>
        {can(viewer, "framework:manage") && (
          <Link href="/frameworks/import" className={buttonVariants({ variant: "outline" })}>
            {ta("import")}
          </Link>
        )}
      </PageHeader>
      {drafts.length > 0 && <DraftList drafts={drafts} />}
      {frameworks.length === 0 ? (
        <p className="rounded-lg border border-dashed border-border p-8 text-center text-muted-foreground">
          {t("empty")}
        </p>
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
                  {/* Each roadmap is a section of the page: its name is the level under the page's h1. */}
                  <h2 className="text-lg leading-snug font-semibold">{f.name}</h2>
                  <CardDescription>
                    {t("counts", { levels: f.levels, categories: f.categories, skills: f.skills })}
                  </CardDescription>
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

/** Drafts (admins only): where an imported framework can be found again before it is published. */
async function DraftList({ drafts }: { drafts: FrameworkDraftSummaryDto[] }) {
  const t = await getTranslations("frameworks.drafts");
  const ts = await getTranslations("frameworks.status");
  return (
    <section aria-labelledby="drafts-title" className="space-y-3">
      <div>
        <h2 id="drafts-title" className="text-lg font-semibold">
          {t("listTitle")}
        </h2>
        <p className="text-sm text-muted-foreground">{t("listIntro")}</p>
      </div>
      <ul className="grid gap-3 md:grid-cols-2">
        {drafts.map((d) => (
          <li
            key={d.frameworkId}
            className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-dashed border-border bg-card p-4"
          >
            <div className="min-w-0 space-y-1">
              <p className="flex flex-wrap items-center gap-2">
                <Badge variant="outline">{ts("draft")}</Badge>
                <span className="font-medium">{d.name}</span>
              </p>
              <p className="text-sm text-muted-foreground">
                {d.published === null
                  ? t("importedState")
                  : t("draftState", { version: d.version, count: d.changes ?? 0 })}
              </p>
            </div>
            <Link
              href={`/frameworks/${d.frameworkId}/edit`}
              className={buttonVariants({ size: "sm", variant: "outline" })}
              aria-label={`${t("open")}: ${d.name}`}
            >
              {t("open")}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

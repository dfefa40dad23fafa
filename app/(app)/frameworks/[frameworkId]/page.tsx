import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";

import { OlderVersionTeams } from "@/components/roadmap-admin/older-version-teams";
import { levelAccent } from "@/components/roadmap/level-accent";
import { LevelSection } from "@/components/roadmap/level-section";
import { CapabilityList, GrowthTable, TransitionPath } from "@/components/roadmap/roadmap-extras";
import { BackLink } from "@/components/ui/back-link";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Section } from "@/components/ui/section";
import { viewerOrSignIn } from "@/lib/auth/page";
import { getViewer, type Viewer } from "@/lib/auth/viewer";
import { getDraft } from "@/lib/data/framework-admin";
import { getFrameworkTree } from "@/lib/data/frameworks";
import { listTeamsOnOlderVersions } from "@/lib/data/team-versions";
import { AppError } from "@/lib/errors";
import { getAppLocale } from "@/lib/i18n/app-locale";
import { pick } from "@/lib/i18n/pick";
import { can } from "@/lib/permissions";

type Props = { params: Promise<{ frameworkId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await getAppLocale();
  const viewer = await getViewer();
  const tree = viewer ? await getFrameworkTree(viewer, { frameworkId: (await params).frameworkId, locale }) : null;
  return { title: tree?.title };
}

export default async function FrameworkPage({ params }: Props) {
  const locale = await getAppLocale();
  const t = await getTranslations("framework");
  const ta = await getTranslations("frameworkAdmin");
  const { frameworkId } = await params;
  const viewer = await viewerOrSignIn(`/frameworks/${encodeURIComponent(frameworkId)}`);
  const tree = await getFrameworkTree(viewer, { frameworkId, locale });
  if (!tree) return <UnpublishedPointer viewer={viewer} frameworkId={frameworkId} />;
  const behind = can(viewer, "framework:manage")
    ? await listTeamsOnOlderVersions(viewer, { frameworkId: tree.id })
    : null;

  return (
    <div className="space-y-10">
      <header className="space-y-3">
        <BackLink href="/frameworks">{t("backToList")}</BackLink>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">{tree.title}</h1>
          <Badge variant="outline">v{tree.version}</Badge>
        </div>
        {tree.intro && <p className="max-w-3xl text-muted-foreground">{tree.intro}</p>}
        <div className="flex flex-wrap items-center gap-2 text-sm">
          {can(viewer, "framework:manage") && (
            <Link href={`/frameworks/${tree.id}/edit`} className={buttonVariants({ size: "sm" })}>
              {ta("edit")}
            </Link>
          )}
          <span className="text-muted-foreground">{ta("export")}:</span>
          {(["markdown-en", "markdown-zh", "json", "yaml"] as const).map((f) => (
            <a key={f} href={`/api/frameworks/${tree.id}/export?format=${f}`} className="text-primary hover:underline">
              {f === "markdown-en" ? "Markdown (en)" : f === "markdown-zh" ? "Markdown (zh-TW)" : f.toUpperCase()}
            </a>
          ))}
        </div>
        {behind?.latest && <OlderVersionTeams frameworkId={tree.id} latest={behind.latest} teams={behind.teams} />}
        <nav aria-label={t("levelsNav")} className="flex flex-wrap gap-2 pt-1">
          {tree.levels.map((l) => (
            <a
              key={l.key}
              href={`#level-${l.key}`}
              className="flex items-center gap-2 rounded-full border border-border bg-card px-3 py-1 text-sm hover:bg-muted"
            >
              <span
                aria-hidden
                className="h-2.5 w-2.5 rounded-full"
                style={{ background: levelAccent(l.position, tree.levels.length) }}
              />
              {l.name}
            </a>
          ))}
          {tree.capabilities.length > 0 && (
            <a
              href="#capabilities"
              className="rounded-full border border-border bg-card px-3 py-1 text-sm hover:bg-muted"
            >
              {t("capabilities")}
            </a>
          )}
        </nav>
      </header>

      {tree.levels.map((level) => (
        <LevelSection key={level.key} level={level} count={tree.levels.length} />
      ))}
      <CapabilityList capabilities={tree.capabilities} />
      <GrowthTable rows={tree.growthTable} />
      <TransitionPath path={tree.transitionPath} />
      {tree.conclusion && (
        <Section titleId="conclusion-title" title={t("conclusion")} titleClassName="text-lg" className="p-5">
          <p className="mt-2 text-sm whitespace-pre-line text-muted-foreground">{tree.conclusion}</p>
        </Section>
      )}
    </div>
  );
}

/**
 * A framework imported but never published has no roadmap yet: admins get a pointer to its draft, everyone else the
 * same 404 as for a framework that does not exist.
 */
async function UnpublishedPointer({ viewer, frameworkId }: { viewer: Viewer; frameworkId: string }) {
  if (!can(viewer, "framework:manage")) notFound();
  const draft = await getDraft(viewer, { frameworkId }).catch((e: unknown) => {
    if (e instanceof AppError) return null;
    throw e;
  });
  if (!draft || draft.published !== null) notFound();
  const locale = await getAppLocale();
  const t = await getTranslations("frameworks.unpublished");
  const tf = await getTranslations("framework");
  return (
    <div className="space-y-6">
      <BackLink href="/frameworks">{tf("backToList")}</BackLink>
      <section
        aria-labelledby="unpublished-title"
        className="max-w-2xl space-y-3 rounded-lg border border-dashed border-border bg-card p-5"
      >
        <h1 id="unpublished-title" className="text-2xl font-semibold tracking-tight">
          {t("title", { title: pick(locale, draft.doc.title.zh, draft.doc.title.en) })}
        </h1>
        <p className="text-muted-foreground">{t("intro", { version: draft.version })}</p>
        <Link href={`/frameworks/${frameworkId}/edit`} className={buttonVariants({ size: "sm" })}>
          {t("open")}
        </Link>
      </section>
    </div>
  );
}

import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { DraftEditor } from "@/components/roadmap-admin/draft-editor";
import { PublishedPreview } from "@/components/roadmap-admin/published-preview";
import { StartDraftButton } from "@/components/roadmap-admin/start-draft-button";
import { BackLink } from "@/components/ui/back-link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { orNotFound, viewerWithCapability } from "@/lib/auth/page";
import { getFrameworkEditor } from "@/lib/data/framework-admin";
import { getAppLocale } from "@/lib/i18n/app-locale";
import { pick } from "@/lib/i18n/pick";

type Props = { params: Promise<{ frameworkId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("frameworkAdmin");
  return { title: t("edit") };
}

// Rendering only reads: a draft is started by the "Start a draft" button (a POST), never by opening this page.
export default async function FrameworkEditPage({ params }: Props) {
  const { frameworkId } = await params;
  const viewer = await viewerWithCapability(`/frameworks/${encodeURIComponent(frameworkId)}/edit`, "framework:manage");
  const locale = await getAppLocale();
  const t = await getTranslations("frameworkAdmin");
  const tf = await getTranslations("frameworks");
  const editor = await orNotFound(getFrameworkEditor(viewer, { frameworkId }));
  const doc = editor.draft ? editor.draft.doc : editor.published.doc;
  const title = pick(locale, doc.title.zh, doc.title.en);
  // A framework imported but never published has no roadmap page yet.
  const back =
    editor.draft?.published === null
      ? { href: "/frameworks", label: tf("title") }
      : { href: `/frameworks/${frameworkId}`, label: title };
  return (
    <div className="space-y-6">
      <BackLink href={back.href}>{back.label}</BackLink>
      {editor.draft ? (
        <>
          <PageHeader title={t("editTitle", { title, version: editor.draft.version })} description={t("editIntro")} />
          <DraftEditor draft={editor.draft} />
        </>
      ) : (
        <>
          <PageHeader title={tf("drafts.noDraftTitle", { title, version: editor.published.version })} />
          <Card
            as="section"
            aria-label={tf("drafts.start")}
            className="flex flex-wrap items-center justify-between gap-4 p-4"
          >
            <p className="max-w-2xl text-sm text-muted-foreground">{tf("drafts.noDraftIntro")}</p>
            <StartDraftButton frameworkId={frameworkId} />
          </Card>
          <PublishedPreview published={editor.published} />
        </>
      )}
    </div>
  );
}

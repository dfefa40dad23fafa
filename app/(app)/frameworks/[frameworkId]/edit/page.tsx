import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { DraftEditor } from "@/components/frameworks/draft-editor";
import { PageHeader } from "@/components/ui/page-header";
import { viewerOrSignIn } from "@/lib/auth/page";
import { createDraft, getDraft } from "@/lib/data/framework-admin";
import { AppError } from "@/lib/errors";
import { can } from "@/lib/permissions";

export const metadata: Metadata = { title: "Edit roadmap" };
type Props = { params: Promise<{ frameworkId: string }> };

export default async function FrameworkEditPage({ params }: Props) {
  const { frameworkId } = await params;
  const viewer = await viewerOrSignIn(`/frameworks/${encodeURIComponent(frameworkId)}/edit`);
  if (!can(viewer, "framework:manage")) notFound();
  const t = await getTranslations("frameworkAdmin");
  const draft = await getDraft(viewer, { frameworkId }).catch((e: unknown) => {
    if (e instanceof AppError) notFound();
    throw e;
  });
  if (!draft) {
    // Opening the editor starts a draft from the published version.
    await createDraft(viewer, { frameworkId }).catch((e: unknown) => {
      if (e instanceof AppError) notFound();
      throw e;
    });
    redirect(`/frameworks/${frameworkId}/edit`);
  }
  return (
    <div className="space-y-6">
      <Link href={`/frameworks/${frameworkId}`} className="text-sm text-muted-foreground hover:text-foreground">
        ← {draft.doc.title.en}
      </Link>
      <PageHeader title={t("editTitle", { title: draft.doc.title.en, version: draft.version })} description={t("editIntro")} />
      <DraftEditor draft={draft} />
    </div>
  );
}

"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ActionMessage } from "@/components/ui/use-action-message";
import { discardDraftAction, publishDraftAction } from "@/lib/actions/frameworks";
import type { DraftDto } from "@/lib/data/framework-admin";
import { countChanges, type FrameworkDiff } from "@/lib/roadmap/diff";

const KINDS = [
  "added",
  "retired",
  "renamed",
  "moved",
  "redescribed",
  "reordered",
  "other",
] as const satisfies readonly (keyof FrameworkDiff)[];

/** "3 renamed, 1 retired" — the diff in a sentence, for the publish confirmation. */
function useDiffSummary(diff: FrameworkDiff | null): string {
  const t = useTranslations("frameworkAdmin.changeCounts");
  const locale = useLocale();
  if (!diff) return "";
  const parts = KINDS.filter((k) => diff[k].length > 0).map((k) => t(k, { count: diff[k].length }));
  return new Intl.ListFormat(locale, { style: "narrow", type: "unit" }).format(parts);
}

/** Publish (after a confirmation that shows what changes) and Discard (after one that says what is lost). */
export function DraftActions({ draft, onMessage }: { draft: DraftDto; onMessage: (m: ActionMessage) => void }) {
  const t = useTranslations("frameworkAdmin");
  const router = useRouter();
  const [open, setOpen] = useState<"publish" | "discard" | null>(null);
  const [pending, start] = useTransition();
  const summary = useDiffSummary(draft.diff);
  const unchanged = draft.diff !== null && countChanges(draft.diff) === 0;
  const skills = draft.doc.levels.reduce((n, l) => n + l.categories.reduce((m, c) => m + c.skills.length, 0), 0);
  const categories = draft.doc.levels.reduce((n, l) => n + l.categories.length, 0);
  const fail = (error: string) => {
    setOpen(null);
    onMessage({ ok: false, text: error });
  };
  const publish = () =>
    start(async () => {
      const r = await publishDraftAction({ frameworkId: draft.frameworkId });
      if (!r.ok) return fail(r.error);
      onMessage({ ok: true, text: t("published", { version: r.data.version }) });
      router.push(`/frameworks/${draft.frameworkId}`);
    });
  const discard = () =>
    start(async () => {
      const r = await discardDraftAction({ frameworkId: draft.frameworkId, lockVersion: draft.lockVersion });
      if (!r.ok) return fail(r.error);
      onMessage({ ok: true, text: t("discarded") });
      router.push(r.data.frameworkRemoved ? "/frameworks" : `/frameworks/${draft.frameworkId}`);
    });
  return (
    <div className="mt-3 flex flex-wrap items-center gap-2">
      <Button
        disabled={pending || unchanged}
        aria-describedby={unchanged ? "publish-unchanged" : undefined}
        onClick={() => setOpen("publish")}
      >
        {t("publish", { version: draft.version })}
      </Button>
      <Button variant="outline" disabled={pending} onClick={() => setOpen("discard")}>
        {t("discard")}
      </Button>
      {unchanged && (
        <p id="publish-unchanged" className="text-sm text-muted-foreground">
          {t("publishUnchanged")}
        </p>
      )}
      {open === "publish" && (
        <ConfirmDialog
          title={t("publishConfirm.title", { version: draft.version })}
          confirmLabel={t("publish", { version: draft.version })}
          cancelLabel={t("cancel")}
          pending={pending}
          onConfirm={publish}
          onCancel={() => setOpen(null)}
        >
          {draft.published === null ? (
            <p>{t("publishConfirm.first", { skills, categories })}</p>
          ) : (
            <>
              <p className="font-medium text-foreground">{summary}</p>
              <p>{t("publishConfirm.teams", { published: draft.published, version: draft.version })}</p>
            </>
          )}
        </ConfirmDialog>
      )}
      {open === "discard" && (
        <ConfirmDialog
          title={t("discardConfirm.title", { version: draft.version })}
          confirmLabel={t("discard")}
          cancelLabel={t("cancel")}
          pending={pending}
          danger
          onConfirm={discard}
          onCancel={() => setOpen(null)}
        >
          <p>
            {draft.published === null
              ? t("discardConfirm.neverPublished")
              : t("discardConfirm.body", { published: draft.published })}
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}

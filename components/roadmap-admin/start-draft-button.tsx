"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import { Button } from "@/components/ui/button";
import { createDraftAction } from "@/lib/actions/frameworks";

/** Starts a draft on purpose (a POST), then shows the editor on it. */
export function StartDraftButton({ frameworkId }: { frameworkId: string }) {
  const t = useTranslations("frameworks.drafts");
  const router = useRouter();
  const [failed, setFailed] = useState(false);
  const [pending, start] = useTransition();
  return (
    <div className="flex flex-col items-start gap-1">
      <Button
        disabled={pending}
        onClick={() =>
          start(async () => {
            const r = await createDraftAction({ frameworkId });
            setFailed(!r.ok);
            if (r.ok) router.refresh();
          })
        }
      >
        {pending ? t("starting") : t("start")}
      </Button>
      <p role="status" aria-live="polite" className="text-sm text-danger">
        {failed ? t("startFailed") : null}
      </p>
    </div>
  );
}

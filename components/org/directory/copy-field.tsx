"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";

import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/input";

/**
 * A read-only value to paste elsewhere (a URL, a token) with a Copy button.
 * A long value wraps inside the field rather than running off a phone's screen.
 */
export function CopyField({ label, value }: { label: string; value: string }) {
  const t = useTranslations("directory");
  const id = useId();
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied("yes");
    } catch {
      // No clipboard (an insecure origin, a denied permission): the field can still be selected by hand.
      setCopied("no");
    }
  };
  return (
    <div className="space-y-1 text-xs text-muted-foreground">
      <label htmlFor={id} className="block">
        {label}
      </label>
      <div className="flex flex-wrap items-start gap-2">
        {/* A textarea, not an input: a token is one long word, and only a textarea wraps it. */}
        <Textarea
          id={id}
          readOnly
          rows={1}
          value={value}
          spellCheck={false}
          onFocus={(e) => e.currentTarget.select()}
          className="field-sizing-content min-w-0 flex-1 basis-40 resize-none font-mono text-xs break-all"
        />
        <Button type="button" variant="outline" onClick={copy} aria-describedby={`${id}-copied`}>
          {t("copy")}
        </Button>
      </div>
      <p id={`${id}-copied`} role="status" aria-live="polite" className="min-h-4">
        {copied === "yes" ? t("copied") : copied === "no" ? t("copyFailed") : ""}
      </p>
    </div>
  );
}

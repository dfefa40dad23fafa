"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

import { Button } from "@/components/ui/button";

const FORMATS = ["xlsx", "csv", "json"] as const;

/** Downloads an export, showing progress as the (streamed) file arrives. */
export function ExportButtons({ query }: { query: string }) {
  const t = useTranslations("export");
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const download = async (format: (typeof FORMATS)[number]) => {
    setBusy(true);
    setStatus(t("preparing"));
    try {
      const response = await fetch(`/api/export?${query}&format=${format}`);
      if (!response.ok || !response.body) {
        const body = (await response.json().catch(() => null)) as { error?: string } | null;
        setStatus(body?.error ?? t("failed"));
        return;
      }
      const reader = response.body.getReader();
      const chunks: Uint8Array[] = [];
      let received = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        received += value.length;
        setStatus(t("downloading", { kb: Math.round(received / 1024) }));
      }
      const name =
        /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? `skillgrid.${format}`;
      const url = URL.createObjectURL(
        new Blob(chunks as BlobPart[], { type: response.headers.get("content-type") ?? undefined }),
      );
      const a = document.createElement("a");
      a.href = url;
      a.download = name;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setStatus(t("done", { name, kb: Math.round(received / 1024) }));
    } catch {
      setStatus(t("failed"));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="flex flex-wrap items-center gap-2">
      <span className="text-xs text-muted-foreground">{t("label")}</span>
      {FORMATS.map((f) => (
        <Button key={f} size="sm" variant="outline" disabled={busy} onClick={() => void download(f)}>
          {f.toUpperCase()}
        </Button>
      ))}
      <span role="status" aria-live="polite" className="text-xs text-muted-foreground">
        {status}
      </span>
    </div>
  );
}

"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState, useTransition } from "react";

import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FilePicker } from "@/components/ui/file-picker";
import { Textarea } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { importFrameworkAction } from "@/lib/actions/frameworks";
import type { ImportPreview } from "@/lib/data/framework-admin";

const formatOf = (name: string): "markdown" | "json" | "yaml" =>
  /\.json$/i.test(name) ? "json" : /\.ya?ml$/i.test(name) ? "yaml" : "markdown";

export function RoadmapImportForm() {
  const t = useTranslations("frameworkAdmin");
  const [format, setFormat] = useState<"markdown" | "json" | "yaml">("markdown");
  const [content, setContent] = useState("");
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  // A preview describes the text it was made from: any edit makes it stale, so Import waits for a new preview.
  const edit = (next: { format?: typeof format; content?: string }) => {
    if (next.format) setFormat(next.format);
    if (next.content !== undefined) setContent(next.content);
    setPreview(null);
    setError(null);
  };
  const run = (apply: boolean) =>
    start(async () => {
      const r = await importFrameworkAction({ format, content, apply });
      if (r.ok) {
        setPreview(r.data);
        setError(null);
      } else setError([r.error, ...(r.fieldErrors?.content ?? [])].join(" "));
    });
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <FilePicker
          label={t("file")}
          accept=".md,.markdown,.json,.yaml,.yml"
          onFile={async (f) => {
            if (f) edit({ format: formatOf(f.name), content: await f.text() });
          }}
        />
        <Field label={t("format")}>
          <Select value={format} onChange={(e) => edit({ format: e.target.value as typeof format })}>
            <option value="markdown">Markdown</option>
            <option value="json">JSON</option>
            <option value="yaml">YAML</option>
          </Select>
        </Field>
      </div>
      <Field label={t("content")}>
        <Textarea
          className="h-56 font-mono text-xs"
          value={content}
          onChange={(e) => edit({ content: e.target.value })}
        />
      </Field>
      <div className="flex gap-2">
        <Button variant="outline" disabled={pending || !content} onClick={() => run(false)}>
          {t("preview")}
        </Button>
        <Button disabled={pending || !preview?.ok || !!preview.created} onClick={() => run(true)}>
          {t("importDraft")}
        </Button>
      </div>
      <div role="status" aria-live="polite" className="space-y-2 text-sm">
        {error && <p className="text-danger">{error}</p>}
        {preview && !preview.ok && (
          <ul className="space-y-1 text-danger">
            {preview.errors.map((e, i) => (
              <li key={i}>{e.line ? t("lineError", { line: e.line, message: e.message }) : e.message}</li>
            ))}
          </ul>
        )}
        {preview?.ok && (
          <p>
            {t("previewLine", { title: preview.title ?? "", key: preview.key ?? "", ...preview.counts! })}{" "}
            {preview.existing && t("existing")}
          </p>
        )}
        {preview?.ok && preview.warnings.length > 0 && (
          <ul
            aria-label={t("warnings")}
            className="space-y-1 rounded-md border border-border bg-muted p-2 text-foreground"
          >
            {preview.warnings.map((w, i) => {
              const message = t("repeatedCategory", {
                name: w.name,
                level: w.level,
                firstLevel: w.firstLevel,
                key: w.key,
              });
              return <li key={i}>⚠ {w.line ? t("warningLine", { line: w.line, message }) : message}</li>;
            })}
          </ul>
        )}
        {preview?.created && (
          <p className="font-medium">
            {t("created", { version: preview.created.version })}{" "}
            <Link className="text-primary hover:underline" href={`/frameworks/${preview.created.frameworkId}/edit`}>
              {t("openEditor")} →
            </Link>
          </p>
        )}
      </div>
    </div>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { FilePicker } from "@/components/ui/file-picker";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { ImportResult } from "@/lib/data/import";

type State =
  | { kind: "idle" }
  | { kind: "uploading"; percent: number }
  | { kind: "done"; result: ImportResult }
  | { kind: "error"; message: string };

/** Uploads with XMLHttpRequest so large files show upload progress. */
function send(
  file: File,
  mode: "dry-run" | "apply",
  onProgress: (p: number) => void,
): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/import");
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onload = () => {
      try {
        resolve({ status: xhr.status, body: JSON.parse(xhr.responseText) });
      } catch {
        reject(new Error("bad response"));
      }
    };
    xhr.onerror = () => reject(new Error("network"));
    const form = new FormData();
    form.set("file", file);
    form.set("mode", mode);
    xhr.send(form);
  });
}

export function RatingsImportForm() {
  const t = useTranslations("import");
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<State>({ kind: "idle" });
  const run = async (mode: "dry-run" | "apply") => {
    if (!file) return;
    setState({ kind: "uploading", percent: 0 });
    try {
      const { status, body } = await send(file, mode, (percent) => setState({ kind: "uploading", percent }));
      if (status >= 400) setState({ kind: "error", message: (body as { error?: string }).error ?? t("failed") });
      else setState({ kind: "done", result: body as ImportResult });
    } catch {
      setState({ kind: "error", message: t("failed") });
    }
  };
  const result = state.kind === "done" ? state.result : null;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <FilePicker label={t("file")} accept=".csv,.xlsx" onFile={setFile} />
        <Button variant="outline" disabled={!file || state.kind === "uploading"} onClick={() => void run("dry-run")}>
          {t("dryRun")}
        </Button>
        <Button
          disabled={!file || state.kind === "uploading" || !result || result.applied || result.summary.changes === 0}
          onClick={() => void run("apply")}
        >
          {t("apply")}
        </Button>
      </div>
      {state.kind === "uploading" && (
        <div
          role="progressbar"
          aria-label={t("uploading")}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={state.percent}
          className="h-2 max-w-md overflow-hidden rounded-full bg-muted"
        >
          <div className="h-full bg-primary transition-all" style={{ width: `${state.percent}%` }} />
        </div>
      )}
      <div role="status" aria-live="polite">
        {state.kind === "error" && <p className="text-sm text-danger">{state.message}</p>}
        {result && (
          <div className="space-y-3">
            <p className="text-sm font-medium">
              {result.applied ? t("applied", result.summary) : t("summary", result.summary)}{" "}
              {result.unknownColumns.length > 0 && t("unknownColumns", { columns: result.unknownColumns.join(", ") })}
            </p>
            <Table>
              <THead plain>
                <tr>
                  <Th plain>{t("line")}</Th>
                  <Th plain>{t("email")}</Th>
                  <Th plain>{t("outcome")}</Th>
                </tr>
              </THead>
              <TBody>
                {result.rows.map((r) => (
                  <Tr key={r.line} className={r.status !== "ok" ? "bg-amber-50" : undefined}>
                    <Td plain className="tabular-nums">
                      {r.line}
                    </Td>
                    <Td plain>{r.email || "—"}</Td>
                    <Td plain>
                      {r.status === "unknown_person"
                        ? t("unknownPerson")
                        : r.status === "invalid"
                          ? r.errors
                              .map((e) => t("invalidCell", { column: e.column, value: e.value, message: e.message }))
                              .join(" · ")
                          : t("rowOk", { changes: r.changes.length, unchanged: r.unchanged })}
                    </Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          </div>
        )}
      </div>
    </div>
  );
}

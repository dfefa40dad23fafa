import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonVariants } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { viewerWithCapability } from "@/lib/auth/page";
import { listAuditEvents } from "@/lib/data/audit-log";
import { AppError } from "@/lib/errors";

export const metadata: Metadata = { title: "Audit log" };
type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const FIELDS = ["actor", "action", "entityType", "from", "to"] as const;
const input = "h-9 rounded-md border border-border bg-card px-2 text-sm";

export default async function AuditPage({ searchParams }: Props) {
  const viewer = await viewerWithCapability("/org/audit", "audit:read");
  const t = await getTranslations("audit");
  const params = await searchParams;
  const query = Object.fromEntries([...FIELDS, "page"].flatMap((k) => (typeof params[k] === "string" && params[k] !== "" ? [[k, params[k]]] : [])));
  const result = await listAuditEvents(viewer, query).catch((e: unknown) => {
    if (e instanceof AppError && e.code === "invalid") return { rows: [], page: 1, more: false, error: e.message };
    throw e;
  });
  const qs = (extra: Record<string, string>) => new URLSearchParams({ ...query, ...extra }).toString();
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("intro")}>
        <a href={`/api/audit/export?${qs({})}`} className={buttonVariants({ variant: "outline" })}>
          {t("export")}
        </a>
      </PageHeader>
      <form className="flex flex-wrap items-end gap-3 rounded-lg border border-border bg-card p-4 shadow-sm" method="get">
        {FIELDS.map((f) => (
          <label key={f} className="space-y-1 text-xs text-muted-foreground">
            <span className="block">{t(`fields.${f}`)}</span>
            <input name={f} type={f === "from" || f === "to" ? "date" : "text"} defaultValue={query[f] ?? ""} className={input} />
          </label>
        ))}
        <button type="submit" className={buttonVariants({})}>
          {t("filter")}
        </button>
      </form>
      {"error" in result && <p className="text-sm text-danger">{String(result.error)}</p>}
      <div className="overflow-x-auto rounded-lg border border-border bg-card shadow-sm">
        <table className="w-full text-left text-sm">
          <thead className="bg-muted text-xs text-muted-foreground">
            <tr>
              <th scope="col" className="px-3 py-2">{t("fields.at")}</th>
              <th scope="col" className="px-3 py-2">{t("fields.actor")}</th>
              <th scope="col" className="px-3 py-2">{t("fields.action")}</th>
              <th scope="col" className="px-3 py-2">{t("fields.entityType")}</th>
              <th scope="col" className="px-3 py-2">{t("change")}</th>
            </tr>
          </thead>
          <tbody>
            {result.rows.map((r) => (
              <tr key={r.id} className="border-t border-border align-top">
                <td className="whitespace-nowrap px-3 py-2 text-xs tabular-nums">{r.at.slice(0, 19).replace("T", " ")}</td>
                <td className="px-3 py-2 text-xs">{r.actor}</td>
                <td className="px-3 py-2"><code className="text-xs">{r.action}</code></td>
                <td className="px-3 py-2 text-xs">
                  {r.entityType}
                  {r.entityId && <span className="block max-w-48 truncate text-muted-foreground" title={r.entityId}>{r.entityId}</span>}
                </td>
                <td className="px-3 py-2">
                  {(r.before !== null || r.after !== null) && (
                    <details>
                      <summary className="cursor-pointer text-xs text-primary">{t("beforeAfter")}</summary>
                      <div className="mt-1 grid gap-2 md:grid-cols-2">
                        <pre className="max-h-64 overflow-auto whitespace-pre-wrap break-all rounded bg-muted p-2 text-[11px]">{JSON.stringify(r.before, null, 2)}</pre>
                        <pre className="max-h-64 overflow-auto whitespace-pre-wrap break-all rounded bg-muted p-2 text-[11px]">{JSON.stringify(r.after, null, 2)}</pre>
                      </div>
                    </details>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {result.rows.length === 0 && <p className="p-4 text-sm text-muted-foreground">{t("none")}</p>}
      </div>
      <div className="flex gap-3 text-sm">
        {result.page > 1 && <Link href={`/org/audit?${qs({ page: String(result.page - 1) })}`} className="text-primary hover:underline">← {t("newer")}</Link>}
        {result.more && <Link href={`/org/audit?${qs({ page: String(result.page + 1) })}`} className="text-primary hover:underline">{t("older")} →</Link>}
      </div>
    </div>
  );
}

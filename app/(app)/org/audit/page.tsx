import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableCard, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { viewerWithCapability } from "@/lib/auth/page";
import { listAuditEvents } from "@/lib/data/audit-log";
import { AppError } from "@/lib/errors";

export const metadata: Metadata = { title: "Audit log" };
type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const FIELDS = ["actor", "action", "entityType", "from", "to"] as const;

export default async function AuditPage({ searchParams }: Props) {
  const viewer = await viewerWithCapability("/org/audit", "audit:read");
  const t = await getTranslations("audit");
  const params = await searchParams;
  const query = Object.fromEntries(
    [...FIELDS, "page"].flatMap((k) => (typeof params[k] === "string" && params[k] !== "" ? [[k, params[k]]] : [])),
  );
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
      <Card as="form" className="flex flex-wrap items-end gap-3 p-4" method="get">
        {FIELDS.map((f) => (
          <Field key={f} label={t(`fields.${f}`)}>
            <Input name={f} type={f === "from" || f === "to" ? "date" : "text"} defaultValue={query[f] ?? ""} />
          </Field>
        ))}
        <button type="submit" className={buttonVariants({})}>
          {t("filter")}
        </button>
      </Card>
      {"error" in result && <p className="text-sm text-danger">{String(result.error)}</p>}
      <TableCard>
        <Table>
          <THead className="text-xs">
            <tr>
              <Th className="px-3">{t("fields.at")}</Th>
              <Th className="px-3">{t("fields.actor")}</Th>
              <Th className="px-3">{t("fields.action")}</Th>
              <Th className="px-3">{t("fields.entityType")}</Th>
              <Th className="px-3">{t("change")}</Th>
            </tr>
          </THead>
          <TBody>
            {result.rows.map((r) => (
              <Tr key={r.id} className="align-top">
                <Td className="px-3 text-xs whitespace-nowrap tabular-nums">{r.at.slice(0, 19).replace("T", " ")}</Td>
                <Td className="px-3 text-xs">{r.actor}</Td>
                <Td className="px-3">
                  <code className="text-xs">{r.action}</code>
                </Td>
                <Td className="px-3 text-xs">
                  {r.entityType}
                  {r.entityId && (
                    <span className="block max-w-48 truncate text-muted-foreground" title={r.entityId}>
                      {r.entityId}
                    </span>
                  )}
                </Td>
                <Td className="px-3">
                  {(r.before !== null || r.after !== null) && (
                    <details>
                      <summary className="cursor-pointer text-xs text-primary">{t("beforeAfter")}</summary>
                      <div className="mt-1 grid gap-2 md:grid-cols-2">
                        <pre className="max-h-64 overflow-auto rounded bg-muted p-2 text-[11px] break-all whitespace-pre-wrap">
                          {JSON.stringify(r.before, null, 2)}
                        </pre>
                        <pre className="max-h-64 overflow-auto rounded bg-muted p-2 text-[11px] break-all whitespace-pre-wrap">
                          {JSON.stringify(r.after, null, 2)}
                        </pre>
                      </div>
                    </details>
                  )}
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
        {result.rows.length === 0 && <p className="p-4 text-sm text-muted-foreground">{t("none")}</p>}
      </TableCard>
      <div className="flex gap-3 text-sm">
        {result.page > 1 && (
          <Link href={`/org/audit?${qs({ page: String(result.page - 1) })}`} className="text-primary hover:underline">
            ← {t("newer")}
          </Link>
        )}
        {result.more && (
          <Link href={`/org/audit?${qs({ page: String(result.page + 1) })}`} className="text-primary hover:underline">
            {t("older")} →
          </Link>
        )}
      </div>
    </div>
  );
}

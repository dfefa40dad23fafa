"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { useActionMessage } from "@/components/ui/use-action-message";
import { retryNotificationAction } from "@/lib/actions/notifications";
import type { DeliveryRowDto } from "@/lib/data/notifications";

import { actionErrorKey } from "./error-text";

const RETRYABLE = new Set<DeliveryRowDto["status"]>(["dead", "expired"]);

/** A status in words; a failure also in red, a sent one filled. */
function StatusBadge({ status, label }: { status: DeliveryRowDto["status"]; label: string }) {
  if (status === "dead")
    return (
      <Badge variant="outline" className="border-danger text-danger">
        {label}
      </Badge>
    );
  return (
    <Badge
      variant={status === "sent" ? "strong" : status === "pending" || status === "sending" ? "default" : "outline"}
    >
      {label}
    </Badge>
  );
}

/** The latest emails that match the filter: who, what kind, where it stands; failed or expired ones can be sent again. */
export function DeliveryTable({ rows }: { rows: DeliveryRowDto[] }) {
  const t = useTranslations("notifications");
  const tk = useTranslations("emailKinds");
  const format = useFormatter();
  const router = useRouter();
  const [pending, start] = useTransition();
  const { message, show } = useActionMessage();
  const when = (iso: string | null) =>
    iso ? format.dateTime(new Date(iso), { dateStyle: "short", timeStyle: "short" }) : "—";

  const retry = (row: DeliveryRowDto) =>
    start(async () => {
      const r = await retryNotificationAction({ notificationId: row.id });
      show(r, t("table.retried", { name: row.recipient.name }), (f) =>
        f.code === "conflict" || f.code === "not_found"
          ? t("table.retryConflict")
          : t(`error.${actionErrorKey(f.code)}`),
      );
      if (r.ok) router.refresh();
    });

  return (
    <div className="space-y-2">
      {rows.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t("table.none")}</p>
      ) : (
        <div className="relative overflow-x-auto">
          <Table className="min-w-[52rem]">
            <THead plain>
              <tr>
                <Th plain>{t("table.recipient")}</Th>
                <Th plain>{t("table.kind")}</Th>
                <Th plain>{t("table.status")}</Th>
                <Th plain className="text-right">
                  {t("table.attempts")}
                </Th>
                <Th plain>{t("table.lastError")}</Th>
                <Th plain>{t("table.created")}</Th>
                <Th plain>{t("table.sent")}</Th>
                <Th plain>
                  <span className="sr-only">{t("table.retry")}</span>
                </Th>
              </tr>
            </THead>
            <TBody>
              {rows.map((row) => (
                <Tr key={row.id} className={row.status === "dead" ? "bg-danger/5 align-top" : "align-top"}>
                  <Th plain scope="row" className="min-w-40 py-2 font-medium">
                    {row.recipient.name}
                    <span className="block text-xs font-normal break-all text-muted-foreground">
                      {row.recipient.email}
                    </span>
                  </Th>
                  <Td plain className="py-2 text-xs">
                    {tk(row.kind)}
                  </Td>
                  <Td plain className="py-2 whitespace-nowrap">
                    <StatusBadge status={row.status} label={t(`status.${row.status}`)} />
                  </Td>
                  <Td plain className="py-2 text-right text-xs tabular-nums">
                    {row.attempts}
                  </Td>
                  <Td plain className="max-w-64 py-2 text-xs break-words">
                    {row.lastError ? <code lang="en">{row.lastError}</code> : "—"}
                  </Td>
                  <Td plain className="py-2 text-xs whitespace-nowrap tabular-nums">
                    {when(row.createdAt)}
                  </Td>
                  <Td plain className="py-2 text-xs whitespace-nowrap tabular-nums">
                    {when(row.sentAt)}
                  </Td>
                  <Td plain className="py-2 pe-0 text-right">
                    {RETRYABLE.has(row.status) && (
                      <Button
                        size="sm"
                        variant="outline"
                        disabled={pending}
                        aria-label={t("table.retryFor", { name: row.recipient.name })}
                        onClick={() => retry(row)}
                      >
                        {t("table.retry")}
                      </Button>
                    )}
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </div>
      )}
      <FormStatus message={message} />
    </div>
  );
}

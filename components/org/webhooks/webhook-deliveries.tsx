"use client";

import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTransition } from "react";

import { actionErrorKey } from "@/components/org/notifications/error-text";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { useActionMessage } from "@/components/ui/use-action-message";
import { redeliverWebhookAction } from "@/lib/actions/webhooks";
import type { WebhookDeliveriesDto, WebhookDeliveryDto } from "@/lib/data/webhooks";

const REDELIVERABLE = new Set<WebhookDeliveryDto["status"]>(["dead", "delivered"]);

/** A status in words; a failure also in red, a delivered one filled. */
function StatusBadge({ status, label }: { status: WebhookDeliveryDto["status"]; label: string }) {
  if (status === "dead")
    return (
      <Badge variant="outline" className="border-danger text-danger">
        {label}
      </Badge>
    );
  return <Badge variant={status === "delivered" ? "strong" : "default"}>{label}</Badge>;
}

/** An endpoint's latest deliveries, each with its attempts (what the receiver answered), and a Redeliver button. */
export function WebhookDeliveries({ page }: { page: WebhookDeliveriesDto }) {
  const t = useTranslations("webhooks");
  const format = useFormatter();
  const router = useRouter();
  const [pending, start] = useTransition();
  const { message, show } = useActionMessage();
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "short", timeStyle: "medium" });

  const redeliver = (d: WebhookDeliveryDto) =>
    start(async () => {
      const r = await redeliverWebhookAction({ deliveryId: d.id });
      show(r, t("deliveries.redelivered"), (f) =>
        f.code === "conflict" ? t("deliveries.conflict") : t(`error.${actionErrorKey(f.code)}`),
      );
      if (r.ok) router.refresh();
    });

  const pageLink = (n: number) => `?endpoint=${page.endpointId}&page=${n}#endpoint-${page.endpointId}`;

  return (
    <div className="space-y-2">
      {page.rows.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t("deliveries.none")}</p>
      ) : (
        <ul className="divide-y divide-border rounded-md border border-border">
          {page.rows.map((d) => (
            <li key={d.id} className="flex flex-wrap items-start gap-x-4 gap-y-2 p-3 text-sm">
              <div className="min-w-0 flex-1 basis-64 space-y-1">
                <div className="flex flex-wrap items-center gap-2">
                  <code lang="en" className="font-medium">
                    {d.event}
                  </code>
                  <StatusBadge status={d.status} label={t(`status.${d.status}`)} />
                  <span className="text-xs text-muted-foreground tabular-nums">{when(d.createdAt)}</span>
                </div>
                {d.attemptLog.length > 0 && (
                  <ol
                    className="list-decimal space-y-0.5 ps-5 text-xs text-muted-foreground"
                    aria-label={t("deliveries.attempts")}
                  >
                    {d.attemptLog.map((a, i) => (
                      <li key={i} className="break-words">
                        {t("deliveries.attempt", {
                          status: a.status === null ? t("deliveries.noAnswer") : `HTTP ${a.status}`,
                          ms: a.durationMs,
                          when: when(a.at),
                        })}
                        {a.error && (
                          <>
                            {" — "}
                            <code lang="en">{a.error}</code>
                          </>
                        )}
                      </li>
                    ))}
                  </ol>
                )}
              </div>
              {REDELIVERABLE.has(d.status) && (
                <Button
                  size="sm"
                  variant="outline"
                  disabled={pending}
                  aria-label={t("deliveries.redeliverFor", { event: d.event, when: when(d.createdAt) })}
                  onClick={() => redeliver(d)}
                >
                  {t("deliveries.redeliver")}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {(page.page > 1 || page.hasMore) && (
        <nav aria-label={t("deliveries.nav")} className="flex gap-4 text-sm">
          {page.page > 1 && (
            <Link className="underline" href={pageLink(page.page - 1)}>
              {t("deliveries.newer")}
            </Link>
          )}
          {page.hasMore && (
            <Link className="underline" href={pageLink(page.page + 1)}>
              {t("deliveries.older")}
            </Link>
          )}
        </nav>
      )}
      <FormStatus message={message} />
    </div>
  );
}

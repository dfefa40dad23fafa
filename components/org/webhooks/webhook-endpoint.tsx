"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";

import { actionErrorKey } from "@/components/org/notifications/error-text";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormStatus } from "@/components/ui/form-status";
import { useActionMessage } from "@/components/ui/use-action-message";
import { disableWebhookAction, enableWebhookAction } from "@/lib/actions/webhooks";
import type { WebhookDeliveriesDto, WebhookEndpointDto } from "@/lib/data/webhooks";

import { eventKey } from "./event-label";
import { WebhookDeliveries } from "./webhook-deliveries";

/** One endpoint: where it points, what it gets, how its deliveries went, and its recent deliveries. */
export function WebhookEndpoint({
  endpoint,
  deliveries,
}: {
  endpoint: WebhookEndpointDto;
  deliveries: WebhookDeliveriesDto;
}) {
  const t = useTranslations("webhooks");
  const format = useFormatter();
  const router = useRouter();
  const [pending, start] = useTransition();
  const { message, show } = useActionMessage();
  const c = endpoint.counts;

  const toggle = () =>
    start(async () => {
      const input = { endpointId: endpoint.id };
      const r = endpoint.disabled ? await enableWebhookAction(input) : await disableWebhookAction(input);
      show(r, t(endpoint.disabled ? "list.enabledDone" : "list.disabledDone"), (f) =>
        t(`error.${actionErrorKey(f.code)}`),
      );
      if (r.ok) router.refresh();
    });

  const titleId = `endpoint-${endpoint.id}`;
  return (
    <Card as="section" aria-labelledby={titleId} className="space-y-3 p-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 flex-1 basis-64 space-y-1">
          <h3 id={titleId} className="font-mono text-sm font-medium break-all">
            {endpoint.url}
          </h3>
          {endpoint.description && <p className="text-sm text-muted-foreground">{endpoint.description}</p>}
        </div>
        <div className="flex items-center gap-2">
          {endpoint.disabled ? (
            <Badge variant="outline">{t("list.disabled")}</Badge>
          ) : (
            <Badge variant="strong">{t("list.enabled")}</Badge>
          )}
          <Button
            size="sm"
            variant="outline"
            disabled={pending}
            aria-label={t(endpoint.disabled ? "list.enableFor" : "list.disableFor", { url: endpoint.url })}
            onClick={toggle}
          >
            {t(endpoint.disabled ? "list.enable" : "list.disable")}
          </Button>
        </div>
      </div>
      <FormStatus message={message} />
      <div className="space-y-1 text-sm">
        <p className="text-xs text-muted-foreground">{t("list.events")}</p>
        <ul className="flex flex-wrap gap-2">
          {endpoint.events.map((e) => (
            <li key={e}>
              <Badge variant="outline" title={e}>
                {t(`events.${eventKey(e)}`)}
              </Badge>
            </li>
          ))}
        </ul>
      </div>
      <p className="text-xs text-muted-foreground">
        {t("list.counts", {
          delivered: c.delivered ?? 0,
          pending: (c.pending ?? 0) + (c.sending ?? 0),
          dead: c.dead ?? 0,
        })}{" "}
        {endpoint.lastDeliveryAt
          ? t("list.lastDelivery", {
              when: format.dateTime(new Date(endpoint.lastDeliveryAt), { dateStyle: "short", timeStyle: "short" }),
            })
          : t("list.never")}
      </p>
      <h4 className="text-sm font-medium">{t("deliveries.title")}</h4>
      <WebhookDeliveries page={deliveries} />
    </Card>
  );
}

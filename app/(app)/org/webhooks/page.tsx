import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { RegisterWebhookForm } from "@/components/org/webhooks/register-webhook-form";
import { WebhookEndpoint } from "@/components/org/webhooks/webhook-endpoint";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { viewerWithCapability } from "@/lib/auth/page";
import { listWebhookDeliveries, listWebhooks } from "@/lib/data/webhooks";

export const metadata: Metadata = { title: "Webhooks" };
type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function WebhooksPage({ searchParams }: Props) {
  const viewer = await viewerWithCapability("/org/webhooks", "api:manage");
  const t = await getTranslations("webhooks");
  const tn = await getTranslations("nav");
  const params = await searchParams;
  const endpoints = await listWebhooks(viewer);
  // ?endpoint=…&page=N pages one endpoint's deliveries; the others show their first page.
  const paged = typeof params.endpoint === "string" ? params.endpoint : null;
  const asked = Number(params.page);
  // A hand-edited page number shows the first page rather than an error.
  const page = Number.isInteger(asked) && asked >= 1 && asked <= 1000 ? asked : 1;
  const deliveries = await Promise.all(
    endpoints.map((e) => listWebhookDeliveries(viewer, { endpointId: e.id, page: e.id === paged ? page : 1 })),
  );
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <BackLink href="/org">{tn("org")}</BackLink>
        <PageHeader title={t("title")} description={t("intro")} />
      </div>
      <Section title={t("register.title")} titleId="register-webhook" className="space-y-4">
        <RegisterWebhookForm />
      </Section>
      <Section title={t("list.title")} titleId="webhook-endpoints" className="space-y-4">
        {endpoints.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("list.none")}</p>
        ) : (
          endpoints.map((e, i) => <WebhookEndpoint key={e.id} endpoint={e} deliveries={deliveries[i]!} />)
        )}
      </Section>
    </div>
  );
}

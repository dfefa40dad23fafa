import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { DeliveryCounts } from "@/components/org/notifications/delivery-counts";
import { DeliveryFilters } from "@/components/org/notifications/delivery-filters";
import { DeliveryTable } from "@/components/org/notifications/delivery-table";
import { EmailScheduleForm } from "@/components/org/notifications/email-schedule-form";
import { MailServer } from "@/components/org/notifications/mail-server";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { orStartAfresh, viewerWithCapability } from "@/lib/auth/page";
import { getDeliveryStatus } from "@/lib/data/notifications";

export const metadata: Metadata = { title: "Email delivery" };
type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function NotificationsPage({ searchParams }: Props) {
  const viewer = await viewerWithCapability("/org/notifications", "notifications:manage");
  const t = await getTranslations("notifications");
  const tn = await getTranslations("nav");
  const params = await searchParams;
  const query = Object.fromEntries(
    (["status", "kind"] as const).flatMap((k) => (typeof params[k] === "string" && params[k] ? [[k, params[k]]] : [])),
  );
  // A hand-edited filter (?status=nonsense) shows the default view rather than an error.
  const { view: dto } = await orStartAfresh((raw) => getDeliveryStatus(viewer, raw), query);
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <BackLink href="/org">{tn("org")}</BackLink>
        <PageHeader title={t("title")} description={t("intro")} />
      </div>
      <div className="grid items-start gap-6 lg:grid-cols-2">
        <Section title={t("server.title")} titleId="mail-server-title" className="space-y-3">
          <MailServer mail={dto.mail} />
        </Section>
        <Section
          title={t("schedule.title")}
          titleId="email-schedule-title"
          description={t("schedule.intro")}
          className="space-y-4"
        >
          <EmailScheduleForm schedule={dto.schedule} />
        </Section>
      </div>
      <Section
        title={t("counts.title")}
        titleId="delivery-counts-title"
        description={t("counts.intro")}
        className="space-y-3"
      >
        <DeliveryCounts counts={dto.counts} />
      </Section>
      <Section title={t("table.title")} titleId="emails" description={t("table.intro")} className="space-y-4">
        <DeliveryFilters filter={dto.filter} />
        <DeliveryTable rows={dto.rows} />
      </Section>
    </div>
  );
}

import type { Metadata } from "next";
import { getNow, getTranslations } from "next-intl/server";
import Link from "next/link";

import { ServiceTokenForm } from "@/components/api-tokens/service-token-form";
import { TokenTable } from "@/components/api-tokens/token-table";
import { buttonVariants } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { viewerWithCapability } from "@/lib/auth/page";
import { listAllTokens } from "@/lib/data/api-tokens";
import { listTeamsForViewer } from "@/lib/data/teams";
import { publicOrigin } from "@/lib/http/public-origin";

export const metadata: Metadata = { title: "API access" };

export default async function OrgApiPage() {
  const viewer = await viewerWithCapability("/org/api", "api:manage");
  const t = await getTranslations("apiTokens");
  const [tokens, teams, origin, now] = await Promise.all([
    listAllTokens(viewer),
    listTeamsForViewer(viewer),
    publicOrigin(),
    getNow(),
  ]);
  return (
    <div className="space-y-6">
      <PageHeader title={t("org.title")} description={t("org.intro")}>
        <Link href="/api/docs" className={buttonVariants({ variant: "outline" })}>
          {t("docs")}
        </Link>
        <Link href="/org/webhooks" className={buttonVariants({ variant: "outline" })}>
          {t("webhooks")}
        </Link>
      </PageHeader>
      <Section
        title={t("org.createTitle")}
        titleId="create-service-token"
        description={t("org.createIntro")}
        className="max-w-4xl space-y-4"
      >
        <ServiceTokenForm teams={teams.map(({ id, name }) => ({ id, name }))} origin={origin} />
      </Section>
      <Section
        title={t("org.listTitle")}
        titleId="all-api-tokens"
        description={t("org.listIntro")}
        className="space-y-4"
      >
        <TokenTable tokens={tokens} now={now.getTime()} everyone />
      </Section>
    </div>
  );
}

import type { Metadata } from "next";
import { getNow, getTranslations } from "next-intl/server";
import Link from "next/link";

import { PersonalTokenForm } from "@/components/api-tokens/personal-token-form";
import { TokenTable } from "@/components/api-tokens/token-table";
import { BackLink } from "@/components/ui/back-link";
import { buttonVariants } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { viewerOrSignIn } from "@/lib/auth/page";
import { listMyTokens } from "@/lib/data/api-tokens";
import { publicOrigin } from "@/lib/http/public-origin";
import { usableScopes } from "@/lib/validations/api-tokens";

export const metadata: Metadata = { title: "API tokens" };

export default async function MyApiTokensPage() {
  const viewer = await viewerOrSignIn("/me/api");
  const t = await getTranslations("apiTokens");
  const [tokens, origin, now] = await Promise.all([listMyTokens(viewer), publicOrigin(), getNow()]);
  return (
    <div className="max-w-4xl space-y-6">
      <div className="space-y-2">
        <BackLink href="/me">{t("back")}</BackLink>
        <PageHeader title={t("me.title")} description={t("me.intro")}>
          <Link href="/api/docs" className={buttonVariants({ variant: "outline" })}>
            {t("docs")}
          </Link>
        </PageHeader>
      </div>
      <Section title={t("create.title")} titleId="create-api-token" className="space-y-4">
        <PersonalTokenForm offered={usableScopes(viewer)} origin={origin} />
      </Section>
      <Section title={t("tokens.mine")} titleId="my-api-tokens" className="space-y-4">
        <TokenTable tokens={tokens} now={now.getTime()} />
      </Section>
    </div>
  );
}

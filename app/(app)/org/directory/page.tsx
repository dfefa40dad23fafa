import type { Metadata } from "next";
import { getNow, getTranslations } from "next-intl/server";

import { GroupMappings } from "@/components/org/directory/group-mappings";
import { ProvisioningLog } from "@/components/org/directory/provisioning-log";
import { ScimConnection } from "@/components/org/directory/scim-connection";
import { ScimTokens } from "@/components/org/directory/scim-tokens";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { viewerWithCapability } from "@/lib/auth/page";
import { getDirectoryPage } from "@/lib/data/directory";
import { publicOrigin } from "@/lib/http/public-origin";

export const metadata: Metadata = { title: "Directory sync" };

/** What an IdP is told to call: the app's public address (lib/http/public-origin.ts) plus /scim/v2. */
const scimBaseUrl = async () => `${await publicOrigin()}/scim/v2`;

export default async function DirectoryPage() {
  const viewer = await viewerWithCapability("/org/directory", "directory:manage");
  const t = await getTranslations("directory");
  const [page, baseUrl, now] = await Promise.all([getDirectoryPage(viewer), scimBaseUrl(), getNow()]);
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("intro")} />
      <Section title={t("connection.title")} titleId="scim-connection" className="space-y-4">
        <ScimConnection baseUrl={baseUrl} />
        <ScimTokens tokens={page.tokens} now={now.getTime()} />
      </Section>
      <Section
        title={t("groups.title")}
        titleId="directory-groups"
        description={t("groups.explain")}
        className="space-y-4"
      >
        <GroupMappings groups={page.groups} teams={page.teams} />
      </Section>
      <Section title={t("log.title")} titleId="provisioning-log" description={t("log.intro")} className="space-y-4">
        <ProvisioningLog events={page.events} />
      </Section>
      <p className="text-sm text-muted-foreground">{t("readme")}</p>
    </div>
  );
}

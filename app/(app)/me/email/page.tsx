import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { EmailPreferences } from "@/components/me/email-preferences";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { viewerOrSignIn } from "@/lib/auth/page";
import { getMyEmailPreferences } from "@/lib/data/notifications";

export const metadata: Metadata = { title: "Email preferences" };

// Every email's footer links here, so it is reachable from a phone's mail app in one tap (after sign-in).
export default async function EmailPreferencesPage() {
  const viewer = await viewerOrSignIn("/me/email");
  const t = await getTranslations("emailPrefs");
  const dto = await getMyEmailPreferences(viewer);
  return (
    <div className="max-w-2xl space-y-6">
      <div className="space-y-2">
        <BackLink href="/me">{t("back")}</BackLink>
        <PageHeader title={t("title")} description={t("intro")} />
      </div>
      {!dto.mailEnabled && (
        <p data-testid="mail-off" className="rounded-lg border border-border bg-muted px-4 py-2 text-sm">
          {t("mailOff")}
        </p>
      )}
      <EmailPreferences kinds={dto.kinds} />
    </div>
  );
}

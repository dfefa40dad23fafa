import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ReactNode } from "react";

import { AuthCard } from "@/components/auth/auth-card";
import { LocaleSwitcher } from "@/components/shell/locale-switcher";
import { Button } from "@/components/ui/button";
import { orNotFound } from "@/lib/auth/page";
import { readUnsubscribeLink } from "@/lib/data/notifications";
import { getAppLocale } from "@/lib/i18n/app-locale";

export const metadata: Metadata = { title: "Unsubscribe", robots: { index: false } };
type Props = { params: Promise<{ token: string }> };

// An email's unsubscribe link, opened without signing in (the signed token is
// the proof). Opening it changes nothing — link scanners open links too — the
// button posts to /api/unsubscribe/<token>, which comes back here, done. A
// tampered or unknown link is this segment's not-found page (404).
export default async function UnsubscribePage({ params }: Props) {
  const { token } = await params;
  const link = await orNotFound(readUnsubscribeLink({ token }));
  const t = await getTranslations("unsubscribe");
  const kind = (await getTranslations("emailKinds"))(link.kind);
  const preferences = (chunks: ReactNode) => (
    <Link href="/me/email" className="text-primary underline underline-offset-4">
      {chunks}
    </Link>
  );
  return (
    <>
      {link.unsubscribed ? (
        <AuthCard title={t("doneTitle")} body={t("done", { kind })}>
          <p role="status" className="text-sm">
            {t.rich("turnBackOn", { link: preferences })}
          </p>
        </AuthCard>
      ) : (
        <AuthCard title={t("title")} body={t("question", { kind, email: link.email })}>
          <p className="text-sm text-muted-foreground">{t("explain")}</p>
          <form method="post" action={`/api/unsubscribe/${encodeURIComponent(token)}`}>
            <Button type="submit" className="w-full">
              {t("confirm")}
            </Button>
          </form>
        </AuthCard>
      )}
      <div className="mt-4 flex justify-center">
        <LocaleSwitcher current={await getAppLocale()} label={(await getTranslations("nav"))("language")} />
      </div>
    </>
  );
}

import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";

import { AuthCard } from "@/components/auth/auth-card";
import { SignInButton } from "@/components/auth/sign-in-button";
import { LocaleSwitcher } from "@/components/shell/locale-switcher";
import { OIDC_PROVIDER_ID, oidcProvider } from "@/lib/auth/options";
import { safeCallbackPath } from "@/lib/auth/safe-redirect";
import { getViewer } from "@/lib/auth/viewer";
import { getAppLocale } from "@/lib/i18n/app-locale";

export const metadata: Metadata = { title: "Sign in" };

const KNOWN_ERRORS = ["OAuthSignin", "OAuthCallback", "AccessDenied", "SessionRequired"] as const;
type Props = { searchParams: Promise<{ callbackUrl?: string; error?: string; signedOut?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const t = await getTranslations("auth");
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(typeof params.callbackUrl === "string" ? params.callbackUrl : "/");
  if (await getViewer()) redirect(callbackUrl);
  const provider = oidcProvider();
  const error = typeof params.error === "string" ? params.error : null;
  const errorKey = KNOWN_ERRORS.find((k) => k === error) ?? "default";

  return (
    <>
      <AuthCard title={t("signInTitle")} body={t("signInBody")}>
        {params.signedOut && (
          <p role="status" className="rounded-md bg-accent px-3 py-2 text-sm text-accent-foreground">
            {t("signedOut")}
          </p>
        )}
        {error && (
          <p role="alert" className="rounded-md border border-danger/30 bg-danger/10 px-3 py-2 text-sm text-danger">
            {t(`error.${errorKey}`)}
          </p>
        )}
        {provider ? (
          <SignInButton
            providerId={OIDC_PROVIDER_ID}
            label={t("signInWith", { provider: provider.name })}
            callbackUrl={callbackUrl}
          />
        ) : (
          <p role="alert" className="text-sm text-danger">
            {t("notConfigured")}
          </p>
        )}
      </AuthCard>
      <div className="mt-4 flex justify-center">
        <LocaleSwitcher current={await getAppLocale()} label={(await getTranslations("nav"))("language")} />
      </div>
    </>
  );
}

import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { AuthCard } from "@/components/auth/auth-card";
import { buttonVariants } from "@/components/ui/button";

export const metadata: Metadata = { title: "Not part of this organisation" };

const REASONS = [
  "domain",
  "email_unverified",
  "hosted_domain",
  "disabled",
  "identity_conflict",
  "invalid_claims",
  "rate_limited",
] as const;
type Props = { searchParams: Promise<{ reason?: string }> };

// Shown when the IdP vouched for someone Skillgrid does not admit. The
// refusal itself was recorded in the audit trail by the sign-in callback.
export default async function RefusedPage({ searchParams }: Props) {
  const t = await getTranslations("auth");
  const { reason } = await searchParams;
  const known = REASONS.find((r) => r === reason);
  return (
    <AuthCard title={t("refusedTitle")} body={t("refusedBody")}>
      {known && <p className="rounded-md bg-muted px-3 py-2 text-sm">{t(`refusedReason.${known}`)}</p>}
      <Link href="/signin" className={buttonVariants({ variant: "outline", className: "w-full" })}>
        {t("tryAnother")}
      </Link>
    </AuthCard>
  );
}

import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { AuthCard } from "@/components/auth/auth-card";
import { buttonVariants } from "@/components/ui/button";

/** A tampered, truncated or outdated unsubscribe link (status 404). */
export default async function UnsubscribeLinkNotFound() {
  const t = await getTranslations("unsubscribe");
  return (
    <AuthCard title={t("invalidTitle")} body={t("invalidBody")}>
      <Link href="/me/email" className={buttonVariants({ variant: "outline", className: "w-full" })}>
        {t("openPreferences")}
      </Link>
    </AuthCard>
  );
}

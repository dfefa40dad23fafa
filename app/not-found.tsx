import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { MainLandmark } from "@/components/shell/main-landmark";

export default async function NotFound() {
  const t = await getTranslations("errors");
  // Inside the signed-in shell (a page calling notFound()) the shell's <main>
  // already wraps this; for an unknown address outside it, this is the main.
  return (
    <MainLandmark className="mx-auto max-w-md px-6 py-24 text-center">
      <h1 className="text-2xl font-semibold">{t("notFoundTitle")}</h1>
      <p className="mt-2 text-muted-foreground">{t("notFoundBody")}</p>
      <Link href="/" className="mt-6 inline-block text-primary underline-offset-4 hover:underline">
        {t("home")}
      </Link>
    </MainLandmark>
  );
}

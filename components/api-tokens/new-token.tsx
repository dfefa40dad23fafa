"use client";

import { useTranslations } from "next-intl";

import { CopyField } from "@/components/org/directory/copy-field";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";

/** A token just made: shown this once, with a command that tries it, until the person says they copied it. */
export function NewToken({
  name,
  token,
  origin,
  onDone,
}: {
  name: string;
  token: string;
  origin: string;
  onDone: () => void;
}) {
  const t = useTranslations("apiTokens.newToken");
  return (
    <div className="space-y-2 rounded-lg border border-danger/50 bg-danger/5 p-3" data-testid="new-api-token">
      <Notice className="border-0 bg-transparent p-0 font-medium">{t("shownOnce")}</Notice>
      <CopyField label={t("token", { name })} value={token} />
      <CopyField label={t("curl")} value={`curl -H "Authorization: Bearer ${token}" ${origin}/api/v1/me`} />
      <Button type="button" size="sm" variant="outline" onClick={onDone}>
        {t("done")}
      </Button>
    </div>
  );
}

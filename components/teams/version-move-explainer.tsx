import { useTranslations } from "next-intl";

/** What moving a team to another version of its roadmap does to its ratings and history. */
export function VersionMoveExplainer() {
  const t = useTranslations("frameworkAdmin.moveExplainer");
  return (
    <ul className="list-disc space-y-0.5 ps-5 text-xs">
      <li>{t("keys")}</li>
      <li>{t("renamed")}</li>
      <li>{t("retired")}</li>
      <li>{t("past")}</li>
    </ul>
  );
}

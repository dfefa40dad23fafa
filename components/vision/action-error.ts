import type { VisionTranslator } from "@/lib/i18n/reason-sentences";

/** Which field a refused target names, in the order the form shows them. */
const FIELDS = ["headcount", "targetQuarter", "level", "key"] as const;

/**
 * A refused vision action in the viewer's language: the data layer's
 * messages are English, so the page says it from the error's code (and, for
 * invalid input, the field it names).
 */
export function actionErrorText(
  t: VisionTranslator,
  error: { code: string; fieldErrors?: Record<string, string[]> },
): string {
  if (error.code === "invalid") {
    const field = FIELDS.find((f) => error.fieldErrors?.[f]?.length);
    return t(`error.${field ?? "invalid"}`);
  }
  if (error.code === "conflict" || error.code === "not_found") return t("error.conflict");
  if (error.code === "forbidden" || error.code === "unauthenticated") return t("error.forbidden");
  if (error.code === "unavailable" || error.code === "storage_full" || error.code === "rate_limited")
    return t("error.retry");
  return t("error.other");
}

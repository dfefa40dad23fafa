/** Which message key (under "notifications.error") says a refused action, from its code: the data layer speaks English. */
export function actionErrorKey(code: string): "signedOut" | "forbidden" | "retry" | "other" {
  if (code === "unauthenticated") return "signedOut";
  if (code === "forbidden") return "forbidden";
  if (code === "unavailable" || code === "storage_full" || code === "rate_limited") return "retry";
  return "other";
}

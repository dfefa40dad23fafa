/**
 * Resolves a post-sign-in destination to a same-origin URL. Anything pointing
 * elsewhere (absolute URLs to other hosts, protocol-relative "//evil", "\\evil",
 * javascript:) falls back to the base URL.
 */
export function safeRedirect(url: string | null | undefined, baseUrl: string): string {
  const base = new URL(baseUrl);
  if (!url) return base.origin + "/";
  const trimmed = url.trim();
  if (/^[/\\]{2}/.test(trimmed) || /^\/[\\]/.test(trimmed)) return base.origin + "/";
  try {
    const target = new URL(trimmed, base);
    if (target.origin !== base.origin) return base.origin + "/";
    return target.origin + target.pathname + target.search + target.hash;
  } catch {
    return base.origin + "/";
  }
}

/** The same rule for a path kept in a query string (e.g. ?callbackUrl=/teams/1). */
export function safeCallbackPath(url: string | null | undefined): string {
  const resolved = new URL(safeRedirect(url, "http://skillgrid.invalid"));
  return resolved.pathname + resolved.search + resolved.hash;
}

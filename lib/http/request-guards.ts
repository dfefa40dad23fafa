import { getEnv } from "@/lib/env";
import { AppError, forbidden, tooLarge } from "@/lib/errors";

// Guards every state-changing request runs before it looks at the caller's
// session or reads a byte of the body: the proxy applies them to server
// actions, and each mutating route handler calls them first.

/**
 * Is `value` (an Origin or a Referer) this app? Either the configured public
 * URL (NEXTAUTH_URL, which is what browsers see behind a TLS proxy) or the
 * very host the request was sent to (what Next.js checks for server actions;
 * a browser always sets Host itself, so another site cannot forge it).
 */
function isOwnOrigin(value: string, request: Request): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false; // "null" (sandboxed frames, file://) or garbage
  }
  const configured = getEnv().NEXTAUTH_URL;
  if (configured && url.origin === new URL(configured).origin) return true;
  const host = request.headers.get("host");
  return !!host && url.host === host.toLowerCase();
}

/**
 * Why a request counts as cross-site, or null when it is our own. Browsers
 * send `Origin` on every POST; when it is missing, `Sec-Fetch-Site` or the
 * `Referer` decides. A request with none of the three does not come from a
 * browser, so it cannot carry a victim's cookies from another site, and
 * passes (scripts, curl). SameSite=Lax alone is not enough: another port of
 * the same host or a sibling subdomain is "same site" and gets the cookie.
 */
export function crossOriginReason(request: Request): string | null {
  const origin = request.headers.get("origin");
  if (origin !== null) return isOwnOrigin(origin, request) ? null : "foreign origin";
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite !== null) return fetchSite === "same-origin" || fetchSite === "none" ? null : "cross-site fetch";
  const referer = request.headers.get("referer");
  if (referer !== null) return isOwnOrigin(referer, request) ? null : "foreign referer";
  return null;
}

export const CROSS_SITE_MESSAGE = "This request came from another site and was refused.";

export function assertSameOrigin(request: Request): void {
  if (crossOriginReason(request)) throw forbidden(CROSS_SITE_MESSAGE);
}

export const MB = 1024 * 1024;

/** Refuses up front when the declared length is over the limit (the cheap case). */
export function assertDeclaredLength(request: Request, maxBytes: number): void {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) throw tooLargeFor(maxBytes);
}

export function tooLargeFor(maxBytes: number): AppError {
  return tooLarge(`The request is larger than ${Math.round(maxBytes / MB)} MB.`);
}

/**
 * Reads the body while counting bytes and stops at maxBytes + 1, whatever
 * Content-Length says (or when it is absent: chunked uploads). Memory is
 * bounded by maxBytes; the rest of an oversized body is never buffered.
 */
export async function readBodyWithin(request: Request, maxBytes: number): Promise<Uint8Array> {
  assertDeclaredLength(request, maxBytes);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLargeFor(maxBytes);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** A copy of the request whose body is the bytes already read (for parsers that want a Request). */
export function withBody(request: Request, body: Uint8Array): Request {
  return new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body: body.byteLength ? (body as BodyInit) : undefined,
  });
}

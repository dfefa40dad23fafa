import { NextResponse, type NextRequest } from "next/server";

import { badRequestPage } from "@/lib/http/bad-request-page";
import { ACTION_BODY_LIMIT } from "@/lib/http/limits";
import { CROSS_SITE_MESSAGE, crossOriginReason } from "@/lib/http/request-guards";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";

// Runs before every page request and server action. Three jobs only:
// 1. server actions: refuse a cross-site caller (403) and a body that is not
//    declared or over the limit (411/413) before Next.js reads it, with a
//    typed JSON answer instead of Next's bare 500;
// 2. a per-request CSP nonce, so Next's inline bootstrap scripts run and
//    nothing injected does;
// 3. send signed-out page requests to sign-in (a convenience: every page,
//    action and route still checks the session itself).
// /unsubscribe: an email's one-click link works without signing in (its token is the proof).
const PUBLIC_PATHS = ["/signin", "/refused", "/unsubscribe"];
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

function contentSecurityPolicy(nonce: string): string {
  const dev = process.env.NODE_ENV === "development";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // React style attributes (chart geometry, colours) need inline styles.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

const refuse = (status: number, code: string, error: string) =>
  NextResponse.json({ ok: false, code, error }, { status });

function guardServerAction(request: NextRequest): NextResponse {
  if (crossOriginReason(request)) return refuse(403, "forbidden", CROSS_SITE_MESSAGE);
  // Browsers always declare the length of an action's body; a streamed
  // (chunked) one is refused rather than read to find out how big it is.
  const declared = request.headers.get("content-length");
  if (declared === null) return refuse(411, "invalid", "Send the request with a Content-Length.");
  if (Number(declared) > ACTION_BODY_LIMIT) return refuse(413, "too_large", "The request is too large.");
  return NextResponse.next();
}

/** A path whose percent-encoding is not UTF-8 (/teams/%ff%fe): Next.js would answer a bare 500. */
function undecodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (undecodable(pathname)) {
    if (pathname.startsWith("/api/") || pathname.startsWith("/scim/"))
      return refuse(400, "invalid", "The address is not valid UTF-8.");
    return badRequestPage(request, request.cookies.get(LOCALE_COOKIE)?.value);
  }
  // API and SCIM routes reach the proxy only for that check (see `config`).
  if (pathname.startsWith("/api/") || pathname.startsWith("/scim/")) return NextResponse.next();
  if (request.method === "POST" && request.headers.has("next-action")) return guardServerAction(request);
  const signedIn = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!signedIn && !PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`))) {
    const url = request.nextUrl.clone();
    url.pathname = "/signin";
    url.search = `?callbackUrl=${encodeURIComponent(pathname + search)}`;
    return NextResponse.redirect(url);
  }

  // A request id for log correlation: an upstream one if it looks sane, else new.
  const incoming = request.headers.get("x-request-id");
  const requestId = incoming && /^[\w.-]{8,100}$/.test(incoming) ? incoming : crypto.randomUUID();
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce);
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("x-request-id", requestId);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("x-request-id", requestId);
  return response;
}

export const config = {
  matcher: [
    // Pages and server actions: not Next's assets or files with an extension,
    // and not API or SCIM routes (they guard themselves: a proxy in front of
    // them would make Next.js buffer their bodies for it, and SCIM clients
    // carry a bearer token, never the session cookie the proxy looks for)...
    "/((?!api/|scim/|_next/static|_next/image|favicon.ico|.*\\.[a-z0-9]+$).*)",
    // ...except paths with a percent sign, to refuse undecodable ones.
    "/api/(.*%.*)",
    "/scim/(.*%.*)",
  ],
};

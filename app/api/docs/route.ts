import { ApiReference } from "@scalar/nextjs-api-reference";

// GET /api/docs: the interactive API reference (Scalar), reading
// /api/v1/openapi.json. Its script is served from this server
// (/api/docs/scalar.js), never a CDN, under a nonce-based policy: the page
// works offline and runs no script it did not send.
export const dynamic = "force-dynamic";

export function GET(): Response {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const render = ApiReference({
    url: "/api/v1/openapi.json",
    pageTitle: "Skillgrid API reference",
    cdn: "/api/docs/scalar.js",
    nonce,
    withDefaultFonts: false,
    favicon: "/icon.svg",
    hideClientButton: true,
    // Scalar's hosting and SDK toolbar (shown on localhost by default) points at its cloud: not for an org's server.
    showDeveloperTools: "never",
    telemetry: false,
    agent: { disabled: true },
    mcp: { disabled: true },
  } as Parameters<typeof ApiReference>[0]);
  const response = render();
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  const headers = new Headers(response.headers);
  headers.set("content-type", "text/html; charset=utf-8");
  headers.set("content-security-policy", csp);
  headers.set("cache-control", "no-store");
  return new Response(response.body, { status: 200, headers });
}

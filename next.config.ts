import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

import { ACTION_BODY_LIMIT } from "./lib/http/limits";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  // A second build beside the main one (parallel test runs); .next by default.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // The Docker image ships the self-contained server; `next start` (demo,
  // tests) uses the regular build output.
  output: process.env.NEXT_OUTPUT === "standalone" ? "standalone" : undefined,
  // PGlite ships WASM + data files that must be loaded from node_modules at
  // runtime; bundling it breaks its file lookups.
  serverExternalPackages: ["@electric-sql/pglite", "exceljs", "pino", "prom-client"],
  poweredByHeader: false,
  // The API reference page serves Scalar's browser bundle from node_modules (app/api/docs/scalar.js).
  outputFileTracingIncludes: {
    "/api/docs/scalar.js": ["./node_modules/@scalar/api-reference/dist/browser/standalone.js"],
  },
  // Compression belongs to the reverse proxy in front (TLS ends there too;
  // docker-compose.yml's nginx gzips): gzip in this single-threaded process
  // cost ~0.7 ms of CPU per response, even for a 200-byte autosave reply.
  compress: false,
  reactStrictMode: true,
  experimental: {
    // Server actions accept only same-origin requests (Next compares Origin
    // with Host; proxy.ts refuses a foreign one first); no other origin is
    // trusted. Bodies are limited explicitly (proxy.ts answers 413 above it).
    serverActions: { allowedOrigins: [], bodySizeLimit: ACTION_BODY_LIMIT },
    // What Next.js buffers of a body for the proxy: never more than an action may send.
    proxyClientMaxBodySize: ACTION_BODY_LIMIT,
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
        ],
      },
      {
        // API responses are data, never documents to frame or execute. /api/docs (the API reference
        // page) is a document and sets its own policy (app/api/docs/route.ts).
        source: "/api/:path((?!docs(?:/|$)).*)",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
      },
    ];
  },
};

export default withNextIntl(nextConfig);

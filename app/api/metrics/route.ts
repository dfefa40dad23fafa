import { timingSafeEqual } from "node:crypto";

import { getEnv } from "@/lib/env";
import { metrics } from "@/lib/observability/metrics";

// Prometheus scrape endpoint, behind a bearer token from METRICS_TOKEN
// (unset: the endpoint does not exist).
export async function GET(request: Request) {
  const token = getEnv().METRICS_TOKEN;
  if (!token) return new Response("Not found", { status: 404 });
  const given = Buffer.from((request.headers.get("authorization") ?? "").replace(/^Bearer\s+/i, ""));
  const expected = Buffer.from(token);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return new Response("Unauthorized", { status: 401, headers: { "www-authenticate": "Bearer" } });
  }
  const registry = metrics().registry;
  return new Response(await registry.metrics(), {
    headers: { "content-type": registry.contentType, "cache-control": "no-store" },
  });
}

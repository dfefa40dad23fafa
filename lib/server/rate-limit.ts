import "server-only";

import { sql } from "drizzle-orm";

import { execRows, getDb } from "@/db/client";
import { rateLimits } from "@/db/schema";
import { rateLimited } from "@/lib/errors";

export type RateLimit = { limit: number; windowSeconds: number };

/**
 * Counts one request against `key` over a sliding window and refuses it
 * (uncounted, with the seconds until one would pass) past `limit`.
 *
 * Sliding-window counter: one row per key and fixed window; the previous
 * window's count is weighted by the part of it still inside the sliding
 * window, so a burst at the end of one minute still counts at the start of
 * the next. It assumes the previous window's requests were spread evenly.
 *
 * Kept in the database so limits hold across app instances. One statement
 * reads the previous window and bumps the current one only if the estimate
 * allows it: the upsert's WHERE sees the latest count under the row lock, so
 * concurrent requests cannot both take the last slot. `now` is for tests.
 */
export async function consumeRateLimit(
  key: string,
  { limit, windowSeconds }: RateLimit,
  { now = Date.now() }: { now?: number } = {},
): Promise<void> {
  const windowMs = windowSeconds * 1000;
  const at = Math.floor(now);
  const elapsed = at % windowMs;
  const current = new Date(at - elapsed).toISOString();
  const previous = new Date(at - elapsed - windowMs).toISOString();
  // estimate = prev × (W − elapsed) / W + count + 1 ≤ limit, multiplied out by W to stay in integers.
  const remaining = sql`${windowMs - elapsed}::bigint`;
  const w = sql`${windowMs}::bigint`;
  const cap = sql`${limit}::bigint * ${w}`;
  const [row] = await execRows<Counts>(
    getDb(),
    sql`
    with prev as (
      select coalesce((select count from ${rateLimits}
        where key = ${key}::text and window_start = ${previous}::timestamptz), 0)::bigint as n),
    cur as (
      select coalesce((select count from ${rateLimits}
        where key = ${key}::text and window_start = ${current}::timestamptz), 0) as n),
    bumped as (
      insert into ${rateLimits} (key, window_start, count)
      select ${key}::text, ${current}::timestamptz, 1 from prev where prev.n * ${remaining} + ${w} <= ${cap}
      on conflict (key, window_start) do update set count = ${rateLimits}.count + 1
        where (select n from prev) * ${remaining} + (${rateLimits}.count + 1)::bigint * ${w} <= ${cap}
      returning count),
    -- Housekeeping: only the previous window is still needed.
    pruned as (delete from ${rateLimits} where key = ${key}::text and window_start < ${previous}::timestamptz)
    select (select count(*) from bumped)::int as admitted,
      (select n from prev)::int as prev,
      (select n from cur)::int as cur`,
  );
  if (row!.admitted > 0) return;
  const waitMs = msUntilAdmitted({ limit, windowMs, elapsed, prev: row!.prev, cur: row!.cur });
  throw rateLimited(Math.max(1, Math.ceil(waitMs / 1000)));
}

type Counts = { admitted: number; prev: number; cur: number };

/**
 * How long until the estimate leaves room for one more request, if no other
 * request comes meanwhile. `cur` is the current window's count as read before
 * the refused request (which is not counted).
 */
type Window = { limit: number; windowMs: number; elapsed: number; prev: number; cur: number };
function msUntilAdmitted({ limit, windowMs, elapsed, prev, cur }: Window): number {
  const cap = limit * windowMs;
  if ((cur + 1) * windowMs <= cap) {
    // Later in this window, once enough of the previous one has slid out:
    // prev × (W − e) + (cur + 1) × W ≤ limit × W.
    if (prev === 0) return 0;
    const maxRemaining = Math.floor((cap - (cur + 1) * windowMs) / prev);
    return Math.max(0, windowMs - maxRemaining - elapsed);
  }
  // This window is full: in the next one, this window's count is the one sliding out.
  const maxRemaining = Math.floor((cap - windowMs) / cur);
  return windowMs - elapsed + Math.max(0, windowMs - maxRemaining);
}

export const LIMITS = {
  export: { limit: 30, windowSeconds: 60 },
  auditExport: { limit: 10, windowSeconds: 60 },
  signIn: { limit: 20, windowSeconds: 60 },
  // Per SCIM token: a full sync of a large directory (an Okta import, an
  // Entra initial cycle) sends thousands of requests a minute; 200 a second
  // on average is more than either sends, and IdPs back off on a 429.
  scim: { limit: 12000, windowSeconds: 60 },
} as const satisfies Record<string, RateLimit>;

import "server-only";
import { and, eq, lt, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { rateLimits } from "@/db/schema";
import { AppError } from "@/lib/errors";

/**
 * Counts one request against `key` in the current fixed window and refuses
 * it past `limit`. Kept in the database so limits hold across app instances.
 */
export async function consumeRateLimit(key: string, { limit, windowSeconds }: { limit: number; windowSeconds: number }): Promise<void> {
  const now = Date.now();
  const windowStart = new Date(now - (now % (windowSeconds * 1000)));
  const db = getDb();
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart, count: 1 })
    .onConflictDoUpdate({ target: [rateLimits.key, rateLimits.windowStart], set: { count: sql`${rateLimits.count} + 1` } })
    .returning({ count: rateLimits.count });
  // Housekeeping: drop this key's finished windows.
  await db.delete(rateLimits).where(and(eq(rateLimits.key, key), lt(rateLimits.windowStart, windowStart)));
  if ((row?.count ?? 0) > limit) throw new AppError("rate_limited", "Too many requests. Please wait a minute and try again.");
}

export const LIMITS = {
  export: { limit: 30, windowSeconds: 60 },
  signIn: { limit: 20, windowSeconds: 60 },
} as const;

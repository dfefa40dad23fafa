import "server-only";

import { sql } from "drizzle-orm";

import { execRows, type DbOrTx } from "@/db/client";

/**
 * Serialized heatmap payloads kept in process memory, each tagged with the
 * database's data stamp at the time it was built, and checked against the
 * current stamp on every read (one cheap query). Every mutation in Skillgrid
 * writes an audit row in its transaction, ratings are append-only, and sign-in
 * profile refreshes touch users.updated_at, so the stamp changes whenever
 * anything a heatmap shows can have changed, whichever instance wrote it.
 * A stale entry is therefore never served, even with several app instances.
 */
type Store = { entries: Map<string, { stamp: string; json: string; derived: unknown }>; bytes: number };
// Per database handle (tests open several databases in one process).
const stores = new WeakMap<object, Store>();
const MAX_BYTES = 64 * 1024 * 1024;

export async function dataStamp(db: DbOrTx): Promise<string> {
  const [row] = await execRows<{ stamp: string }>(
    db,
    sql`select concat_ws(':',
      (select max(id) from audit_events),
      (select max(id) from ratings),
      (select extract(epoch from max(updated_at)) from users)) as stamp`,
  );
  return row?.stamp ?? "";
}

/** The cached JSON for key when still current, else build() serialized and remembered. */
export async function cachedJson(db: DbOrTx, key: string, build: () => Promise<unknown>): Promise<string> {
  return (await cachedPayload(db, key, build, () => null)).json;
}

/**
 * cachedJson, plus a small value derived from the payload when it was built
 * (a page header's figures), kept in the same entry so the two always agree
 * and a reader of the small value never parses the whole payload.
 */
export async function cachedPayload<T, D>(
  db: DbOrTx,
  key: string,
  build: () => Promise<T>,
  derive: (value: T) => D,
): Promise<{ json: string; derived: D }> {
  let store = stores.get(db);
  if (!store) stores.set(db, (store = { entries: new Map(), bytes: 0 }));
  const { entries } = store;
  const stamp = await dataStamp(db);
  const hit = entries.get(key);
  if (hit && hit.stamp === stamp) {
    // Refresh its place in the least-recently-used order.
    entries.delete(key);
    entries.set(key, hit);
    return { json: hit.json, derived: hit.derived as D };
  }
  // Stamp read before building: a write that lands meanwhile makes this entry
  // look older than it is, so it is rebuilt next time (never the other way).
  const value = await build();
  const json = JSON.stringify(value);
  const derived = derive(value);
  if (hit) store.bytes -= hit.json.length;
  entries.set(key, { stamp, json, derived });
  store.bytes += json.length;
  for (const [k, e] of entries) {
    if (store.bytes <= MAX_BYTES) break;
    entries.delete(k);
    store.bytes -= e.json.length;
  }
  return { json, derived };
}

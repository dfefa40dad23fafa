import "server-only";

import { sql } from "drizzle-orm";

import { execRows, type DbOrTx } from "@/db/client";
import { LATE_COMMIT_OVERLAP, otherWritesBetween, type StampParts } from "@/db/queries/writes-since";

/**
 * Serialized heatmap payloads kept in process memory, each tagged with the
 * database's data stamp at the time it was built, and checked against the
 * current stamp on every read (one cheap query). Every mutation in Skillgrid
 * writes an audit row in its transaction, ratings are append-only, and sign-in
 * profile refreshes touch users.updated_at, so the stamp changes whenever
 * anything a heatmap shows can have changed, whichever instance wrote it.
 * A stale entry is therefore never served, even with several app instances.
 *
 * A stale entry need not be rebuilt whole: when every write since its stamp
 * was a rating save (nearly every write is), a payload that knows how catches
 * up (`catchUp`, for example re-reading only the rating cells written since),
 * or says that those writes do not touch it. Any other write rebuilds it.
 */
type Entry = {
  stamp: string;
  json: string;
  derived: unknown;
  state: unknown;
  /** Writes other than rating saves this entry already reflects, among the last LATE_COMMIT_OVERLAP audit ids. */
  otherWrites: number[];
};
type Store = { entries: Map<string, Entry>; bytes: number };
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

export type { StampParts };

/** A data stamp's parts: the highest audit id, the highest rating id, the latest user update. */
export function stampParts(stamp: string): StampParts {
  const [auditId = "", ratingId = "", usersUpdatedAt = ""] = stamp.split(":");
  return { auditId: Number(auditId || 0), ratingId: Number(ratingId || 0), usersUpdatedAt };
}

export type PayloadOptions<T, D> = {
  build: () => Promise<T>;
  /** The JSON sent (default JSON.stringify). */
  serialize?: (state: T) => string;
  /** A small value kept with the payload (a page header's figures), so its reader never parses the payload. */
  derive?: (state: T) => D;
  /**
   * Brings a stale state up to date from the rating saves between two stamps
   * (only called when nothing else was written): the same state when they do
   * not touch it, a new one when it applied them, null when it cannot (the
   * payload is then rebuilt).
   */
  catchUp?: (state: T, from: StampParts, to: StampParts) => Promise<T | null>;
};

/** The cached JSON for key when still current, else build() serialized and remembered. */
export async function cachedJson(db: DbOrTx, key: string, build: () => Promise<unknown>): Promise<string> {
  return (await cachedPayload(db, key, { build })).json;
}

/** cachedJson, with a derived value kept alongside and an optional catch-up instead of a rebuild. */
export async function cachedPayload<T, D = null>(
  db: DbOrTx,
  key: string,
  options: PayloadOptions<T, D>,
): Promise<{ json: string; derived: D }> {
  const { build, serialize = JSON.stringify, derive = () => null as D, catchUp } = options;
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
  // Stamp read before building or catching up: a write that lands meanwhile
  // makes this entry look older than it is, so it is caught up again next
  // time (never the other way).
  const to = stampParts(stamp);
  const otherWrites = catchUp ? await otherWritesSince(db, hit, to) : [];
  const caughtUp =
    hit && catchUp && onlyRatingSaves(hit, to, otherWrites)
      ? await catchUp(hit.state as T, stampParts(hit.stamp), to)
      : null;
  const state = caughtUp ?? (await build());
  const unchanged = hit !== undefined && caughtUp !== null && caughtUp === hit.state;
  const json = unchanged ? hit.json : serialize(state);
  const derived = unchanged ? (hit.derived as D) : derive(state);
  // Whatever is there now (another request may have replaced or evicted the entry meanwhile).
  const replaced = entries.get(key);
  if (replaced) store.bytes -= replaced.json.length;
  entries.delete(key);
  // The state is kept only when it can be caught up (it is the payload itself otherwise).
  entries.set(key, { stamp, json, derived, state: catchUp ? state : null, otherWrites });
  store.bytes += json.length;
  for (const [k, e] of entries) {
    if (store.bytes <= MAX_BYTES) break;
    entries.delete(k);
    store.bytes -= e.json.length;
  }
  return { json, derived };
}

/** Writes other than rating saves from the entry's overlap window (or the current one, for a new entry) up to now. */
function otherWritesSince(db: DbOrTx, hit: Entry | undefined, to: StampParts): Promise<number[]> {
  const from = hit ? stampParts(hit.stamp).auditId : to.auditId;
  return otherWritesBetween(db, Math.min(from, to.auditId) - LATE_COMMIT_OVERLAP, to.auditId);
}

/**
 * Past this many ratings written since an entry's stamp (a bulk load that
 * writes no audit row, a burst of imports), catching up would read more than
 * a rebuild: rebuild.
 */
export const MAX_CATCH_UP_RATINGS = 2000;

/** Whether every write since the entry was a rating save: no new user update, no other write it has not seen. */
function onlyRatingSaves(hit: Entry, to: StampParts, otherWrites: number[]): boolean {
  const from = stampParts(hit.stamp);
  // A database restored from a backup, or emptied by a test: rebuild.
  if (to.auditId < from.auditId || to.ratingId < from.ratingId) return false;
  if (to.ratingId - from.ratingId > MAX_CATCH_UP_RATINGS) return false;
  if (from.usersUpdatedAt !== to.usersUpdatedAt) return false;
  const seen = new Set(hit.otherWrites);
  return otherWrites.every((id) => seen.has(id));
}

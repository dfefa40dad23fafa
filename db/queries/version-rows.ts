import { and, asc, eq, isNull } from "drizzle-orm";

import { getDb, type DbOrTx } from "../client";
import { categories, levels, skills } from "../schema";

/** A version's levels, categories and live skills (retired ones excluded), in roadmap order. */
export type VersionRows = Awaited<ReturnType<typeof queryVersionRows>>;
// Published (and retired) versions never change: only drafts are edited, and
// publishing flips a draft's status in place. So the rows of a version a team
// uses can be kept per database handle. Callers must not mutate them.
const publishedCache = new WeakMap<object, Map<string, Promise<VersionRows>>>();
const CACHE_LIMIT = 64;

/**
 * A version's levels, categories and live skills. With `published: true`
 * (the caller knows the version is not a draft, e.g. a team's version) the
 * result is cached for this database handle.
 */
export function readVersionRows(
  db: DbOrTx,
  versionId: string,
  { published = false }: { published?: boolean } = {},
): Promise<VersionRows> {
  if (!published) return queryVersionRows(db, versionId);
  let cache = publishedCache.get(db);
  if (!cache) publishedCache.set(db, (cache = new Map()));
  let hit = cache.get(versionId);
  if (!hit) {
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    hit = queryVersionRows(db, versionId);
    cache.set(versionId, hit);
    // A failed read is not remembered.
    hit.catch(() => cache.delete(versionId));
  }
  return hit;
}

async function queryVersionRows(db: DbOrTx, versionId: string) {
  const [levelRows, categoryRows, skillRows] = await Promise.all([
    db.select().from(levels).where(eq(levels.frameworkVersionId, versionId)).orderBy(asc(levels.position)),
    db.select().from(categories).where(eq(categories.frameworkVersionId, versionId)).orderBy(asc(categories.position)),
    db
      .select()
      .from(skills)
      .where(and(eq(skills.frameworkVersionId, versionId), isNull(skills.retiredAt)))
      .orderBy(asc(skills.position)),
  ]);
  // Category positions restart in every level: order by level first.
  const levelPos = new Map(levelRows.map((l) => [l.id, l.position]));
  const levelOf = (c: { levelId: string }) => levelPos.get(c.levelId) ?? 0;
  categoryRows.sort((a, b) => levelOf(a) - levelOf(b) || a.position - b.position);
  return { levelRows, categoryRows, skillRows };
}

/**
 * Whether a skill key is live (ratable) in a team's version. Those versions
 * are published or retired, never drafts, so the check reads the cached rows
 * of the process-wide handle (no query), even when called inside a transaction.
 */
export async function isLiveSkill(versionId: string, skillKey: string): Promise<boolean> {
  const rows = await readVersionRows(getDb(), versionId, { published: true });
  return rows.skillRows.some((s) => s.key === skillKey);
}

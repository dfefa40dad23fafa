import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";

import type { DbOrTx } from "../client";
import { frameworkVersions, ratings, skills, teams, users } from "../schema";

/** Rows per INSERT: keeps each statement's parameters well under PostgreSQL's limit. */
const INSERT_CHUNK = 2000;

/** The published version of the framework most active teams use (the newest version among ties), or undefined. */
export async function mostUsedPublishedFramework(db: DbOrTx) {
  const [fw] = await db
    .select({
      frameworkId: frameworkVersions.frameworkId,
      versionId: frameworkVersions.id,
      title: frameworkVersions.titleEn,
    })
    .from(frameworkVersions)
    .where(eq(frameworkVersions.status, "published"))
    .orderBy(
      desc(
        sql`(select count(*) from ${teams} where ${teams.frameworkId} = ${frameworkVersions.frameworkId} and ${teams.archivedAt} is null)`,
      ),
      desc(frameworkVersions.version),
    )
    .limit(1);
  return fw;
}

/** The version's skills that are not retired. */
export function activeSkills(db: DbOrTx, versionId: string) {
  return db
    .select()
    .from(skills)
    .where(and(eq(skills.frameworkVersionId, versionId), isNull(skills.retiredAt)));
}

/** Lower-cased email -> user id, for the given lower-cased emails (compared case-insensitively). */
export async function userIdsByEmail(db: DbOrTx, emails: string[]): Promise<Map<string, string>> {
  if (!emails.length) return new Map();
  const rows = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(sql`lower(${users.email})`, emails));
  return new Map(rows.map((u) => [u.email.toLowerCase(), u.id]));
}

/** Each person's newest self rating per skill of the framework, keyed `userId|skillKey`. */
export async function latestSelfRatings(db: DbOrTx, frameworkId: string, userIds: string[]) {
  const rows = userIds.length
    ? await db
        .selectDistinctOn([ratings.userId, ratings.skillKey], {
          userId: ratings.userId,
          skillKey: ratings.skillKey,
          proficiency: ratings.proficiency,
          notApplicable: ratings.notApplicable,
        })
        .from(ratings)
        .where(
          and(eq(ratings.frameworkId, frameworkId), eq(ratings.raterKind, "self"), inArray(ratings.userId, userIds)),
        )
        .orderBy(ratings.userId, ratings.skillKey, desc(ratings.ratedAt), desc(ratings.id))
    : [];
  return new Map(rows.map((r) => [`${r.userId}|${r.skillKey}`, r]));
}

/** Appends rating history rows in chunks; the caller's transaction holds them together. */
export async function insertRatings(tx: DbOrTx, rows: (typeof ratings.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) await tx.insert(ratings).values(rows.slice(i, i + INSERT_CHUNK));
}

/**
 * A deterministic synthetic organisation, for benchmarks and large-grid tests:
 *   npm run seed:synthetic -- --teams 40 --members-per-team 50 --skills 60 --quarters 4 --seed 1 [--rating-fn ./my-rating.mjs]
 *   npm run seed:synthetic -- --size large   (10,000 people × 100 skills × 4 quarters; explicit options override it)
 * Creates its own framework ("synthetic-<skills>"), teams, people and a rating
 * for every member × skill in each quarter (PostgreSQL: streamed with COPY;
 * PGlite: bulk inserts). Re-running with the same arguments changes nothing.
 * Uses DATABASE_URL / PGLITE_DIR like the app.
 */
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { and, eq, sql } from "drizzle-orm";
import postgres from "postgres";

import { openDb, targetFromEnv } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { ratings, teamMembers, teams, users } from "../db/schema";
import { installFramework } from "../db/seed/framework";
import { stableUuid } from "../db/seed/ids";
import { formatError } from "../lib/observability/describe-error";
import { lastQuarters, quarterOf, quarterStart } from "../lib/quarters";
import type { RoadmapDocument } from "../lib/roadmap/types";
import { ORG_SIZE_OPTIONS, orgSizeFrom } from "./synthetic/options";
import { rate as defaultRate, type RatingContext, type SyntheticRating } from "./synthetic/rating";

const { values } = parseArgs({
  options: {
    ...ORG_SIZE_OPTIONS,
    seed: { type: "string", default: "1" },
    "rating-fn": { type: "string" },
  },
});
const { teams: TEAMS, membersPerTeam: PER_TEAM, skills: SKILLS, quarters: QUARTERS } = orgSizeFrom(values);
const SEED = Number(values.seed);
const LEVELS = ["Junior", "Mid-level", "Senior"];
const PER_CATEGORY = 4;

export function syntheticRoadmap(skillCount: number): RoadmapDocument {
  const perLevel = Math.ceil(skillCount / LEVELS.length);
  let made = 0;
  const bi = (s: string) => ({ zh: s, en: s });
  return {
    title: bi(`Synthetic roadmap (${skillCount} skills)`),
    intro: bi("Generated for benchmarks."),
    levels: LEVELS.map((name, li) => {
      const inLevel = Math.min(perLevel, skillCount - made);
      const categories = Array.from({ length: Math.ceil(inLevel / PER_CATEGORY) }, (_, ci) => {
        const skills = Array.from({ length: Math.min(PER_CATEGORY, inLevel - ci * PER_CATEGORY) }, (_, si) => {
          const n = made + ci * PER_CATEGORY + si + 1;
          return { key: `c${li}-${ci}.skill-${String(n).padStart(3, "0")}`, name: bi(`Skill ${n}`) };
        });
        return { key: `c${li}-${ci}`, name: bi(`${name} area ${ci + 1}`), skills };
      });
      made += inLevel;
      return {
        key: name.toLowerCase(),
        name: bi(`${name} engineer`),
        tagline: bi(""),
        summary: bi(""),
        workStyle: bi(""),
        workStyleNote: bi(""),
        categories,
      };
    }),
    growthTable: [],
    transitionPath: null,
    conclusion: bi(""),
  };
}

type Db = ReturnType<typeof openDb>["db"];
type RateFn = (c: RatingContext) => SyntheticRating;
type SyntheticSkill = { key: string; level: number };
type Person = { id: string; email: string; name: string; level: number };
/** What every team is seeded with: the framework, its skills, the quarters and the rating function. */
type Org = {
  key: string;
  fw: { frameworkId: string; versionId: string };
  skills: SyntheticSkill[];
  quarters: string[];
  since: Date;
  now: number;
  rate: RateFn;
};

async function main() {
  const rate: RateFn = values["rating-fn"]
    ? (await import(pathToFileURL(path.resolve(values["rating-fn"])).href)).rate
    : defaultRate;
  const target = targetFromEnv();
  const handle = openDb(target);
  const started = Date.now();
  try {
    await migrateDatabase(handle);
    const org = await installOrg(handle.db, rate);
    const unrated: TeamToRate[] = [];
    for (let t = 0; t < TEAMS; t++) {
      const team = await seedTeam(handle.db, org, t);
      if (team) unrated.push(team);
    }
    const inserted =
      "databaseUrl" in target
        ? await loadIntoPostgres(target.databaseUrl, org, unrated)
        : await loadIntoPglite(handle.db, org, unrated);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `Synthetic org "${org.key}": ${TEAMS} teams × ${PER_TEAM} people, ${SKILLS} skills, ${QUARTERS} quarters; ` +
        `${inserted} ratings inserted in ${seconds} s (${handle.engine}).`,
    );
  } finally {
    await handle.close();
  }
}

async function installOrg(db: Db, rate: RateFn): Promise<Org> {
  const doc = syntheticRoadmap(SKILLS);
  const key = `synthetic-${SKILLS}`;
  const fw = await installFramework(db, { key, version: 1, doc, capabilities: [] });
  const skills = doc.levels.flatMap((l, li) =>
    l.categories.flatMap((c) => c.skills.map((s) => ({ key: s.key, level: li }))),
  );
  const quarters = lastQuarters(quarterOf(new Date()), QUARTERS);
  // The org has existed since its first quarter (its past quarters are read from membership history).
  return { key, fw, skills, quarters, since: quarterStart(quarters[0]!), now: Date.now(), rate };
}

type TeamToRate = { t: number; people: Person[] };

/** A team, its people and their memberships. Returns the team when it has no ratings yet (they are loaded next). */
async function seedTeam(db: Db, org: Org, t: number): Promise<TeamToRate | null> {
  const { key, fw, since } = org;
  const teamId = stableUuid("synthetic", key, String(SEED), "team", String(t));
  const name = `Team ${String(t + 1).padStart(2, "0")}`;
  await db
    .insert(teams)
    .values({ id: teamId, name, frameworkId: fw.frameworkId, frameworkVersionId: fw.versionId, createdAt: since })
    .onConflictDoNothing();
  const people = teamPeople(key, t);
  await db
    .insert(users)
    .values(people.map(({ level: _l, ...p }) => p))
    .onConflictDoNothing();
  const members = people.map((p, m) => ({
    teamId,
    userId: p.id,
    isLead: m === 0,
    currentLevelKey: LEVELS[p.level]!.toLowerCase(),
    createdAt: since,
  }));
  await db.insert(teamMembers).values(members).onConflictDoNothing();
  const [{ n }] = (await db
    .select({ n: sql<number>`count(*)::int` })
    .from(ratings)
    .where(and(eq(ratings.frameworkId, fw.frameworkId), eq(ratings.userId, people[0]!.id)))) as [{ n: number }];
  return n > 0 ? null : { t, people }; // a team's history, once there, is append-only: never again
}

function teamPeople(key: string, t: number): Person[] {
  return Array.from({ length: PER_TEAM }, (_, m) => {
    const n = t * PER_TEAM + m;
    return {
      id: stableUuid("synthetic", key, String(SEED), "user", String(n)),
      email: `person${n}@synthetic.test`,
      name: `Person ${String(n).padStart(4, "0")}`,
      level: n % 3,
    };
  });
}

/** A self rating of every skill by every person in every quarter. */
function teamRatings({ fw, skills, quarters, now, rate }: Org, t: number, people: Person[]) {
  return people.flatMap((p, m) =>
    quarters.flatMap((q, qi) =>
      skills.map((s, si) => {
        const context = { seed: SEED, team: t, member: m, skill: si, level: s.level, quarterIndex: qi };
        const r = rate({ ...context, memberLevel: p.level });
        // Never in the future: "now" views and the history must agree.
        const spread = (m * 7919 + si * 104729) % (60 * 86_400_000);
        const ratedAt = new Date(Math.min(quarterStart(q).getTime() + spread, now - 60_000 - si * 1000));
        return {
          userId: p.id,
          raterId: p.id,
          raterKind: "self" as const,
          frameworkId: fw.frameworkId,
          skillKey: s.key,
          proficiency: r.proficiency,
          notApplicable: r.proficiency === null,
          interest: r.interest,
          quarter: q,
          ratedAt,
        };
      }),
    ),
  );
}

type RatingRow = ReturnType<typeof teamRatings>[number];
const RATING_COLUMNS = [
  ...["user_id", "rater_id", "rater_kind", "framework_id", "skill_key"],
  ...["proficiency", "not_applicable", "interest", "quarter", "rated_at"],
];

/**
 * PostgreSQL: every team's ratings in one COPY, team after team in the order
 * the inserts used (so the identity ids are the same), in one transaction.
 * ratings_current is kept by a statement trigger (0006_ratings_current_trigger.sql)
 * whose transition table would hold every row of the COPY; instead the
 * trigger is off for the load and its own upsert (the same statement; keep
 * them in step) runs once over the rows just copied (ids above the highest
 * before it): the same rows it would have seen, so the same result. The ALTER
 * TABLE locks ratings until the commit, so no other insert can slip in while
 * the trigger is off (reads of ratings wait too: this loads test and
 * benchmark databases, not a live one).
 */
async function copyRatings(client: postgres.Sql, org: Org, unrated: TeamToRate[]): Promise<number> {
  if (!unrated.length) return 0;
  return client.begin(async (tx) => {
    await tx`alter table ratings disable trigger ratings_track_current`;
    const [{ before }] = (await tx`select coalesce(max(id), 0)::bigint as before from ratings`) as unknown as [
      { before: string },
    ];
    // Into an empty table, building the secondary indexes once afterwards is
    // faster than updating them row by row (4M rows: ~95 s instead of ~115 s).
    const rebuilt = before === "0" ? await dropSecondaryIndexes(tx) : [];
    let rows = 0;
    const lines = function* () {
      for (const { t, people } of unrated) {
        const ratings = teamRatings(org, t, people);
        rows += ratings.length;
        yield ratings.map(copyLine).join("");
      }
    };
    const copy = await tx`copy ratings (${tx(RATING_COLUMNS)}) from stdin`.writable();
    await pipeline(Readable.from(lines()), copy);
    // Sorts in memory instead of on disk (index builds, the DISTINCT ON below).
    await tx`set local maintenance_work_mem = '256MB'`;
    await tx`set local work_mem = '256MB'`;
    for (const definition of rebuilt) await tx.unsafe(definition);
    await tx`
      insert into ratings_current as c (framework_id, user_id, skill_key, rater_kind, rating_id, proficiency,
        not_applicable, interest, quarter, rated_at)
      select distinct on (framework_id, user_id, skill_key, rater_kind)
             framework_id, user_id, skill_key, rater_kind, id, proficiency, not_applicable, interest, quarter, rated_at
      from ratings where id > ${before}
      order by framework_id, user_id, skill_key, rater_kind, rated_at desc, id desc
      on conflict (framework_id, user_id, skill_key, rater_kind) do update
        set rating_id = excluded.rating_id, proficiency = excluded.proficiency,
            not_applicable = excluded.not_applicable, interest = excluded.interest, quarter = excluded.quarter,
            rated_at = excluded.rated_at
        where (excluded.rated_at, excluded.rating_id) > (c.rated_at, c.rating_id)`;
    await tx`alter table ratings enable trigger ratings_track_current`;
    return rows;
  });
}

/**
 * Drops the indexes of ratings that no constraint owns (all but the primary
 * key), returning their definitions as PostgreSQL prints them, to run again
 * in the same transaction: whatever indexes the migrations made come back.
 */
async function dropSecondaryIndexes(tx: postgres.TransactionSql): Promise<string[]> {
  const indexes = await tx`
    select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
    from pg_index i where i.indrelid = 'ratings'::regclass
      and not exists (select from pg_constraint c where c.conindid = i.indexrelid)`;
  for (const { name } of indexes) await tx.unsafe(`drop index ${name as string}`);
  return indexes.map((i) => i.definition as string);
}

/**
 * PostgreSQL: its own connection, without the app's 30 s statement timeout
 * (the COPY and the vacuum of a large org take longer).
 */
async function loadIntoPostgres(databaseUrl: string, org: Org, unrated: TeamToRate[]): Promise<number> {
  const client = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const inserted = await copyRatings(client, org, unrated);
    await settleAfterLoad((statement) => client.unsafe(statement), inserted);
    return inserted;
  } finally {
    await client.end({ timeout: 5 });
  }
}

/** A rating as a line of COPY's text format (tab-separated, \N for null). */
function copyLine(r: RatingRow): string {
  const fields = [r.userId, r.raterId, r.raterKind, r.frameworkId, r.skillKey, r.proficiency, r.notApplicable];
  fields.push(r.interest, r.quarter, r.ratedAt.toISOString());
  return `${fields.map(copyField).join("\t")}\n`;
}

function copyField(v: string | number | boolean | null): string {
  if (v === null) return "\\N";
  if (typeof v === "boolean") return v ? "t" : "f";
  const s = String(v);
  // Only a backslash, tab or line break needs escaping; the generated keys have none.
  return /[\\\t\n\r]/.test(s) ? s.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]!) : s;
}
const COPY_ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

/** PGlite (no COPY from a client stream): the same rows as bulk inserts, team by team. */
async function loadIntoPglite(db: Db, org: Org, unrated: TeamToRate[]): Promise<number> {
  let rows = 0;
  for (const { t, people } of unrated) {
    const ratings = teamRatings(org, t, people);
    await bulkInsertRatings(db, ratings);
    rows += ratings.length;
  }
  await settleAfterLoad((statement) => db.execute(sql.raw(statement)), rows);
  return rows;
}

// One JSON parameter per 20,000 rows: PostgreSQL expands it with
// json_to_recordset, far cheaper than building a 200,000-parameter INSERT.
async function bulkInsertRatings(db: Db, rows: RatingRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 20_000) {
    const chunk = JSON.stringify(rows.slice(i, i + 20_000));
    await db.execute(sql`
      insert into ratings (user_id, rater_id, rater_kind, framework_id, skill_key, proficiency, not_applicable,
        interest, quarter, rated_at)
      select "userId", "raterId", "raterKind"::rater_kind, "frameworkId", "skillKey", proficiency, "notApplicable",
        interest, quarter, "ratedAt"
      from json_to_recordset(${chunk}::json) as r("userId" uuid, "raterId" uuid, "raterKind" text, "frameworkId" uuid,
        "skillKey" text, proficiency smallint, "notApplicable" boolean, interest smallint, quarter text,
        "ratedAt" timestamptz)`);
  }
}

// After a bulk load, as an operator would: fresh planner statistics, and
// the vacuum that autovacuum would otherwise run in the next minutes
// (visibility map for index-only scans), so what follows is steady state.
async function settleAfterLoad(run: (statement: string) => Promise<unknown>, inserted: number): Promise<void> {
  if (inserted > 0) {
    await run("vacuum (analyze) ratings");
    await run("vacuum (analyze) ratings_current");
  }
  await run("analyze team_members");
}

main().catch((err) => {
  console.error("Synthetic seeding failed:", formatError(err));
  process.exit(1);
});

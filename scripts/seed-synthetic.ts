/**
 * A deterministic synthetic organisation, for benchmarks and large-grid tests:
 *   npm run seed:synthetic -- --teams 40 --members-per-team 50 --skills 60 --quarters 4 --seed 1 [--rating-fn ./my-rating.mjs]
 * Creates its own framework ("synthetic-<skills>"), teams, people and a rating
 * for every member × skill in each quarter, with bulk inserts. Re-running with
 * the same arguments changes nothing. Uses DATABASE_URL / PGLITE_DIR like the app.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { and, eq, sql } from "drizzle-orm";

import { openDb, targetFromEnv } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { ratings, teamMembers, teams, users } from "../db/schema";
import { installFramework } from "../db/seed/framework";
import { stableUuid } from "../db/seed/ids";
import { formatError } from "../lib/observability/describe-error";
import { lastQuarters, quarterOf, quarterStart } from "../lib/quarters";
import type { RoadmapDocument } from "../lib/roadmap/types";
import { ORG_SIZE_OPTIONS } from "./synthetic/options";
import { rate as defaultRate, type RatingContext, type SyntheticRating } from "./synthetic/rating";

const { values } = parseArgs({
  options: {
    ...ORG_SIZE_OPTIONS,
    seed: { type: "string", default: "1" },
    "rating-fn": { type: "string" },
  },
});
const TEAMS = Number(values.teams);
const PER_TEAM = Number(values["members-per-team"]);
const SKILLS = Number(values.skills);
const QUARTERS = Number(values.quarters);
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
  const handle = openDb(targetFromEnv());
  const started = Date.now();
  try {
    await migrateDatabase(handle);
    const org = await installOrg(handle.db, rate);
    let inserted = 0;
    for (let t = 0; t < TEAMS; t++) inserted += await seedTeam(handle.db, org, t);
    await settleAfterLoad(handle.db, inserted);
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

/** A team, its people and their memberships; their ratings unless the team has some. Returns the ratings inserted. */
async function seedTeam(db: Db, org: Org, t: number): Promise<number> {
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
  if (n > 0) return 0; // this team's history exists: append-only, never again
  const rows = teamRatings(org, t, people);
  await bulkInsertRatings(db, rows);
  return rows.length;
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

// One JSON parameter per 20,000 rows: PostgreSQL expands it with
// json_to_recordset, far cheaper than building a 200,000-parameter INSERT.
async function bulkInsertRatings(db: Db, rows: ReturnType<typeof teamRatings>): Promise<void> {
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
async function settleAfterLoad(db: Db, inserted: number): Promise<void> {
  if (inserted > 0) {
    await db.execute(sql`vacuum (analyze) ratings`);
    await db.execute(sql`vacuum (analyze) ratings_current`);
  }
  await db.execute(sql`analyze team_members`);
}

main().catch((err) => {
  console.error("Synthetic seeding failed:", formatError(err));
  process.exit(1);
});
